/**
 * The dhcpd.leases reader on the file dhcpd writes with `db-time-format local;` (dhcpd.leases(5)):
 * times as `epoch N; # local time`, and a `#` inside a quoted string that is no comment. The
 * file is first read by `dhcpd -T` itself (skipped, saying so, where dhcpd is absent), so it is
 * a lease file in the real format; the same check refuses a line dhcpd does not know.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDhcpdLeases } from '../../../../shared/dhcp/leases';
import { formatIPv4 } from '../../../../shared/ip/prefix';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-leases-epoch-');
afterAll(() => tmp.cleanup());
const hasDhcpd = spawnSync('sh', ['-c', 'command -v dhcpd']).status === 0;

const EPOCH_LEASES = `# The format of this file is documented in the dhcpd.leases(5) manual page.
# This lease file was written by isc-dhcp-4.4.3-P1

# authoring-byte-order entry is generated, DO NOT DELETE
authoring-byte-order little-endian;

db-time-format local;
lease 198.51.100.84 {
  starts epoch 1796025600; # Mon Nov 30 08:00:00 2026
  ends epoch 1796716800; # Tue Dec 08 08:00:00 2026
  cltt epoch 1796025600; # Mon Nov 30 08:00:00 2026
  binding state active;
  next binding state free;
  rewind binding state free;
  hardware ethernet 00:16:3e:00:00:01;
  client-hostname "laptop#1";
}
lease 198.51.100.85 {
  starts epoch 1796112000; # Tue Dec 01 08:00:00 2026
  ends epoch 1796115600; # Tue Dec 01 09:00:00 2026
  tstp epoch 1796115600; # Tue Dec 01 09:00:00 2026
  cltt epoch 1796112000; # Tue Dec 01 08:00:00 2026
  binding state free;
  hardware ethernet 00:16:3e:00:00:02;
}
lease 198.51.100.86 {
  starts epoch 1796025600; # Mon Nov 30 08:00:00 2026
  ends epoch 1796716800; # Tue Dec 08 08:00:00 2026
  cltt epoch 1796025600; # Mon Nov 30 08:00:00 2026
  binding state active;
  next binding state free;
  hardware ethernet 00:16:3e:00:00:03;
}
`;

function dhcpdReads(text: string): string {
  const lf = tmp.path(`dhcpd-${Math.random().toString(36).slice(2)}.leases`);
  writeFileSync(lf, text);
  const conf = tmp.path('dhcpd.conf');
  writeFileSync(conf, 'subnet 198.51.100.80 netmask 255.255.255.240 { range 198.51.100.84 198.51.100.94; }\n');
  const r = spawnSync('dhcpd', ['-T', '-cf', conf, '-lf', lf, '-pf', tmp.path('dhcpd.pid')], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

describe('parseDhcpdLeases, db-time-format local', () => {
  it.runIf(hasDhcpd)('is a lease file dhcpd -T reads without a complaint, and dhcpd -T does complain of a bad line', () => {
    const ok = dhcpdReads(EPOCH_LEASES);
    expect(ok).toMatch(/Lease file test successful/);
    expect(ok).not.toMatch(/ line \d+:/);
    expect(dhcpdReads(EPOCH_LEASES.replace('  binding state free;\n', '  binding state free;\n  not a statement\n'))).toMatch(/ line 24: /);
  });

  it('reads epoch times with their comments, and a # inside a string as text', () => {
    const r = parseDhcpdLeases(EPOCH_LEASES, '2026-12-03');
    expect(r.garbage).toEqual([]);
    expect(r.read).toBe(3);
    expect(r.leases.map((l) => `${formatIPv4(l.address)} ${l.active}`)).toEqual(['198.51.100.84 true', '198.51.100.85 false', '198.51.100.86 true']);
    // On 2026-12-09 the two active leases have ended (2026-12-08 08:00 UTC).
    expect(parseDhcpdLeases(EPOCH_LEASES, '2026-12-09').leases.filter((l) => l.active)).toEqual([]);
    // The day the lease ends still counts it: it was active during that day.
    expect(parseDhcpdLeases(EPOCH_LEASES, '2026-12-08').leases.filter((l) => l.active)).toHaveLength(2);
  });

  it('reports the line dhcpd does not know by its number', () => {
    const r = parseDhcpdLeases(EPOCH_LEASES.replace('  binding state free;\n', '  binding state free;\n  not a statement\n'), '2026-12-03');
    expect(r.garbage).toEqual([{ line: 24, text: 'not a statement' }]);
  });
});
