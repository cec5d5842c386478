/**
 * The storage key's one codec (shared/ip/storage-key.ts, issue 18 §3). Its forms are held to
 * what SQLite itself does with them: `hex(col)` for keyHex, and the import's replay SQL (24
 * zeros then `unhex`) for the compact hex of the journaled chunks.
 */
import fc from 'fast-check';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { prefixEnd, type Prefix } from '../../../../shared/ip/prefix';
import {
  addressToKey,
  compactKeyHex,
  keyFromHex,
  keyHex,
  keyToAddress,
  keyToBigInt,
  prefixCompactKeyHex,
  prefixFromKey,
  prefixKeys,
} from '../../../../shared/ip/storage-key';
import { ipv4Address, ipv4Prefix, ipv6Address, ipv6AddressSparse, ipv6Prefix } from '../../../support/ip-arbitraries';

const anyIpv6 = fc.oneof(ipv6Address, ipv6AddressSparse);

let SQL: Awaited<ReturnType<typeof initSqlJs>>;
beforeAll(async () => {
  SQL = await initSqlJs();
});

describe('addressToKey', () => {
  it('round-trips through keyToAddress and sorts like the addresses (property)', () => {
    fc.assert(
      fc.property(anyIpv6, anyIpv6, (a, b) => {
        const ka = addressToKey(6, a);
        const kb = addressToKey(6, b);
        expect(keyToAddress(6, ka)).toBe(a);
        expect(Math.sign(Buffer.compare(ka, kb))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it('zero-extends IPv4 to 16 bytes, round-trips and sorts like the addresses (property)', () => {
    fc.assert(
      fc.property(ipv4Address, ipv4Address, (a, b) => {
        const ka = addressToKey(4, a);
        expect(ka.length).toBe(16);
        expect([...ka.subarray(0, 12)]).toEqual(new Array(12).fill(0));
        expect(keyToAddress(4, ka)).toBe(a);
        expect(keyToBigInt(ka)).toBe(BigInt(a));
        expect(Math.sign(Buffer.compare(ka, addressToKey(4, b)))).toBe(Math.sign(a - b));
      }),
    );
  });

  it('gives a block its first and last address as keys, and the block back from the first', () => {
    fc.assert(
      fc.property(fc.oneof(ipv4Prefix, ipv6Prefix), (p: Prefix) => {
        const [s, e] = prefixKeys(p);
        expect(keyToBigInt(s)).toBe(BigInt(p.start));
        expect(keyToBigInt(e)).toBe(BigInt(prefixEnd(p)));
        expect(prefixFromKey(p.family, s, p.length)).toEqual(p);
      }),
    );
  });
});

describe('the hex forms, as SQLite reads them', () => {
  it('keyHex is what SQLite hex() prints of the stored key (property)', () => {
    const db = new SQL.Database();
    try {
      fc.assert(
        fc.property(
          fc.oneof(
            ipv4Address.map((v) => addressToKey(4, v)),
            anyIpv6.map((v) => addressToKey(6, v)),
          ),
          (key) => {
            const [[hex]] = db.exec('SELECT hex(?)', [key])[0]!.values as [[string]];
            expect(keyHex(key)).toBe(hex);
          },
        ),
        { numRuns: 300 },
      );
    } finally {
      db.close();
    }
  });

  it('the compact hex, padded and unhexed as the import replay does, is the stored key (property)', () => {
    const db = new SQL.Database();
    try {
      fc.assert(
        fc.property(fc.oneof(ipv4Prefix, ipv6Prefix), (p: Prefix) => {
          const [s, e] = prefixCompactKeyHex(p);
          const sql = "SELECT unhex(CASE ? WHEN 4 THEN '000000000000000000000000' || ? ELSE ? END)";
          for (const [hex, key] of [
            [s, prefixKeys(p)[0]],
            [e, prefixKeys(p)[1]],
          ] as const) {
            const [[blob]] = db.exec(sql, [p.family, hex, hex])[0]!.values as [[Uint8Array]];
            expect([...blob]).toEqual([...key]);
            expect([...keyFromHex(p.family, hex)]).toEqual([...key]);
          }
          expect(compactKeyHex(p.family, p.start)).toBe(s);
        }),
        { numRuns: 300 },
      );
    } finally {
      db.close();
    }
  });

  it('reads full 32-digit hex of either case, and refuses anything else', () => {
    const key = addressToKey(6, 0x20010db8000000000000000000000001n);
    expect([...keyFromHex(6, keyHex(key))]).toEqual([...key]);
    expect([...keyFromHex(6, keyHex(key).toLowerCase())]).toEqual([...key]);
    expect([...keyFromHex(4, keyHex(addressToKey(4, 0xc0000201)))]).toEqual([...addressToKey(4, 0xc0000201)]);
    expect(() => keyFromHex(6, 'c0000201')).toThrow(/32-digit/);
    expect(() => keyFromHex(4, 'c000020g')).toThrow(/8-digit/);
  });
});

describe('one home', () => {
  it('no module but the codec derives a key from hex by hand', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const ROOT = join(__dirname, '..', '..', '..', '..');
    for (const f of ['electron/core/services/registry-io.ts', 'electron/core/workspace/workspace.ts', 'electron/core/services/forecast-pools.ts']) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      expect(text, f).not.toMatch(/Buffer\.from\([^)]*'hex'\)|toString\('hex'\)|padStart\((8|32), '0'\)|toString\(16\)\.padStart\(2/);
    }
  });
});
