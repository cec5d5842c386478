/**
 * Which screens' data a change makes stale. A channel's area is the part of its name before the
 * dot (`registry.addPrefix` → `registry`). A successful change invalidates the queries of the
 * areas its own area affects, read from the services: the forecasts read the registry, DHCP,
 * the facility and the links; the requests read the registry, the ASNs, the facility equipment
 * and the settings; the reports read everything; every change writes the audit log
 * (`workspace.history`) and moves undo (`workspace.current`).
 */
import type { Channel } from '../../shared/contract';

export type Area = 'workspace' | 'registry' | 'dhcp' | 'facility' | 'requests' | 'forecast' | 'reports' | 'routing' | 'links' | 'readings';

export const AREA_NAMES: readonly Area[] = ['workspace', 'registry', 'dhcp', 'facility', 'requests', 'forecast', 'reports', 'routing', 'links', 'readings'];

/** The area of a channel (the part of its name before the dot). */
export function areaOf(channel: string): Area | null {
  const area = channel.slice(0, channel.indexOf('.'));
  return (AREA_NAMES as readonly string[]).includes(area) ? (area as Area) : null;
}

/**
 * For a change in the key's area, the areas whose queries it makes stale (besides `workspace`,
 * which every change touches). A `workspace` change (undo, redo) may touch anything.
 */
export const AFFECTS: Readonly<Record<Area, readonly Area[]>> = {
  workspace: AREA_NAMES,
  // Prefixes and ASNs: hosts and scopes live in prefixes, routes are checked against them, the
  // request drafts count holdings, the forecasts fit pool utilization.
  registry: ['registry', 'dhcp', 'routing', 'requests', 'forecast', 'reports'],
  // Hosts, scopes and lease readings: a block's details show its addresses; scopes are forecast.
  dhcp: ['dhcp', 'registry', 'forecast', 'reports'],
  // Sites and their equipment: equipment feeds the request drafts; loads and readings are forecast.
  facility: ['facility', 'requests', 'forecast', 'reports'],
  // The organisation and the drafts: the organisation's AS and name servers are used by routing.
  requests: ['requests', 'routing', 'reports'],
  routing: ['routing', 'requests', 'reports'],
  links: ['links', 'forecast', 'reports'],
  // The forecasts and the reports only read (no change is declared in them today).
  forecast: ['forecast', 'reports'],
  reports: ['reports'],
  // Bulk readings land in the facility, the links or the DHCP lease history.
  readings: ['readings', 'facility', 'links', 'dhcp', 'forecast', 'reports'],
};

/** The areas whose queries a successful change on `channel` makes stale. */
export function staleAfter(channel: Channel | string): ReadonlySet<Area> {
  const area = areaOf(channel);
  if (!area) return new Set(AREA_NAMES);
  return new Set<Area>(['workspace', ...AFFECTS[area]]);
}
