/**
 * The demo's fixed hosts and DHCP scopes (issue 15), so every export shows them: routers and
 * servers with PTRs and A/AAAA records, MAC reservations, and three scopes (a school LAN, a
 * hotel's guest network, the fixed-wireless access network), each with a year of monthly lease
 * readings for the forecast board. Every row here obeys the rules of shared/dhcp/ (the demo
 * test re-adds each one through the services).
 */
import { parseAddress } from '../../../shared/ip/prefix';
import { addressToKey } from '../../../shared/ip/storage-key';
import type { Tx } from '../workspace/tx';

export const DEMO_HOSTS: { ip: string; name: string; mac: string | null; role: 'router' | 'server' | 'printer' | 'switch' | 'other'; description: string }[] = [
  { ip: '198.51.100.1', name: 'core1.example.net', mac: null, role: 'router', description: 'Core router 1, loopback' },
  { ip: '198.51.100.2', name: 'core2.example.net', mac: null, role: 'router', description: 'Core router 2, loopback' },
  { ip: '198.51.100.33', name: 'ns1.example.net', mac: '52:54:00:12:34:01', role: 'server', description: 'Primary name server' },
  { ip: '198.51.100.34', name: 'mail.example.net', mac: '52:54:00:12:34:02', role: 'server', description: 'Mail' },
  { ip: '198.51.100.35', name: 'www.example.net', mac: '52:54:00:12:34:03', role: 'server', description: 'Web' },
  { ip: '198.51.100.36', name: 'radius.example.net', mac: '52:54:00:12:34:04', role: 'server', description: 'RADIUS for the BNGs' },
  { ip: '198.51.100.81', name: 'gw.school.example.net', mac: null, role: 'router', description: 'Riverside Secondary School, CPE' },
  { ip: '198.51.100.82', name: 'printer1.school.example.net', mac: '00:1b:a9:3c:4d:01', role: 'printer', description: 'Staff room printer' },
  { ip: '198.51.100.97', name: 'gw.lakeside-hotel.example.net', mac: null, role: 'router', description: 'Lakeside Hotel, CPE' },
  { ip: '203.0.113.1', name: 'gw.fwa.example.net', mac: null, role: 'router', description: 'Fixed-wireless gateway' },
  { ip: '203.0.113.2', name: 'ap1.fwa.example.net', mac: '00:15:6d:aa:00:01', role: 'switch', description: 'Sector access point, north mast' },
  { ip: '203.0.113.3', name: 'ap2.fwa.example.net', mac: '00:15:6d:aa:00:02', role: 'switch', description: 'Sector access point, south mast' },
  { ip: '2001:db8:0:100::53', name: 'ns2.example.net', mac: null, role: 'server', description: 'Secondary name server (IPv6)' },
];

export const DEMO_SCOPES: {
  prefix: string;
  first: string;
  last: string;
  leaseS: number;
  router: string;
  dns: string[];
  domain: string;
  readings: [string, number][];
}[] = [
  {
    prefix: '198.51.100.80/28',
    first: '198.51.100.84',
    last: '198.51.100.94',
    leaseS: 28_800,
    router: '198.51.100.81',
    dns: ['198.51.100.33'],
    domain: 'school.example.net',
    readings: [
      ['2026-01-05', 4],
      ['2026-03-02', 5],
      ['2026-05-04', 6],
      ['2026-07-06', 6],
      ['2026-09-07', 8],
      ['2026-11-02', 9],
    ],
  },
  {
    prefix: '198.51.100.96/29',
    first: '198.51.100.98',
    last: '198.51.100.102',
    leaseS: 3_600,
    router: '198.51.100.97',
    dns: ['198.51.100.33'],
    domain: 'lakeside-hotel.example.net',
    readings: [
      ['2026-07-06', 2],
      ['2026-09-07', 3],
      ['2026-11-02', 3],
    ],
  },
  {
    prefix: '203.0.113.0/25',
    first: '203.0.113.10',
    last: '203.0.113.126',
    leaseS: 86_400,
    router: '203.0.113.1',
    dns: ['198.51.100.33'],
    domain: 'fwa.example.net',
    readings: [
      ['2025-11-03', 12],
      ['2026-01-05', 25],
      ['2026-03-02', 37],
      ['2026-05-04', 48],
      ['2026-07-06', 61],
      ['2026-09-07', 70],
      ['2026-11-02', 82],
    ],
  },
];

const v4 = (ip: string) => parseAddress(ip).value as number;

/** Adds the demo hosts and scopes inside the demo's own action (space 1 is `global`). */
export function seedDemoDhcp(tx: Tx, now: Date): void {
  const at = now.toISOString();
  for (const h of DEMO_HOSTS) {
    const a = parseAddress(h.ip);
    tx.insert('hosts', {
      space_id: 1,
      family: a.family,
      addr: addressToKey(a.family, a.value),
      name: h.name,
      mac: h.mac,
      role: h.role,
      description: h.description,
      created_at: at,
    });
  }
  for (const s of DEMO_SCOPES) {
    const [net, len] = s.prefix.split('/');
    const id = tx.insert('dhcp_scopes', {
      space_id: 1,
      network: v4(net!),
      length: Number(len),
      first: v4(s.first),
      last: v4(s.last),
      lease_s: s.leaseS,
      router: v4(s.router),
      dns: s.dns.map(v4).join(','),
      domain: s.domain,
      created_at: at,
    });
    for (const [date, leased] of s.readings) tx.insert('dhcp_lease_readings', { scope_id: id, date, leased });
  }
}
