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
    const ns = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (ns.length < 2) {
      setWarning(undefined);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      client.call('requests.nsCheck', { ns }).then(
        (r) => live && setWarning(r.ok ? undefined : r.problems.join(' ')),
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
