/**
 * The Settings screen's name servers, checked as `ns-check` checks them (RFC 2182 §3.1, issue 15):
 * a warning when they all share one IPv4 /24 or IPv6 /48, one recorded block or one origin AS.
 * Entries may be `NAME=IP` or a name recorded as a host; when a server cannot be placed (no
 * address known), nothing is said here: saving and the request drafts say what is missing.
 */
import { useEffect, useState } from 'react';
import { client } from '../../client';

export function useNameServerCheck(list: string, version: number): string | undefined {
  const [warning, setWarning] = useState<string | undefined>(undefined);
  useEffect(() => {
    const ns = list
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (ns.length < 2) {
      setWarning(undefined);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      client.call('requests.nsCheck', { ns, placedOnly: true }).then(
        (r) => live && setWarning(r.ok ? undefined : shortWarning(r.problems)),
        () => live && setWarning(undefined),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [list, version]);
  return warning;
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
