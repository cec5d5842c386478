/**
 * The planned ROAs as files (docs/routing.md §5, each format with its source):
 *
 * - `slurm`: RFC 8416 §3 — a SLURM file whose locallyAddedAssertions.prefixAssertions are the
 *   planned ROAs (`asn`, `prefix`, `maxPrefixLength`, `comment`), the filters and BGPsec lists
 *   empty; a validator loads it to act as if the ROAs were already published.
 * - `csv`: `asn,prefix,maxLength` with a header, ASNs written `AS64500` as the validators'
 *   own CSV exports (Routinator `--format csv`) write them; RFC 4180 line ends.
 * - `lacnic`: MiLACNIC "Create multiple ROAs": one `Prefix/Length-MaxLength ASN` line per entry,
 *   lines starting with `#` ignored (LACNIC help centre, "Creating multiple ROAs").
 * - `arin`: ARIN's ROA request text, one per origin (one AS per ROA):
 *   `1|timestamp|name|asn|mm-dd-yyyy|mm-dd-yyyy|address|length|maxLength|...` — the planner
 *   signs each line with the ROA request key (`openssl dgst -sha256 -sign`) before pasting it
 *   into ARIN Online (arin.net/resources/manage/rpki/roa_request/).
 * - `ripe`: the body of the RIPE NCC RPKI Management API's ROA publish call
 *   (`POST https://my.ripe.net/api/rpki/roas/publish`): `{"added": [{"asn", "prefix",
 *   "maximalLength"}], "deleted": []}`.
 */
import { formatIPv4, formatIPv6, formatPrefix } from '../ip/prefix';
import { roaName, type PlannedRoa } from './roa-plan';

export const ROA_EXPORT_FORMATS = ['slurm', 'csv', 'lacnic', 'arin', 'ripe'] as const;
export type RoaExportFormat = (typeof ROA_EXPORT_FORMATS)[number];

type Entry = Pick<PlannedRoa, 'prefix' | 'maxLength' | 'asn' | 'reason'>;

/** RFC 8416 §3.4.2 prefixAssertions. */
export function slurmDocument(entries: readonly Entry[]): unknown {
  return {
    slurmVersion: 1,
    validationOutputFilters: { prefixFilters: [], bgpsecFilters: [] },
    locallyAddedAssertions: {
      prefixAssertions: entries.map((e) => ({
        asn: e.asn,
        prefix: formatPrefix(e.prefix),
        maxPrefixLength: e.maxLength,
        comment: e.asn === 0 ? 'AS0: not announced by us' : `planned ROA for AS${e.asn}`,
      })),
      bgpsecAssertions: [],
    },
  };
}

function csvLines(entries: readonly Entry[]): string {
  return ['asn,prefix,maxLength', ...entries.map((e) => `AS${e.asn},${formatPrefix(e.prefix)},${e.maxLength}`)].map((l) => `${l}\r\n`).join('');
}

function lacnicLines(entries: readonly Entry[]): string {
  return [
    '# Headroom ROA plan for MiLACNIC "Create multiple ROAs": Prefix/Length-MaxLength ASN',
    ...entries.map((e) => `${formatPrefix(e.prefix)}-${e.maxLength} ${e.asn}`),
  ]
    .map((l) => `${l}\n`)
    .join('');
}

/** mm-dd-yyyy, the date form of ARIN's ROA request. */
function arinDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${d.getUTCFullYear()}`;
}

/** One unsigned ARIN ROA request per origin. */
export function arinRoaRequests(entries: readonly Entry[], now: Date, validYears = 1): string[] {
  const byAsn = new Map<number, Entry[]>();
  for (const e of entries) {
    const l = byAsn.get(e.asn);
    if (l) l.push(e);
    else byAsn.set(e.asn, [e]);
  }
  const end = new Date(now.getTime());
  end.setUTCFullYear(end.getUTCFullYear() + validYears);
  const ts = Math.floor(now.getTime() / 1000);
  return [...byAsn.entries()].map(([asn, list]) => {
    const blocks = list
      .map((e) => `${e.prefix.family === 4 ? formatIPv4(e.prefix.start) : formatIPv6(e.prefix.start)}|${e.prefix.length}|${e.maxLength}|`)
      .join('');
    return `1|${ts}|${roaName(asn)}|${asn}|${arinDate(now)}|${arinDate(end)}|${blocks}`;
  });
}

export function ripePublishBody(entries: readonly Entry[]): unknown {
  return { added: entries.map((e) => ({ asn: `AS${e.asn}`, prefix: formatPrefix(e.prefix), maximalLength: e.maxLength })), deleted: [] };
}

/** The file's text for one format. */
export function renderRoaExport(format: RoaExportFormat, entries: readonly Entry[], now: Date): string {
  switch (format) {
    case 'slurm':
      return `${JSON.stringify(slurmDocument(entries), null, 2)}\n`;
    case 'csv':
      return csvLines(entries);
    case 'lacnic':
      return lacnicLines(entries);
    case 'arin':
      return arinRoaRequests(entries, now)
        .map((l) => `${l}\n`)
        .join('');
    case 'ripe':
      return `${JSON.stringify(ripePublishBody(entries), null, 2)}\n`;
  }
}
