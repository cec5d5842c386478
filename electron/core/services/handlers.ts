/**
 * One handler per contract operation, over a Session. Each area contributes its group; the
 * type below makes a missing or misspelled operation a compile error. Transports call these
 * through dispatch.
 */
import { dhcpHandlers } from './dhcp-handlers';
import { facilityHandlers } from './facility-handlers';
import { forecastHandlers } from './forecast-handlers';
import type { Handlers } from './handler-types';
import { linksHandlers } from './links-handlers';
import { readingsHandlers } from './readings-import';
import { registryHandlers } from './registry-handlers';
import { reportsHandlers } from './reports-handlers';
import { requestsHandlers } from './requests-handlers';
import { routingHandlers } from './routing-handlers';
import type { Session } from './session';
import { workspaceHandlers } from './workspace-handlers';

export type { AreaHandlers, Handlers } from './handler-types';

export function createHandlers(session: Session): Handlers {
  return {
    ...workspaceHandlers(session),
    ...registryHandlers(session),
    ...facilityHandlers(session),
    ...requestsHandlers(session),
    ...forecastHandlers(session),
    ...reportsHandlers(session),
    ...routingHandlers(session),
    ...linksHandlers(session),
    ...dhcpHandlers(session),
    ...readingsHandlers(session),
  };
}
