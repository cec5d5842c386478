/**
 * One reverse-DNS naming (issue 11 item 4, docs/rir.md §4): the BIND zone and the RPSL domain
 * object of the same sub-/24 block have the same name; no RIR domain object for a sub-/24 whose
 * parent /24 zone is ours (we delegate it there, RFC 2317); `rdns` says where to split its
 * zones, as `export` does; every zone loads in named-checkzone.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../../../electron/core/services/demo';
import { addPrefix } from '../../../../../electron/core/services/registry';
import { updateOrganisation } from '../../../../../electron/core/services/requests';
import { reverseFor } from '../../../../../electron/core/services/requests-objects';
import { Workspace } from '../../../../../electron/core/workspace/workspace';
import { splitBindExport } from '../../../../../shared/report/bind-export';
import { tempDir } from '../../../../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});
let n = 0;
const NOW = new Date('2026-05-15T12:00:00Z');
const NS = ['ns1.example.net', 'ns2.example.org'];

async function fresh(): Promise<Workspace> {
  const ws = await Workspace.create(tmp.path(`rdns-${++n}.headroom`), { now: () => NOW });
  open.push(ws);
  return ws;
}

function checkZone(zone: string, text: string): void {
  const file = tmp.path(`db.${zone}-${++n}`);
  writeFileSync(file, text);
  const r = spawnSync('named-checkzone', [zone, file], { encoding: 'utf8' });
  expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
}

describe('one naming for BIND and RPSL', () => {
  it('a PI /26 from the RIR: the zone file and the domain object name the same zone, and it loads', async () => {
    const ws = await fresh();
    addPrefix(ws, { prefix: '185.100.1.0/26', status: 'aggregate', rir: 'ripe', description: 'PI assignment' });
    const bind = reverseFor(ws, { prefix: '185.100.1.0/26', ns: NS, format: 'bind' });
    const rpsl = reverseFor(ws, { prefix: '185.100.1.0/26', ns: NS, format: 'rpsl' });
    const child = bind.zones.find((z) => z.role === 'rfc2317-child')!;
    expect(child.zone).toBe('0-63.1.100.185.in-addr.arpa');
    expect(rpsl.zones.map((z) => z.zone)).toEqual([child.zone]);
    // The parent's CNAMEs point into the same name.
    expect(bind.zones.find((z) => z.role === 'rfc2317-parent')!.text).toMatch(/^5\tIN\tCNAME\t5\.0-63\.1\.100\.185\.in-addr\.arpa\.$/m);
    for (const z of splitBindExport(bind.text)) checkZone(z.zone, z.text);
  });

  it('the demo 198.51.100.64/29 inside our own /24: no RIR domain object, a warning that we delegate it', async () => {
    const ws = await fresh();
    seedDemo(ws);
    const bind = reverseFor(ws, { prefix: '198.51.100.64/29', ns: NS, format: 'bind' });
    expect(bind.zones.map((z) => z.zone)).toEqual(['64-71.100.51.198.in-addr.arpa', '100.51.198.in-addr.arpa']);
    const rpsl = reverseFor(ws, { prefix: '198.51.100.64/29', ns: NS, format: 'rpsl' });
    expect(rpsl.zones).toEqual([]);
    expect(rpsl.warnings.join('\n')).toMatch(/64-71\.100\.51\.198\.in-addr\.arpa: its parent zone 100\.51\.198\.in-addr\.arpa is ours/);
  });

  it('rdns says where to split its zones, as export does', async () => {
    const ws = await fresh();
    seedDemo(ws);
    const bind = reverseFor(ws, { prefix: '198.51.100.64/29', ns: NS, format: 'bind' });
    expect(bind.text).toMatch(/^; To load them, split this file before each \$ORIGIN line/m);
    expect(bind.text).toMatch(/^; zone 64-71\.100\.51\.198\.in-addr\.arpa, file db\.64-71\.100\.51\.198\.in-addr\.arpa$/m);
    const parts = splitBindExport(bind.text);
    expect(parts.map((p) => p.zone)).toEqual(['64-71.100.51.198.in-addr.arpa', '100.51.198.in-addr.arpa']);
    for (const z of parts) checkZone(z.zone, z.text);
  });
});

describe('parent zones carry the delegations of sub-allocated sub-blocks', () => {
  it('the 198.51.100.0/24 zone delegates 198.51.100.64/27 (Settings: sub-allocated) with NS and CNAMEs, and loads', async () => {
    const ws = await fresh();
    seedDemo(ws);
    updateOrganisation(ws, { subAllocations: ['198.51.100.64/27'] });
    const r = reverseFor(ws, { prefix: '198.51.100.0/24', ns: NS, format: 'bind' });
    const zone = r.zones.find((z) => z.zone === '100.51.198.in-addr.arpa')!;
    expect(zone.text).toMatch(/^64-95\tIN\tNS\tns1\.example\.net\.$/m);
    expect(zone.text).toMatch(/^70\tIN\tCNAME\t70\.64-95\.100\.51\.198\.in-addr\.arpa\.$/m);
    for (const z of splitBindExport(r.text)) checkZone(z.zone, z.text);
  });
});
