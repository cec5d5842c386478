/** The seven areas of the app, in navigation order (Alt+1 … Alt+7). */
export const AREAS = [
  {
    id: 'registry',
    label: 'Registry',
    icon: '▦',
    blurb: 'Address blocks from your RIR or upstream, every sub-allocation and assignment, free space and utilization.',
  },
  { id: 'asns', label: 'ASNs', icon: '⌘', blurb: 'Your AS numbers and your neighbours’, in asplain and asdot, with special-purpose flags.' },
  {
    id: 'requests',
    label: 'Requests',
    icon: '✉',
    blurb: 'RFC 2901 request drafts for ARIN, RIPE NCC, APNIC, LACNIC and AFRINIC, checked against each RIR’s policy, with RPSL objects and reverse DNS.',
  },
  {
    id: 'facility',
    label: 'Facility',
    icon: '⚡',
    blurb: 'Loads, UPS sizing and battery runtime, generator and fuel, cooling and backup windows for each site.',
  },
  {
    id: 'forecasts',
    label: 'Forecasts',
    icon: '↗',
    blurb: 'When each address pool, UPS, generator, fuel tank, cooling plant and backup window runs out, with the likely range of dates.',
  },
  {
    id: 'reports',
    label: 'Reports',
    icon: '▤',
    blurb: 'Allocation reports (CSV, PDF, RPSL), facility sizing sheets, reverse-DNS zones and DHCP configurations.',
  },
  { id: 'settings', label: 'Settings', icon: '⚙', blurb: 'Your organisation and contacts (used in request drafts), the theme, and the workspace file.' },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];

/** `#/requests?objects=198.51.100.0/24`: the area, then what it should open (its own business). */
export function areaFromHash(hash: string): AreaId {
  const id = hash.replace(/^#\/?/, '').split('?')[0]!;
  return (AREAS.find((a) => a.id === id)?.id ?? 'registry') as AreaId;
}

/** The parameters after the area in the hash (`?objects=…`). */
export function hashParams(hash: string): URLSearchParams {
  const i = hash.indexOf('?');
  return new URLSearchParams(i >= 0 ? hash.slice(i + 1) : '');
}
