/**
 * The shape of a policy check and its result (specs/rir-requests.md §7). A check reads its
 * numbers from the policy table; when any row it used is unconfirmed, its result says
 * "verify with the RIR" and is never an error.
 */
import { validatePrefix, prefixSize, type Prefix } from '../ip/prefix';
import type { RequestDraft, RequestKind } from './draft';
import { policyRow, type PolicyFamily, type PolicyRow } from './policy-table';
import type { Rir } from './rir';

/** E blocks export as "policy-conforming"; W warns; I informs. */
export type Severity = 'E' | 'W' | 'I';

export interface CheckResult {
  readonly rule: string;
  readonly severity: Severity;
  /** True when the draft passes the rule (for I rules: when there is nothing to say). */
  readonly ok: boolean;
  readonly message: string;
  readonly source: string;
  /** True when the rule rests on an UNCONFIRMED value: show "verify with the RIR". */
  readonly verify: boolean;
  readonly asOf: string;
}

export interface CheckContext {
  /** Today's UTC date, `YYYY-MM-DD` (passed in so checks stay pure). */
  readonly today: string;
}

export interface Finding {
  readonly ok: boolean;
  readonly message: string;
  /** Overrides the check's severity (e.g. CHK-22's horizon part is W). */
  readonly severity?: Severity;
  /** Policy rows the verdict used; an unconfirmed one makes the result "verify". */
  readonly rows?: readonly PolicyRow[];
  readonly verify?: boolean;
}

export interface PolicyCheck {
  readonly rule: string;
  readonly title: string;
  readonly rirs: readonly Rir[] | 'all';
  /** Request kinds it applies to; undefined = all. */
  readonly kinds?: readonly RequestKind[];
  readonly severity: Severity;
  readonly source: string;
  /** Null when the rule does not apply to this draft. */
  run(draft: RequestDraft, ctx: CheckContext): Finding | null;
}

export const VERIFY_PREFIX = 'verify with the RIR: ';
const DEFAULT_AS_OF = '2026-05-31';

export function finalize(check: PolicyCheck, f: Finding): CheckResult {
  const rows = f.rows ?? [];
  const verify = (f.verify ?? false) || rows.some((r) => !r.confirmed);
  let severity = f.severity ?? check.severity;
  if (verify && severity === 'E') severity = 'W';
  const asOf =
    rows
      .map((r) => r.asOf)
      .sort()
      .at(-1) ?? DEFAULT_AS_OF;
  return {
    rule: check.rule,
    severity,
    ok: f.ok,
    message: verify && !f.ok ? VERIFY_PREFIX + f.message : f.message,
    source: check.source,
    verify,
    asOf,
  };
}

/** A passing finding. */
export const ok = (message: string, rows: Finding['rows'] = []): Finding => ({ ok: true, message, rows });

/** A failing finding (at the check's severity unless given). */
export const fail = (message: string, rows: Finding['rows'] = [], severity?: Severity): Finding =>
  severity ? { ok: false, message, rows, severity } : { ok: false, message, rows };

/** A W finding for a draft that lacks what the rule needs. */
export function missing(what: string): Finding {
  return { ok: false, message: `cannot check: ${what} is missing from the draft`, severity: 'W' };
}

export const row = (d: RequestDraft, family: PolicyFamily, key: string): PolicyRow => policyRow(d.request.rir, family, key);
export const num = (r: PolicyRow): number => r.value as number;

/** Parses a prefix for a check; null when it is not valid (CHK-02 reports that). */
export function tryPrefix(text: string): Prefix | null {
  return validatePrefix(text)[0];
}

/** IPv4 addresses held in the given holdings (invalid prefixes ignored). */
export function ipv4Addresses(prefixes: readonly string[]): number {
  let total = 0;
  for (const t of prefixes) {
    const p = tryPrefix(t);
    if (p?.family === 4) total += Number(prefixSize(p));
  }
  return total;
}

/** Size-weighted utilization (percent) of the IPv4 holdings that give one; null when none do. */
export function weightedUsedPct(holdings: RequestDraft['holdings']): number | null {
  let size = 0;
  let used = 0;
  for (const h of holdings) {
    const p = tryPrefix(h.prefix);
    if (p?.family !== 4 || h.usedPct === undefined) continue;
    const s = Number(prefixSize(p));
    size += s;
    used += (s * h.usedPct) / 100;
  }
  return size === 0 ? null : (used / size) * 100;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD, UTC): shared/dates.ts. */
export { daysBetween } from '../dates';

/** Requested IPv4 size in addresses, or null when no length is given. */
export function requestedIpv4Addresses(d: RequestDraft): number | null {
  const len = d.request.prefixLength;
  return len === undefined ? null : 2 ** (32 - len);
}
