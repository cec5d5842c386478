/**
 * ASPA drafts (issue 16 §6): for each AS of our own, the Autonomous System Provider
 * Authorization it would publish, its provider set being the upstreams recorded in Settings →
 * Neighbours. Per draft-ietf-sidrops-aspa-profile (-25/-26, §3): an ASPA names one customer AS
 * (1..4294967295, never AS0) and a non-empty set of provider ASes; the customer never appears
 * among its providers; the providers are listed in ascending order, each once; all of a
 * customer's providers go in one ASPA (one object per customer). docs/routing.md §6 has the
 * sources. A draft only: the planner reviews it and enters it at the RIR (ARIN accepts ASPA since
 * November 2024).
 */

export interface AspaDraft {
  customer: number;
  /** Ascending, each once, never the customer. */
  providers: number[];
  reason: string;
}

export interface AspaPlan {
  aspas: AspaDraft[];
  warnings: string[];
}

/** The ASPA of each of our ASes over the recorded upstreams. */
export function planAspas(ours: readonly number[], upstreams: readonly number[]): AspaPlan {
  const customers = [...new Set(ours)].filter((a) => a > 0).sort((a, b) => a - b);
  const all = [...new Set(upstreams)].filter((a) => a > 0).sort((a, b) => a - b);
  const warnings: string[] = [];
  if (customers.length === 0) warnings.push('no AS of our own is recorded (AS numbers, relation "own" in Settings → Neighbours): no ASPA to draft');
  else if (all.length === 0)
    warnings.push('no upstream is recorded (Settings → Neighbours, relation "upstream"): no provider to authorise, so no ASPA is drafted');
  const aspas: AspaDraft[] = [];
  if (all.length > 0) {
    for (const customer of customers) {
      const providers = all.filter((p) => p !== customer);
      if (providers.length === 0) continue;
      aspas.push({
        customer,
        providers,
        reason: `AS${customer} is ours; its providers are the recorded upstreams ${providers.map((p) => `AS${p}`).join(', ')}, all in one ASPA, in ascending order (draft-ietf-sidrops-aspa-profile §3)`,
      });
    }
  }
  if (aspas.length > 1) {
    warnings.push('each of our ASes gets every recorded upstream: remove any upstream one of them does not buy transit from before publishing');
  }
  return { aspas, warnings };
}

/** The profile's constraints on one ASPA, as words; empty when it holds (draft-ietf-sidrops-aspa-profile §3). */
export function aspaProblems(a: { customer: number; providers: readonly number[] }): string[] {
  const out: string[] = [];
  if (!Number.isInteger(a.customer) || a.customer < 1 || a.customer > 4294967295) out.push(`customer AS${a.customer} is not in 1..4294967295`);
  if (a.providers.length === 0) out.push('the provider set is empty');
  if (a.providers.includes(a.customer)) out.push(`the customer AS${a.customer} is among its own providers`);
  for (let i = 1; i < a.providers.length; i++) {
    if (a.providers[i]! <= a.providers[i - 1]!) out.push(`providers not in ascending order, each once (AS${a.providers[i - 1]} then AS${a.providers[i]})`);
  }
  return out;
}
