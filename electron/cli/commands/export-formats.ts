/**
 * `export WS --format F --out FILE [--within CIDR]`: each format produces the file's content from
 * the workspace through the contract (text, written as UTF-8, or bytes, written as they are); the
 * command writes it atomically (temp file + rename).
 * Areas add their formats here (one entry each).
 */
import { resolve } from 'node:path';
import type { ReportFormat, RoaExportFormatName } from '../../../shared/contract';
import { refuseWorkspaceFile } from '../../core/workspace/files';
import type { Caller } from '../command';
import { printHtmlToPdf } from '../pdf';

export interface ExportFormatSpec {
  summary: string;
  /** `ns`: the reverse zones' name servers, comma-separated (`--ns`); default: Settings. */
  produce(
    call: Caller,
    opts: {
      within?: string | undefined;
      space?: string | undefined;
      ns?: string | undefined;
      zone?: string | undefined;
      site?: string | undefined;
      /** Says what the file leaves out or doubts (a report's warnings), on stderr. */
      warn?: ((warning: string) => void) | undefined;
    },
  ): Promise<string | Uint8Array>;
}

const registryFormat = (format: 'csv' | 'netbox' | 'delegated', summary: string): ExportFormatSpec => ({
  summary,
  async produce(call, opts) {
    return (await call('registry.export', { format, within: opts.within, space: opts.space })).text;
  },
});

const splitList = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '')
    : undefined;

const reportFormat = (format: ReportFormat, summary: string): ExportFormatSpec => ({
  summary,
  async produce(call, opts) {
    const ns = splitList(opts.ns);
    const r = await call('reports.export', {
      format,
      within: opts.within,
      space: opts.space,
      ...(ns ? { ns } : {}),
      ...(opts.zone !== undefined ? { zone: opts.zone } : {}),
    });
    for (const w of r.warnings) opts.warn?.(w);
    return r.text;
  },
});

/**
 * The file `--out` names, refused (exit 1, naming --out) when it is the workspace `ws` itself or
 * one of the files Headroom keeps beside a workspace (journal, lock, index, integrity record, a
 * backup), however it is spelled: relative, with `..`, or through a symlink. Checked before the
 * export is produced, so nothing is written.
 */
export function checkOut(ws: string, out: string): string {
  refuseWorkspaceFile(out, 'out', '--out', [ws]);
  return resolve(out);
}

/** The planned ROAs (routing plan, docs/routing.md §5); `roa export` writes the same files. */
const roaFormat = (format: RoaExportFormatName, summary: string): ExportFormatSpec => ({
  summary,
  async produce(call) {
    return (await call('routing.exportRoas', { format })).text;
  },
});

export const exportFormats: Record<string, ExportFormatSpec> = {
  csv: registryFormat('csv', 'prefix,status,description,space,date (RFC 4180, UTF-8)'),
  netbox: registryFormat('netbox', "NetBox's prefix import CSV (prefix,status,vrf,description)"),
  delegated: registryFormat('delegated', 'an RIR delegated stats file of the aggregates and ASNs'),
  rpsl: reportFormat('rpsl', 'inetnum/inet6num and route/route6 of each aggregate, aut-num of our ASNs'),
  bind: reportFormat('bind', 'the reverse zones of the aggregates, each starting with its $ORIGIN (name servers from Settings)'),
  dhcpd: reportFormat('dhcpd', "ISC dhcpd.conf laid out by network: each DHCP scope's range, lease time and options, a host block per host with a MAC"),
  kea: reportFormat('kea', "Kea DHCPv4 JSON: Dhcp4.subnet4 per scope (pools, lease time, options) with the hosts' reservations"),
  zone: reportFormat('zone', 'a forward zone file for --zone NAME: SOA, NS (--ns HOST[,HOST]) and an A/AAAA per host under NAME'),
  'roa-slurm': roaFormat('slurm', 'the planned ROAs as an RFC 8416 SLURM file'),
  'roa-csv': roaFormat('csv', 'the planned ROAs as asn,prefix,maxLength'),
  'roa-lacnic': roaFormat('lacnic', "the planned ROAs as MiLACNIC's bulk lines (Prefix/Length-MaxLength ASN)"),
  'roa-arin': roaFormat('arin', 'the planned ROAs as ARIN ROA requests, one per origin, to sign'),
  'roa-ripe': roaFormat('ripe', 'the planned ROAs as the body of the RIPE NCC RPKI API publish call'),
  pdf: {
    summary: 'the allocation report printed with Chromium',
    async produce(call, opts) {
      const html = (await call('reports.export', { format: 'html', within: opts.within, space: opts.space })).text;
      return printHtmlToPdf(html, 'use --format csv');
    },
  },
  'report-csv': {
    summary: 'the allocation report as CSV: every block with its depth, used, reserved and free share',
    async produce(call, opts) {
      const f = await call('reports.file', { format: 'report-csv', within: opts.within, space: opts.space });
      return new Uint8Array(Buffer.from(f.base64, 'base64'));
    },
  },
  'sizing-pdf': {
    summary: 'the facility sizing sheet of one site (--site NAME) printed with Chromium, as the app saves it',
    async produce(call, opts) {
      const f = await call('reports.file', { format: 'sizing-pdf', site: opts.site });
      return new Uint8Array(Buffer.from(f.base64, 'base64'));
    },
  },
};
