import type { AreaHandlers } from './handler-types';
import { addPrefix, listPrefixes, listSpaces, removePrefix } from './registry';
import type { Session } from './session';

export function registryHandlers(session: Session): AreaHandlers<'registry'> {
  const ws = () => session.require();
  return {
    'registry.addPrefix': (i) => addPrefix(ws(), i),
    'registry.removePrefix': (i) => removePrefix(ws(), i),
    'registry.listPrefixes': (i) => listPrefixes(ws(), i),
    'registry.listSpaces': () => listSpaces(ws()),
  };
}
