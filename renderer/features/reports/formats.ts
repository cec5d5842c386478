/** The files the Reports screen offers, grouped as a planner looks for them (docs/exports.md). */
import type { ReportFileFormat } from '../../../shared/contract';

export interface FormatEntry {
  format: ReportFileFormat;
  label: string;
  /** What the file is for, in one line. */
  hint: string;
  /** Whether the scope (space, block) applies; ROA files and drafts cover the whole workspace. */
  scoped: boolean;
  /** Only one space: DHCP servers refuse overlapping subnets of two VRFs. */
  oneSpace?: boolean;
  /** One facility site. */
  site?: boolean;
}

export interface FormatGroup {
  title: string;
  entries: FormatEntry[];
}

export const FORMAT_GROUPS: FormatGroup[] = [
  {
    title: 'Allocation report',
    entries: [
      {
        format: 'pdf',
        label: 'Allocation report (PDF)',
        hint: 'The tree of blocks with utilization and free space, and the forecast board for the whole workspace',
        scoped: true,
      },
      {
        format: 'report-csv',
        label: 'Allocation report (CSV)',
        hint: 'Every block with its depth in the tree and the share its children use and reserve, and what is free',
        scoped: true,
      },
      { format: 'csv', label: 'Blocks (CSV)', hint: 'prefix, status, description, space, date: opens in a spreadsheet', scoped: true },
    ],
  },
  {
    title: 'Facility',
    entries: [
      {
        format: 'sizing-pdf',
        label: 'Sizing sheet (PDF)',
        hint: 'One site: every limit with its maximum, today’s value and how much is used, and every input behind them',
        scoped: false,
        site: true,
      },
    ],
  },
  {
    title: 'Registry exchange',
    entries: [
      { format: 'netbox', label: 'NetBox prefixes (CSV)', hint: 'NetBox’s prefix import file', scoped: true },
      { format: 'delegated', label: 'RIR delegated stats', hint: 'The aggregates and ASNs in the RIRs’ delegated-extended format', scoped: true },
      { format: 'rpsl', label: 'RPSL objects', hint: 'inetnum/inet6num and route objects of each aggregate, aut-num of our ASNs', scoped: true },
    ],
  },
  {
    title: 'DNS and DHCP',
    entries: [
      { format: 'bind', label: 'BIND reverse zones', hint: 'Every reverse zone, each a complete zone file; save them one file per zone', scoped: true },
      { format: 'dhcpd', label: 'ISC dhcpd.conf', hint: 'A subnet per assigned IPv4 block of /30 or shorter', scoped: true, oneSpace: true },
      { format: 'kea', label: 'Kea DHCPv4 (JSON)', hint: 'Dhcp4.subnet4 per assigned IPv4 block of /30 or shorter', scoped: true, oneSpace: true },
    ],
  },
  {
    title: 'ROAs (routing plan)',
    entries: [
      { format: 'roa-slurm', label: 'SLURM (RFC 8416)', hint: 'For a validator: the planned ROAs as local assertions', scoped: false },
      { format: 'roa-csv', label: 'ROA CSV', hint: 'asn, prefix, maxLength', scoped: false },
      { format: 'roa-lacnic', label: 'LACNIC bulk lines', hint: 'MiLACNIC’s Prefix/Length-MaxLength ASN lines', scoped: false },
      { format: 'roa-arin', label: 'ARIN ROA requests', hint: 'One request per origin, to sign', scoped: false },
      { format: 'roa-ripe', label: 'RIPE NCC publish body', hint: 'The body of the RIPE NCC RPKI API publish call', scoped: false },
    ],
  },
  {
    title: 'Request drafts',
    entries: [
      { format: 'request-pdf', label: 'Request draft (PDF)', hint: 'The RFC 2901 draft with its policy checks', scoped: false },
      { format: 'request-txt', label: 'Request draft (text)', hint: 'The same draft as plain text, for a ticket or an e-mail', scoped: false },
      { format: 'request-md', label: 'Request draft (Markdown)', hint: 'The same draft as Markdown', scoped: false },
    ],
  },
];

export const ALL_FORMATS: FormatEntry[] = FORMAT_GROUPS.flatMap((g) => g.entries);

export const isDraft = (f: ReportFileFormat) => f.startsWith('request-');
export const isRoa = (f: ReportFileFormat) => f.startsWith('roa-');
export const isPdf = (f: ReportFileFormat) => f === 'pdf' || f.endsWith('-pdf');

/** A file's bytes from the base64 the service sends. */
export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Offers bytes as a file: a download in the browser, Electron's save dialog in the app (main.ts). */
export function saveBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
