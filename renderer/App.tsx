import { Suspense, useCallback, useEffect, useState } from 'react';
import { client } from './client';
import { EmptyArea } from './features/placeholder/EmptyArea';
import { SCREENS } from './features/screens';
import { AREAS, areaFromHash, type AreaId } from './features/shell/areas';
import { HistoryDialog } from './features/shell/HistoryDialog';
import { NotificationList } from './features/shell/NotificationList';
import { WorkspaceDialog, type WorkspaceAction } from './features/shell/WorkspaceDialog';
import { errorText, useWorkspace } from './state';
import { isTyping } from './components/keyboard';

type Theme = 'light' | 'dark';

function initialTheme(): Theme {
  const saved = localStorage.getItem('headroom-theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function App() {
  const ws = useWorkspace();
  const [area, setArea] = useState<AreaId>(() => areaFromHash(window.location.hash));
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [dialog, setDialog] = useState<WorkspaceAction | 'history' | null>(null);
  /** The damaged journal tail whose notice the planner dismissed (it names the kept file). */
  const [damageSeen, setDamageSeen] = useState<string | null>(null);
  const [closedSeen, setClosedSeen] = useState<string | null>(null);
  const reopen = async (path: string) => {
    try {
      const r = await client.call('workspace.open', { path });
      ws.notify('info', `Opened ${r.name}${r.readOnly ? ` (read-only: ${r.readOnlyReason})` : ''}`);
      await ws.opened();
    } catch (e) {
      ws.notify('error', errorText(e));
    }
  };

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('headroom-theme', theme);
  }, [theme]);

  useEffect(() => {
    const onHash = () => setArea(areaFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const go = useCallback((id: AreaId) => {
    window.location.hash = `#/${id}`;
    setArea(id);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z' && !isTyping(e.target)) {
        e.preventDefault();
        void (e.shiftKey ? ws.redo() : ws.undo());
      } else if (mod && e.key.toLowerCase() === 'y' && !isTyping(e.target)) {
        e.preventDefault();
        void ws.redo();
      } else if (mod && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        setDialog('open');
      } else if (mod && e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        setDialog('saveAs');
      } else if (e.altKey && /^[1-7]$/.test(e.key)) {
        e.preventDefault();
        go(AREAS[Number(e.key) - 1]!.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ws, go]);

  const s = ws.state;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Areas">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ▲
          </span>{' '}
          Headroom
        </div>
        <ul>
          {AREAS.map((a, i) => (
            <li key={a.id}>
              <a
                href={`#/${a.id}`}
                className={a.id === area ? 'active' : ''}
                aria-current={a.id === area ? 'page' : undefined}
                title={`${a.label} (Alt+${i + 1})`}
                onClick={(e) => {
                  e.preventDefault();
                  go(a.id);
                }}
              >
                <span className="nav-icon" aria-hidden="true">
                  {a.icon}
                </span>
                {a.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="main-column">
        <header className="topbar">
          <div className="ws-name" title={s?.path}>
            {s ? s.name : ws.loading ? 'Opening…' : 'No workspace open'}
            {s?.readOnly && (
              <span className="badge warn" title={s.readOnlyReason ?? ''}>
                read-only
              </span>
            )}
          </div>
          <div className="toolbar" role="toolbar" aria-label="Workspace">
            <button type="button" onClick={() => setDialog('new')}>
              New
            </button>
            <button type="button" onClick={() => setDialog('open')} title="Open (Ctrl+O)">
              Open
            </button>
            <button type="button" onClick={() => setDialog('saveAs')} disabled={!s} title="Save as (Ctrl+Shift+S)">
              Save as
            </button>
            <span className="sep" />
            <button
              type="button"
              onClick={() => void ws.undo()}
              disabled={!s?.undo || s.readOnly}
              title={s?.undo ? `Undo: ${s.undo.summary} (Ctrl+Z)` : 'Nothing to undo'}
            >
              ↶ Undo
            </button>
            <button
              type="button"
              onClick={() => void ws.redo()}
              disabled={!s?.redo || s.readOnly}
              title={s?.redo ? `Redo: ${s.redo.summary} (Ctrl+Shift+Z)` : 'Nothing to redo'}
            >
              ↷ Redo
            </button>
            <NotificationList notices={ws.log} />
            <button type="button" onClick={() => setDialog('history')} disabled={!s}>
              History
            </button>
            <span className="sep" />
            <button
              type="button"
              onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
              aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
            >
              {theme === 'dark' ? '☀ Light' : '☾ Dark'}
            </button>
          </div>
        </header>
        {s?.readOnly && (
          <div className="banner warn" role="status">
            This workspace is read-only: {s.readOnlyReason}. Changes are refused until you open it for writing.
          </div>
        )}
        {s?.saveProblem && (
          <div className="banner banner-error" role="alert" data-testid="save-problem">
            <span>
              <strong>Not saved to the file.</strong> {s.saveProblem.message}
            </span>
            <button type="button" onClick={() => void ws.saveNow()}>
              Save now
            </button>
          </div>
        )}
        {s?.closedUnsaved && closedSeen !== s.closedUnsaved.message && (
          <div className="banner banner-error banner-actions" role="alert" data-testid="closed-unsaved">
            <span>
              <strong>A workspace closed unsaved.</strong> {s.closedUnsaved.message}
            </span>
            <button type="button" onClick={() => void reopen(s.closedUnsaved!.path)}>
              Open it again
            </button>
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setClosedSeen(s.closedUnsaved?.message ?? null)}>
              ✕
            </button>
          </div>
        )}
        {s?.journalDamage && damageSeen !== s.journalDamage.keptAt && (
          <div className="banner warn banner-actions" role="status" data-testid="journal-damage">
            <span>{s.journalDamage.message}</span>
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setDamageSeen(s.journalDamage?.keptAt ?? null)}>
              ✕
            </button>
          </div>
        )}
        <main id="main" tabIndex={-1}>
          {!s && !ws.loading ? (
            <div className="empty-state">
              <h2>No workspace open</h2>
              <p>Create a new workspace or open an existing one.</p>
              <div>
                <button type="button" className="primary" onClick={() => setDialog('new')}>
                  New workspace
                </button>{' '}
                <button type="button" onClick={() => setDialog('open')}>
                  Open…
                </button>
              </div>
            </div>
          ) : (
            (() => {
              const Screen = SCREENS[area];
              return Screen ? (
                <Suspense fallback={<section className="screen" aria-busy="true" />}>
                  {/* A new workspace starts every screen afresh: nothing of the last file's rows or selection asks the new one. */}
                  <Screen key={s?.path ?? ''} />
                </Suspense>
              ) : (
                <EmptyArea area={area} />
              );
            })()
          )}
        </main>
        {/* At most one toast over the content (the newest); the rest are in the notification list. */}
        <div className="notices" aria-live="polite">
          {ws.notices.slice(-1).map((n) => (
            <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
              <span>{n.text}</span>
              <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => ws.dismiss(n.id)}>
                ✕
              </button>
            </div>
          ))}
        </div>
      </div>
      {dialog === 'history' && <HistoryDialog onClose={() => setDialog(null)} />}
      {dialog && dialog !== 'history' && <WorkspaceDialog action={dialog} onClose={() => setDialog(null)} />}
    </div>
  );
}
