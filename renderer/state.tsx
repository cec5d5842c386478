/** Workspace state shared by every screen: what is open, a change counter, and notices. */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { contract, type WorkspaceState } from '../shared/contract';
import { problemOf } from '../shared/errors';
import { client, ClientError, onAnswer } from './client';

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
  /** Bumped after every change, so screens know to reload what they show. */
  version: number;
  loading: boolean;
  refresh(): Promise<void>;
  /** Runs a change, refreshes, and reports failure as a notice (unless the caller handles fields). */
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
  const [state, setState] = useState<WorkspaceState | null>(null);
  const [version, setVersion] = useState(0);
  const [loading, setLoading] = useState(true);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [log, setLog] = useState<Notice[]>([]);

  const notify = useCallback((kind: Notice['kind'], text: string) => {
    const id = nextNotice++;
    setNotices((n) => [...n.slice(-3), { id, kind, text }]);
    setLog((l) => [...l.slice(-99), { id, kind, text }]);
    if (kind === 'info') setTimeout(() => setNotices((n) => n.filter((x) => x.id !== id)), 5000);
  }, []);

  const refresh = useCallback(async () => {
    try {
      setState(await client.call('workspace.current', {}));
    } catch (e) {
      notify('error', (e as Error).message);
    } finally {
      setLoading(false);
      setVersion((v) => v + 1);
    }
  }, [notify]);

  const undo = useCallback(async () => {
    try {
      const r = await client.call('workspace.undo', {});
      notify('info', r ? `Undone: ${r.summary}` : 'Nothing to undo');
    } catch (e) {
      notify('error', e instanceof ClientError ? e.message : String(e));
    }
    await refresh();
  }, [notify, refresh]);

  const redo = useCallback(async () => {
    try {
      const r = await client.call('workspace.redo', {});
      notify('info', r ? `Redone: ${r.summary}` : 'Nothing to redo');
    } catch (e) {
      notify('error', e instanceof ClientError ? e.message : String(e));
    }
    await refresh();
  }, [notify, refresh]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Whether the file lags its journal (saveProblem) can change with no change of the workspace:
  // an autosave fails or a retry succeeds. Read it again without bumping `version` (screens do
  // not reload): when an answer's warning disagrees with what is shown, a while after each
  // change, and every few seconds while the problem stands.
  const stateRef = useRef(state);
  stateRef.current = state;
  const checkSave = useCallback(async () => {
    try {
      const next = await client.call('workspace.current', {});
      setState((prev) => (prev && next && prev.path === next.path ? { ...prev, saveProblem: next.saveProblem, journalDamage: next.journalDamage } : prev));
    } catch {
      /* the next answer tells again */
    }
  }, []);
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
      notify('error', e instanceof ClientError ? e.message : String(e));
    }
    await checkSave();
  }, [notify, checkSave]);

  const value = useMemo(
    () => ({
      state,
      version,
      loading,
      refresh,
      notify,
      notices,
      log,
      dismiss: (id: number) => setNotices((n) => n.filter((x) => x.id !== id)),
      undo,
      redo,
      saveNow,
    }),
    [state, version, loading, refresh, notify, notices, log, undo, redo, saveNow],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceContextValue {
  const ctx = useContext(WorkspaceContext);
  if (!ctx) throw new Error('useWorkspace outside WorkspaceProvider');
  return ctx;
}

/**
 * A message shown next to its field: the `field: ` lead that names it for the CLI and logs is
 * dropped, since the field's own label already says which one it is.
 */
export function atField(field: string, message: string): string {
  return problemOf(field, message);
}

/** Field-level errors from a failed call: `{ field: message }`, or `_` for the whole form. */
export function errorsFrom(e: unknown): Record<string, string> {
  if (e instanceof ClientError) return e.field ? { [e.field]: atField(e.field, e.message) } : { _: e.message };
  return { _: e instanceof Error ? e.message : String(e) };
}
