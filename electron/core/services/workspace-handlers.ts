import type { AreaHandlers } from './handler-types';
import type { Session } from './session';

export function workspaceHandlers(session: Session): AreaHandlers<'workspace'> {
  const ws = () => session.require();
  return {
    'workspace.current': () => session.current(),
    'workspace.info': () => ws().info(),
    'workspace.history': (i) => ws().history(i.limit ?? 50, i.offset ?? 0),
    'workspace.check': () => ws().check(),
    'workspace.undo': () => ws().undo(),
    'workspace.redo': () => ws().redo(),
    'workspace.save': () => ({ savedAt: ws().save() }),
    'workspace.open': (i) => session.open(i.path, i.readOnly ?? false),
    'workspace.create': (i) => session.create(i.path, i.demo ?? false),
    'workspace.saveAs': (i) => session.saveAs(i.path),
    'workspace.recent': () => session.recent(),
  };
}
