/**
 * reports.export: the workspace rendered as the files other tools read (DESIGN.md "Exports").
 * The objects come from the same code as `headroom rpsl` and `headroom rdns` (requests-objects);
 * the renderings are the pure ones in shared/report/.
 */
import type { PrefixRow, ReportExport, ReportFormat } from '../../../shared/contract';
import { HeadroomError, invalid, leadOf } from '../../../shared/errors';
import { renderForwardZone } from '../../../shared/dhcp/forward-zone';
import { parsePrefix, prefixContains } from '../../../shared/ip/prefix';
import type { Rir } from '../../../shared/rir/rir';
import type { RpslObject } from '../../../shared/rir/rpsl-object';
import { renderAllocationHtml } from '../../../shared/report/allocation-html';
import { renderBindExport } from '../../../shared/report/bind-export';
import { renderBoardHtml } from '../../../shared/report/forecast-board';
import { dhcpSubnets } from '../../../shared/report/dhcp-subnets';
import { renderDhcpdConf, type ConfigHeader } from '../../../shared/report/dhcpd-conf';
import { renderKeaConfig } from '../../../shared/report/kea-config';
import { renderRpslExport } from '../../../shared/report/rpsl-export';
import type { Workspace } from '../workspace/workspace';
import { forecastLimits } from './forecast';
import { DEFAULT_SPACE, listPrefixes, todayUtc } from './registry';
import { listHosts } from './hosts';
import { reverseFor, rpslFor, serialFor } from './requests-objects';
import { listScopes, orphanScopes } from './scopes';
import { readNeighbours, readOrganisation } from './requests-settings';

export interface ReportInput {
  format: ReportFormat;
  within?: string | undefined;
  space?: string | undefined;
  ns?: string[] | undefined;
  rir?: Rir | undefined;
  zone?: string | undefined;
}

function headerOf(ws: Workspace, scope: string): ConfigHeader {
  const org = readOrganisation(ws);
  const file = ws.path.split(/[\\/]/).pop() ?? '';
  return { organisation: org.legalName || file, date: todayUtc(ws.now()), scope };
}

const scopeOf = (input: ReportInput, space: string | undefined) =>
  [input.within ? `within ${input.within}` : 'all blocks', space ? `space ${space}` : 'every space'].join(', ');

function rowsOf(ws: Workspace, input: ReportInput, space: string | undefined): PrefixRow[] {
  return listPrefixes(ws, { within: input.within || undefined, space }).rows;
}

/** Aggregates not inside another aggregate: the blocks a registry delegates reverse DNS for. */
function outermost(rows: PrefixRow[]): PrefixRow[] {
  const out: PrefixRow[] = [];
  for (const r of rows) {
    const p = parsePrefix(r.prefix);
    if (!out.some((o) => prefixContains(parsePrefix(o.prefix), p))) out.push(r);
  }
  return out;
}

/** A refusal while building one block's objects names that block: one bad row is found at once. */
function namingBlock<T>(block: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof HeadroomError) throw new HeadroomError(e.code, e.message, e.field, [block, leadOf(e)].filter(Boolean).join(': '));
    throw e;
  }
}

function rpslExport(ws: Workspace, input: ReportInput): ReportExport {
  const aggregates = rowsOf(ws, input, DEFAULT_SPACE).filter((r) => r.status === 'aggregate');
  const objects: RpslObject[] = [];
  const warnings = new Set<string>();
  for (const r of aggregates) {
    const res = namingBlock(r.prefix, () => rpslFor(ws, { resource: r.prefix, rir: input.rir }));
    objects.push(...res.objects);
    res.warnings.forEach((w) => warnings.add(w));
  }
  // aut-num for our own ASNs only (Settings → Neighbours marks them `own`): an upstream's, a
  // peer's or an unclassified ASN is not ours to register (docs/rir.md §11).
  const ours = input.within ? [] : readNeighbours(ws).filter((n) => n.relation === 'own');
  for (const n of ours) {
    const res = rpslFor(ws, { resource: `AS${n.asn}`, rir: input.rir });
    objects.push(...res.objects);
    res.warnings.forEach((w) => warnings.add(w));
  }
  const notes = [...warnings];
  return { format: 'rpsl', text: renderRpslExport(objects, { ...headerOf(ws, scopeOf(input, DEFAULT_SPACE)), notes }), items: objects.length, warnings: notes };
}

function bindExport(ws: Workspace, input: ReportInput): ReportExport {
  const warnings = new Set<string>();
  const outer = outermost(rowsOf(ws, input, DEFAULT_SPACE).filter((r) => r.status === 'aggregate'));
  // An upstream's space (an aggregate with no RIR): its reverse zone is the upstream's unless
  // it delegates it to us (docs/rir.md §5).
  for (const r of outer.filter((x) => x.rir === null)) {
    warnings.add(
      `${r.prefix} is space from an upstream (${r.description || 'no description'}): its reverse zone is the upstream's unless they delegate it to us; not emitted (headroom rdns gives it if they do)`,
    );
  }
  let blocks = outer.filter((r) => r.rir !== null).map((r) => r.prefix);
  if (blocks.length === 0 && input.within) {
    // A block inside an aggregate: its own zones, as `headroom rdns` gives them.
    const w = parsePrefix(input.within, 'within');
    const holders = listPrefixes(ws, { space: DEFAULT_SPACE }).rows.filter((r) => r.status === 'aggregate' && prefixContains(parsePrefix(r.prefix), w));
    if (holders.length === 0) throw new HeadroomError('not-found', `no aggregate of the registry holds or lies in ${input.within}`, 'within');
    blocks = [input.within];
  }
  const ns = input.ns && input.ns.length > 0 ? input.ns : readOrganisation(ws).nameServers;
  const zones = [];
  for (const prefix of blocks) {
    try {
      const r = reverseFor(ws, { prefix, ns, format: 'bind' });
      zones.push(...r.zones);
      r.warnings.forEach((w) => warnings.add(w));
    } catch (e) {
      if (e instanceof HeadroomError && e.field === 'ns') {
        throw new HeadroomError(e.code, `${e.message}; give them in Settings → Organisation → name servers${input.ns ? '' : ' (none set there)'}`, 'ns');
      }
      throw e;
    }
  }
  if (zones.length === 0) warnings.add('no aggregate in the registry: no zone');
  return { format: 'bind', text: renderBindExport(zones, headerOf(ws, scopeOf(input, DEFAULT_SPACE))), items: zones.length, warnings: [...warnings] };
}

function dhcpExport(ws: Workspace, input: ReportInput, format: 'dhcpd' | 'kea'): ReportExport {
  // One space only: blocks of two VRFs may overlap, which no DHCP server accepts.
  const space = input.space ?? DEFAULT_SPACE;
  const subnets = dhcpSubnets(rowsOf(ws, input, space), listScopes(ws, { space }), listHosts(ws, { space, within: input.within || undefined }));
  const header = headerOf(ws, scopeOf(input, space));
  const text = format === 'dhcpd' ? renderDhcpdConf(subnets, header) : renderKeaConfig(subnets, header);
  const warnings = [...orphanScopes(ws, space)];
  if (subnets.length === 0) warnings.push('no DHCP scope and no host with a MAC in an assigned IPv4 block: no subnet');
  return { format, text, items: subnets.length, warnings };
}

/** A forward zone of the hosts (docs/dhcp-dns.md §3): `export --format zone --zone NAME`. */
function zoneExport(ws: Workspace, input: ReportInput): ReportExport {
  if (!input.zone) throw invalid('zone', 'the zone to write is required (e.g. --zone example.net)');
  const ns = input.ns && input.ns.length > 0 ? input.ns : readOrganisation(ws).nameServers;
  const hosts = listHosts(ws, { space: input.space ?? DEFAULT_SPACE, within: input.within || undefined });
  const z = renderForwardZone(hosts, { zone: input.zone, nameServers: ns, serial: serialFor(ws) });
  return {
    format: 'zone',
    text: z.text,
    items: z.records,
    warnings: z.records === 0 ? [`no host's name lies in ${z.zone}: the zone holds only its SOA and NS records`] : [],
  };
}

function htmlReport(ws: Workspace, input: ReportInput): ReportExport {
  const rows = rowsOf(ws, input, input.space);
  const h = headerOf(ws, scopeOf(input, input.space));
  // The whole-workspace report also carries the forecasts board (issue 12 §8).
  const board = input.within === undefined && input.space === undefined ? forecastLimits(ws) : null;
  const boardHtml = board ? renderBoardHtml(board.limits, board.asOf) : undefined;
  return {
    format: 'html',
    text: renderAllocationHtml({ ...h, rows, defaultSpace: DEFAULT_SPACE, ...(boardHtml ? { boardHtml } : {}) }),
    items: rows.length,
    warnings: [],
  };
}

export function exportReport(ws: Workspace, input: ReportInput): ReportExport {
  switch (input.format) {
    case 'rpsl':
      return rpslExport(ws, input);
    case 'bind':
      return bindExport(ws, input);
    case 'dhcpd':
    case 'kea':
      return dhcpExport(ws, input, input.format);
    case 'zone':
      return zoneExport(ws, input);
    case 'html':
      return htmlReport(ws, input);
  }
}
