/**
 * A block typed in the app carries its RIR, so a draft does not call RIR space "upstream" (issue
 * 14, item 5). The Registry's RIR field names RIPE NCC as the delegated-stats files do
 * (`ripencc`, the NRO extended format's registry name); the drafts name it `ripe`. Both are RIPE
 * NCC space.
 */
import { describe, expect, it } from 'vitest';
import { addPrefix, setPrefix } from '../../../../../electron/core/services/registry';
import { holdings } from '../../../../../electron/core/services/requests-plan';
import { rirOf } from '../../../../../shared/rir/rir';
import { fresh } from '../../../../support/registry-workspace';

describe('the RIR a held block came from', () => {
  it('reads the delegated-file name of each RIR as that RIR, and anything else as not an RIR', () => {
    expect(rirOf('ripencc')).toBe('ripe');
    expect(rirOf('ripe')).toBe('ripe');
    for (const r of ['arin', 'apnic', 'lacnic', 'afrinic'] as const) expect(rirOf(r)).toBe(r);
    expect(rirOf('iana')).toBeNull();
    expect(rirOf('')).toBeNull();
    expect(rirOf(null)).toBeNull();
  });

  it('a block saved with RIPE NCC picked in the Registry is RIPE space in the draft, not upstream', async () => {
    const ws = await fresh();
    addPrefix(ws, { prefix: '192.0.2.0/24', status: 'aggregate', rir: 'ripencc' });
    addPrefix(ws, { prefix: '198.51.100.0/24', status: 'aggregate' });
    addPrefix(ws, { prefix: '203.0.113.0/24', status: 'aggregate' });
    setPrefix(ws, { prefix: '203.0.113.0/24', rir: 'arin' });
    const source = Object.fromEntries(holdings(ws, null).map((h) => [h.row.prefix, h.source]));
    expect(source).toEqual({ '192.0.2.0/24': 'ripe', '198.51.100.0/24': 'upstream', '203.0.113.0/24': 'arin' });
  });
});
