import type { AreaHandlers } from './handler-types';
import { addRoute, aspaPlanFor, checkVrps, exportRoas, listRoutes, planFor, removeRoute } from './routing';
import type { Session } from './session';

export function routingHandlers(session: Session): AreaHandlers<'routing'> {
  const ws = () => session.require();
  return {
    'routing.listRoutes': (i) => listRoutes(ws(), i),
    'routing.addRoute': (i) => addRoute(ws(), i),
    'routing.removeRoute': (i) => removeRoute(ws(), i),
    'routing.planRoas': (i) => planFor(ws(), i),
    'routing.checkRoas': (i) => checkVrps(ws(), i),
    'routing.exportRoas': (i) => exportRoas(ws(), i),
    'routing.planAspas': () => aspaPlanFor(ws()),
  };
}
