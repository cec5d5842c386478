/**
 * RIPE `domain` objects for reverse delegation (specs/rir-requests.md §5.1, §5.4):
 * one per reverse zone, with at least two `nserver`, glue only for in-zone servers and
 * `ds-rdata` lines checked against RFC 4034/4509.
 */
import { invalid } from '../errors';
import { parseAddress, type Prefix } from '../ip/prefix';
import { formatDsRdata, parseDsRdata } from './ds-rdata';
import { isInZone, normalizeHostName } from './hostname';
import { rpslObject, type RpslObject } from './rpsl-object';
import { reverseZones, type ReverseZone } from './reverse-zones';

export interface NameServerInput {
  readonly host: string;
  /** Glue address; allowed only when `host` lies inside the delegated zone. */
  readonly glue?: string;
}

export interface DomainObjectOptions {
  /** Name servers, as host names or `{host, glue}`; at least two. Refused naming `nserver`. */
  readonly nserver: ReadonlyArray<string | NameServerInput>;
  readonly adminC: string;
  readonly techC: string;
  readonly zoneC: string;
  readonly mntBy: string;
  readonly source?: string;
  readonly descr?: string;
  /** DS records (`<key tag> <algorithm> <digest type> <digest>`), checked per field. */
  readonly dsRdata?: readonly string[];
  readonly org?: string;
  readonly remarks?: readonly string[];
}

const HANDLE_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;

function nserverLines(zone: string, input: DomainObjectOptions['nserver']): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  input.forEach((ns, i) => {
    const { host, glue } = typeof ns === 'string' ? { host: ns, glue: undefined } : ns;
    const name = normalizeHostName(host, `nserver[${i}]`);
    if (seen.has(name)) return;
    seen.add(name);
    if (glue !== undefined) {
      if (!isInZone(name, zone)) {
        throw invalid(`nserver[${i}]`, `glue ${glue} is allowed only for a server inside ${zone}; ${name} is outside it`);
      }
      parseAddress(glue, `nserver[${i}].glue`);
      lines.push(`${name} ${glue.trim()}`);
    } else {
      lines.push(name);
    }
  });
  if (lines.length < 2) {
    throw invalid('nserver', `at least two distinct name servers are required (RFC 1034 §4.1), got ${lines.length}`);
  }
  return lines;
}

/** The RPSL name of a zone as RIPE registers it: the dash form for an RFC 2317 block. */
export function ripeDomainName(zone: ReverseZone): string {
  return zone.ripeName ?? zone.name;
}

/** One `domain` object for one zone, in RIPE template order. */
export function domainObject(zone: ReverseZone, options: DomainObjectOptions): RpslObject {
  const name = ripeDomainName(zone);
  for (const [field, v] of [
    ['admin-c', options.adminC],
    ['tech-c', options.techC],
    ['zone-c', options.zoneC],
    ['mnt-by', options.mntBy],
  ] as const) {
    if (!HANDLE_RE.test(v)) throw invalid(field, `"${v}" is not a valid handle`);
  }
  const ds = (options.dsRdata ?? []).map((d, i) => formatDsRdata(parseDsRdata(d, `ds-rdata[${i}]`)));
  return rpslObject([
    ['domain', name],
    ['descr', options.descr],
    ['org', options.org],
    ['admin-c', options.adminC],
    ['tech-c', options.techC],
    ['zone-c', options.zoneC],
    ['nserver', nserverLines(name, options.nserver)],
    ['ds-rdata', ds],
    ['remarks', options.remarks],
    ['mnt-by', options.mntBy],
    ['source', options.source ?? 'RIPE'],
  ]);
}

/** The `domain` objects for every reverse zone of a block (CLI `rdns --format rpsl`). */
export function domainObjects(prefix: Prefix | string, options: DomainObjectOptions): RpslObject[] {
  return reverseZones(prefix).map((z) => domainObject(z, options));
}
