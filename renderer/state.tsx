/** Workspace state shared by every screen: what is open, a change counter, and notices. */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { contract, type WorkspaceState } from '../shared/contract';
import { errorLine } from '../shared/errors';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ClientError, onAnswer } from './client';
import { contractKey, forgetWorkspace, invalidateAll } from './data/query';

/** After a change, the save status is read again this long after (the autosave runs 2 s after it). */
const SAVE_CHECK_AFTER_CHANGE_MS = 3500;
/** While the file cannot be written, the status is read this often (a retry may succeed). */
const SAVE_CHECK_WHILE_FAILING_MS = 5000;

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

interface WorkspaceContextValue {
  state: WorkspaceState | null;
  loading: boolean;
  /** Another workspace was opened, created or saved as: drops the old one's answers and reads the new one. */
  opened(): Promise<void>;
  /** Tells the planner something (a notice, kept in the notification list). */
  notify(kind: Notice['kind'], text: string): void;
  notices: Notice[];
  /** Every notice of this session, newest last (the notification list; at most the last 100). */
  log: Notice[];
  dismiss(id: number): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Tries the save again (the banner's button while the file cannot be written). */
  saveNow(): Promise<void>;
}

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

let nextNotice = 1;

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [notices, setNotices] = useState<Notice[]>([]);
  const [log, setLog] = useState<Notice[]>([]);

  const notify = useCallback((kind: Notice['kind'], text: string) => {
    const id = nextNotice++;
    setNotices((n) => [...n.slice(-3), { id, kind, text }]);
    setLog((l) => [...l.slice(-99), { id, kind, text }]);
    if (kind === 'info') setTimeout(() => setNotices((n) => n.filter((x) => x.id !== id)), 5000);
  }, []);

  // The workspace state is a query like any other (every change invalidates it: undo moves);
  // a failed read of it is told as a notice.
  const current = useQuery({
    queryKey: contractKey('workspace.current', {}),
    queryFn: async ({ signal }) => {
      try {
        return await client.call('workspace.current', {}, { signal });
      } catch (e) {
        if (!signal.aborted) notify('error', errorText(e));
        throw e;
      }
    },
  });
  const state = current.data ?? null;
  const loading = current.isPending;

  /** Reads everything again (undo and redo may touch anything): the workspace state and every query on screen. */
  const refresh = useCallback(async () => {
    await invalidateAll(qc);
  }, [qc]);

  const opened = useCallback(async () => {
    await forgetWorkspace(qc, 'workspace.current');
  }, [qc]);

  const undo = useCallback(async () => {
    try {
      const r = await client.call('workspace.undo', {});
      notify('info', r ? `Undone: ${r.summary}` : 'Nothing to undo');
    } catch (e) {
      notify('error', errorText(e));
    }
    await refresh();
  }, [notify, refresh]);

  const redo = useCallback(async () => {
    try {
      const r = await client.call('workspace.redo', {});
      notify('info', r ? `Redone: ${r.summary}` : 'Nothing to redo');
    } catch (e) {
      notify('error', errorText(e));
    }
    await refresh();
  }, [notify, refresh]);

  // Whether the file lags its journal (saveProblem) can change with no change of the workspace:
  // an autosave fails or a retry succeeds. Read it again without invalidating any query (screens do
  // not reload): when an answer's warning disagrees with what is shown, a while after each
  // change, and every few seconds while the problem stands.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  const checkSave = useCallback(async () => {
    try {
      const next = await client.call('workspace.current', {});
      qc.setQueryData(contractKey('workspace.current', {}), (prev: WorkspaceState | null | undefined) =>
        prev && next && prev.path === next.path ? { ...prev, saveProblem: next.saveProblem, journalDamage: next.journalDamage } : prev,
      );
    } catch {
      /* the next answer tells again */
    }
  }, [qc]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = onAnswer((channel, warning) => {
      if (channel === 'workspace.current') return;
      const shown = !!stateRef.current?.saveProblem;
      if (!!warning !== shown) void checkSave();
      if (contract[channel].mutates) {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void checkSave(), SAVE_CHECK_AFTER_CHANGE_MS);
      }
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [checkSave]);
  const failing = !!state?.saveProblem;
  useEffect(() => {
    if (!failing) return;
    const every = setInterval(() => void checkSave(), SAVE_CHECK_WHILE_FAILING_MS);
    return () => clearInterval(every);
  }, [failing, checkSave]);

  const saveNow = useCallback(async () => {
    try {
      await client.call('workspace.save', {});
      notify('info', 'Saved');
    } catch (e) {
      notify('error', errorText(e));
    }
    await checkSave();
  }, [notify, checkSave]);

  const value = useMemo(
    () => ({
      state,
      loading,
      opened,
      notify,
      notices,
      log,
      dismiss: (id: number) => setNotices((n) => n.filter((x) => x.id !== id)),
      undo,
      redo,
      saveNow,
    }),
    [state, loading, opened, notify, notices, log, undo, redo, saveNow],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceContextValue {
  const ctx = useContext(WorkspaceContext);
  if (!ctx) throw new Error('useWorkspace outside WorkspaceProvider');
  return ctx;
}

/** Tells a failed read as an error notice, once per failure (a screen whose list could not load). */
export function useReadFailure(error: Error | null | undefined): void {
  const { notify } = useWorkspace();
  useEffect(() => {
    if (error) notify('error', errorText(error));
  }, [error, notify]);
}

/**
 * A failure told away from its field (a notice, a form's own line): the field, or the file the
 * error names, in front of the problem, as the CLI prints it (shared/errors.ts errorLine).
 */
export function errorText(e: unknown): string {
  if (e instanceof ClientError) return errorLine(e);
  return e instanceof Error ? e.message : String(e);
}

/** Field-level errors from a failed call: `{ field: message }` (the message is the problem alone), or `_` for the whole form. */
export function errorsFrom(e: unknown): Record<string, string> {
  if (e instanceof ClientError) return e.field ? { [e.field]: e.message } : { _: e.message };
  return { _: e instanceof Error ? e.message : String(e) };
}
