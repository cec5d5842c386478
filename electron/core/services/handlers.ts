/** One handler per contract operation, over a Session. Transports call these via dispatch. */
import type { Channel, OutputOf, ParsedInputOf } from '../../../shared/contract';
import type { Session } from './session';
import { addPrefix, listPrefixes, listSpaces, removePrefix } from './registry';

export type Handlers = { [C in Channel]: (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>> };

export function createHandlers(session: Session): Handlers {
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
    'registry.addPrefix': (i) => addPrefix(ws(), i),
    'registry.removePrefix': (i) => removePrefix(ws(), i),
    'registry.listPrefixes': (i) => listPrefixes(ws(), i),
    'registry.listSpaces': () => listSpaces(ws()),
  };
}
