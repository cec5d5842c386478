/** Workspace state shared by every screen: what is open, a change counter, and notices. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { WorkspaceState } from '../shared/contract';
import { client, ClientError } from './client';

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
  dismiss(id: number): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

let nextNotice = 1;

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<WorkspaceState | null>(null);
  const [version, setVersion] = useState(0);
  const [loading, setLoading] = useState(true);
  const [notices, setNotices] = useState<Notice[]>([]);

  const notify = useCallback((kind: Notice['kind'], text: string) => {
    const id = nextNotice++;
    setNotices((n) => [...n.slice(-3), { id, kind, text }]);
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

  const value = useMemo(
    () => ({
      state,
      version,
      loading,
      refresh,
      notify,
      notices,
      dismiss: (id: number) => setNotices((n) => n.filter((x) => x.id !== id)),
      undo,
      redo,
    }),
    [state, version, loading, refresh, notify, notices, undo, redo],
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
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

/** Field-level errors from a failed call: `{ field: message }`, or `_` for the whole form. */
export function errorsFrom(e: unknown): Record<string, string> {
  if (e instanceof ClientError) return e.field ? { [e.field]: atField(e.field, e.message) } : { _: e.message };
  return { _: e instanceof Error ? e.message : String(e) };
}
