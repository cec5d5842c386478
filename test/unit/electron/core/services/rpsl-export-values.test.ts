/**
 * One aggregate whose description holds a line break or `#` no longer breaks the whole RPSL
 * export (issue 10, item 12): RFC 2622 §2 reads `#` as the start of a comment and a line break
 * ends an attribute, so the text is cleaned into RPSL values (each line a `descr:`, `#` left
 * out, with a note naming the block), and the file parses back and validates.
 */
import { describe, expect, it } from 'vitest';
import { addPrefix } from '../../../../../electron/core/services/registry';
import { exportReport } from '../../../../../electron/core/services/reports';
import { rpslFor } from '../../../../../electron/core/services/requests-objects';
import { rpslValues } from '../../../../../shared/rir/rpsl-object';
import { parseRpsl } from '../../../../../shared/rir/rpsl-text';
import { fresh } from '../../../../support/registry-workspace';

describe('RPSL export of free-text descriptions', () => {
  it('a description with a line break and one with # both export; the others are untouched', async () => {
    const ws = await fresh();
    addPrefix(ws, { prefix: '192.0.2.0/24', status: 'aggregate', rir: 'ripe', description: 'line one\r\n\n  line two  ' });
    addPrefix(ws, { prefix: '198.51.100.0/24', status: 'aggregate', rir: 'ripe', description: 'Core #1 net' });
    addPrefix(ws, { prefix: '203.0.113.0/24', status: 'aggregate', rir: 'ripe', description: 'fine' });
    const r = exportReport(ws, { format: 'rpsl' } as Parameters<typeof exportReport>[1]);
    const objects = parseRpsl(r.text);
    const byKey = (k: string) => objects.filter((o) => o.attributes[0]!.value === k);
    const inetnum = (k: string) => byKey(k)[0]!;
    expect(rpslValues(inetnum('192.0.2.0 - 192.0.2.255'), 'descr')).toEqual(['line one', 'line two']);
    expect(rpslValues(inetnum('198.51.100.0 - 198.51.100.255'), 'descr')).toEqual(['Core 1 net']);
    expect(rpslValues(inetnum('203.0.113.0 - 203.0.113.255'), 'descr')).toEqual(['fine']);
    expect(r.text).not.toMatch(/^descr:.*#/m);
    expect(r.warnings).toContain('198.51.100.0/24: descr: "#" left out (RPSL reads it as the start of a comment, RFC 2622 §2)');
  });

  it('the rpsl command for one block does the same', async () => {
    const ws = await fresh();
    addPrefix(ws, { prefix: '192.0.2.0/24', status: 'aggregate', rir: 'ripe', description: '#hash\nsecond' });
    const r = rpslFor(ws, { resource: '192.0.2.0/24' });
    expect(r.objects.map((o) => rpslValues(o, 'descr'))).toEqual([['hash', 'second']]);
    expect(r.warnings).toContain('192.0.2.0/24: descr: "#" left out (RPSL reads it as the start of a comment, RFC 2622 §2)');
  });
});
