/**
 * The policy checker (specs/rir-requests.md §7): every rule CHK-01…CHK-35 over a request
 * draft, in rule order. A rule that does not apply to the draft's RIR, kind or content is
 * left out of the results.
 */
import type { RequestDraft } from './draft';
import { finalize, type CheckContext, type CheckResult, type PolicyCheck } from './policy-check-core';
import { ADDRESS_CHECKS } from './policy-checks-address';
import { IPV4_CHECKS } from './policy-checks-ipv4';
import { ROUTING_CHECKS } from './policy-checks-routing';
import { EXTRA_CHECKS } from './policy-checks-extra';

export type { CheckContext, CheckResult, PolicyCheck, Severity } from './policy-check-core';

export const POLICY_CHECKS: readonly PolicyCheck[] = [...ADDRESS_CHECKS, ...IPV4_CHECKS, ...ROUTING_CHECKS, ...EXTRA_CHECKS];

/** Runs one rule by id; null when it does not apply. */
export function runCheck(rule: string, draft: RequestDraft, ctx: CheckContext): CheckResult | null {
  const check = POLICY_CHECKS.find((c) => c.rule === rule);
  if (!check) throw new Error(`unknown rule ${rule}`);
  if (check.rirs !== 'all' && !check.rirs.includes(draft.request.rir)) return null;
  if (check.kinds && !check.kinds.includes(draft.request.kind)) return null;
  const finding = check.run(draft, ctx);
  return finding ? finalize(check, finding) : null;
}

/** Every applicable rule's result, in rule order. */
export function runPolicyChecks(draft: RequestDraft, ctx: CheckContext): CheckResult[] {
  return POLICY_CHECKS.map((c) => runCheck(c.rule, draft, ctx)).filter((r): r is CheckResult => r !== null);
}

/** True when no E result failed: the draft may be exported as "policy-conforming". */
export function isPolicyConforming(results: readonly CheckResult[]): boolean {
  return !results.some((r) => r.severity === 'E' && !r.ok);
}
