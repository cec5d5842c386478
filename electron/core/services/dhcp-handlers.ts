import type { AreaHandlers } from './handler-types';
import { addHost, listHosts, removeHost, updateHost } from './hosts';
import { importLeases } from './leases';
import { addScope, listScopes, removeScope, updateScope } from './scopes';
import type { Session } from './session';

export function dhcpHandlers(session: Session): AreaHandlers<'dhcp'> {
  const ws = () => session.require();
  return {
    'dhcp.listHosts': (i) => listHosts(ws(), i),
    'dhcp.addHost': (i) => addHost(ws(), i),
    'dhcp.updateHost': (i) => updateHost(ws(), i),
    'dhcp.removeHost': (i) => removeHost(ws(), i),
    'dhcp.listScopes': (i) => listScopes(ws(), i),
    'dhcp.addScope': (i) => addScope(ws(), i),
    'dhcp.updateScope': (i) => updateScope(ws(), i),
    'dhcp.removeScope': (i) => removeScope(ws(), i),
    'dhcp.importLeases': (i) => importLeases(ws(), i),
  };
}
