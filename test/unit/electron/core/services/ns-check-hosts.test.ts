/**
 * Name servers on another network (issue 15 point 5, RFC 2182 §3.1) with the hosts recorded:
 * `ns-check` (requests.nsCheck, which the Settings screen calls too) takes the address of a
 * server named without one from the hosts, so the names of Settings are checked as they are.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../../../electron/core/services/session';
import { openDispatch } from '../../../../support/dispatch';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir('headroom-nscheck-');
afterAll(() => tmp.cleanup());
let n = 0;
let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

async function demo() {
  const d = await openDispatch(tmp.path(`ns-${++n}.headroom`), { demo: true, now: () => new Date('2026-12-03T12:00:00Z') });
  session = d.session;
  return d;
}

describe('ns-check with recorded hosts', () => {
  it('places names without addresses at their hosts: ns1 and mail share a /24 and a block', async () => {
    const { call } = await demo();
    const r = await call('requests.nsCheck', { ns: ['ns1.example.net', 'mail.example.net'] });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatch(/ns1\.example\.net, mail\.example\.net all sit in one IPv4 \/24 \(198\.51\.100\.0\/24\)/);
    expect(r.problems.join('\n')).toMatch(/one recorded block \(198\.51\.100\.32\/27/);
  });

  it('finds no shared /24, /48 or block for ns1 (IPv4) and ns2 (IPv6), and mixes names with NAME=IP', async () => {
    const { call } = await demo();
    const r = await call('requests.nsCheck', { ns: ['ns1.example.net', 'ns2.example.net'] });
    expect(r.problems.join('\n')).not.toMatch(/\/24|\/48|recorded block/);
    const mixed = await call('requests.nsCheck', { ns: ['ns1.example.net', 'ns3.example.org=198.51.100.40'] });
    expect(mixed.problems[0]).toMatch(/one IPv4 \/24/);
  });

  it('still refuses a name that is neither NAME=IP nor a recorded host, naming the entry', async () => {
    const { dispatch } = await demo();
    const r = await dispatch('requests.nsCheck', { ns: ['ns1.example.net', 'ns9.example.net'] });
    expect(r.ok ? null : r.error).toMatchObject({ field: 'ns[1]', message: expect.stringMatching(/must be NAME=IP/) });
  });

  it('with placedOnly (the Settings hint) checks the servers it can place and skips the others', async () => {
    const { dispatch, call } = await demo();
    // ns1 and mail are hosts in one /24; ns9.example.org has no known address: skipped, not refused.
    const r = await dispatch('requests.nsCheck', { ns: ['ns1.example.net', 'mail.example.net', 'ns9.example.org'], placedOnly: true });
    expect(r.ok).toBe(true);
    expect(((r.ok ? r.value : null) as { problems: string[] }).problems[0]).toMatch(/all sit in one IPv4 \/24/);
    // One placed server and an unknown one: nothing to compare, nothing said.
    expect(await call('requests.nsCheck', { ns: ['ns1.example.net', 'ns9.example.org'], placedOnly: true })).toEqual({ ok: true, problems: [] });
  });
});
