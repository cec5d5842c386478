/**
 * The Settings screen's name servers, checked as `ns-check` checks them (RFC 2182 §3.1, issue 15):
 * a warning when they all share one IPv4 /24 or IPv6 /48, one recorded block or one origin AS.
 * Entries may be `NAME=IP` or a name recorded as a host; when a server cannot be placed (no
 * address known), nothing is said here: saving and the request drafts say what is missing.
 */
import { useEffect, useState } from 'react';
import { useContractQuery } from '../../data/query';

/** The warning for a comma-separated list, checked a moment after the typing stops. */
export function useNameServerCheck(list: string): string | undefined {
  const ns = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const wish = ns.length < 2 ? '' : JSON.stringify(ns);
  const [settled, setSettled] = useState(wish);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(wish), 250);
    return () => clearTimeout(timer);
  }, [wish]);
  const asked = settled ? (JSON.parse(settled) as string[]) : [];
  const check = useContractQuery('requests.nsCheck', { ns: asked, placedOnly: true }, { enabled: settled !== '' && settled === wish });
  if (wish === '' || check.isError || !check.data) return undefined;
  return check.data.ok ? undefined : shortWarning(check.data.problems);
}

/** The problems of ns-check in one short line for under the field: what they share, and the advice. */
export function shortWarning(problems: readonly string[]): string {
  const shared: string[] = [];
  const other: string[] = [];
  for (const p of problems) {
    const net = /one (IPv4 \/24|IPv6 \/48) \(([^)]+)\)/.exec(p);
    const block = /one recorded block \(([^\s)]+)/.exec(p);
    const as = /one origin AS \((AS\d+)\)/.exec(p);
    if (net) shared.push(`one ${net[1]} (${net[2]})`);
    else if (block) shared.push(`one block (${block[1]})`);
    else if (as) shared.push(`one origin AS (${as[1]})`);
    else other.push(p);
  }
  const lead = shared.length > 0 ? [`All share ${shared.join(', ')}: put a secondary on another network (RFC 2182 §3.1).`] : [];
  return [...lead, ...other].join(' ');
}
