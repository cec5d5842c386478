/**
 * inetnum/inet6num status values and which parent status each may sit under
 * (specs/rir-requests.md §4.4; RIPE-whois InetnumStatus/Inet6numStatus, APNIC-status).
 */
import type { Rir } from './rir';

export interface StatusRule {
  readonly status: string;
  /** The RIR's own maintainer must authorise it (§4.4 "Needs RIPE NCC maintainer"). */
  readonly needsRirMaintainer: boolean;
  /** App rule (§4.4): an LIR only creates these; the others are shown read-only. */
  readonly lirCreates: boolean;
  readonly parents: readonly string[];
}

const r = (status: string, needsRirMaintainer: boolean, parents: readonly string[], lirCreates = false): StatusRule => ({
  status,
  needsRirMaintainer,
  lirCreates,
  parents,
});

const AU = 'ALLOCATED UNSPECIFIED';
export const RIPE_INETNUM_STATUS: readonly StatusRule[] = [
  r(AU, true, [AU]),
  r('ALLOCATED PA', true, [AU]),
  r('ALLOCATED-ASSIGNED PA', true, [AU]),
  r('LIR-PARTITIONED PA', false, [AU, 'ALLOCATED PA', 'LIR-PARTITIONED PA', 'SUB-ALLOCATED PA'], true),
  r('SUB-ALLOCATED PA', false, ['ALLOCATED PA', 'LIR-PARTITIONED PA', 'SUB-ALLOCATED PA'], true),
  r('AGGREGATED-BY-LIR', false, ['ALLOCATED PA', 'SUB-ALLOCATED PA', 'LIR-PARTITIONED PA', 'AGGREGATED-BY-LIR'], true),
  r('ASSIGNED PA', false, ['ALLOCATED PA', 'LIR-PARTITIONED PA', 'SUB-ALLOCATED PA', 'AGGREGATED-BY-LIR'], true),
  r('ASSIGNED ANYCAST', true, [AU]),
  r('ASSIGNED PI', false, [AU]),
  r('LEGACY', false, [AU, 'LEGACY']),
];

export const RIPE_INET6NUM_STATUS: readonly StatusRule[] = [
  r('ALLOCATED-BY-RIR', true, ['ALLOCATED-BY-RIR']),
  r('ALLOCATED-BY-LIR', false, ['ALLOCATED-BY-RIR', 'ALLOCATED-BY-LIR'], true),
  r('AGGREGATED-BY-LIR', false, ['ALLOCATED-BY-RIR', 'ALLOCATED-BY-LIR', 'AGGREGATED-BY-LIR'], true),
  r('ASSIGNED', false, ['ALLOCATED-BY-RIR', 'ALLOCATED-BY-LIR', 'AGGREGATED-BY-LIR'], true),
  r('ASSIGNED ANYCAST', true, ['ALLOCATED-BY-RIR']),
  r('ASSIGNED PI', true, ['ALLOCATED-BY-RIR']),
];

/** APNIC: portable statuses come from APNIC/NIR; members create the non-portable ones. */
export const APNIC_STATUS: readonly StatusRule[] = [
  r('ALLOCATED PORTABLE', true, []),
  r('ASSIGNED PORTABLE', true, []),
  r('ALLOCATED NON-PORTABLE', false, ['ALLOCATED PORTABLE', 'ALLOCATED NON-PORTABLE'], true),
  r('ASSIGNED NON-PORTABLE', false, ['ALLOCATED PORTABLE', 'ALLOCATED NON-PORTABLE'], true),
];

/** The status table for a class at an RIR, or undefined where the app has none. */
export function statusRules(rir: Rir, objectClass: 'inetnum' | 'inet6num'): readonly StatusRule[] | undefined {
  if (rir === 'apnic') return APNIC_STATUS;
  if (rir === 'ripe') return objectClass === 'inetnum' ? RIPE_INETNUM_STATUS : RIPE_INET6NUM_STATUS;
  return undefined;
}

/**
 * Problems with `status` under `parentStatus` (CHK-29): unknown status, a status the parent
 * does not allow, or (for an LIR) a status only the RIR creates. Empty when it is fine.
 */
export function checkStatus(
  rir: Rir,
  objectClass: 'inetnum' | 'inet6num',
  status: string,
  parentStatus: string | null,
  actor: 'lir' | 'rir' = 'lir',
): string[] {
  const rules = statusRules(rir, objectClass);
  if (!rules) return [];
  const s = status.trim().toUpperCase();
  const rule = rules.find((x) => x.status === s);
  if (!rule) return [`status "${status}" is not a ${rir.toUpperCase()} ${objectClass} status (${rules.map((x) => x.status).join(', ')})`];
  const problems: string[] = [];
  if (actor === 'lir' && !rule.lirCreates) {
    problems.push(`status ${s} is set by the RIR${rule.needsRirMaintainer ? ' (needs its maintainer)' : ''}; an LIR cannot create it`);
  }
  if (parentStatus !== null && rule.parents.length > 0) {
    const p = parentStatus.trim().toUpperCase();
    if (!rule.parents.includes(p)) problems.push(`status ${s} is not allowed under a parent with status ${p} (allowed: ${rule.parents.join(', ')})`);
  }
  return problems;
}
