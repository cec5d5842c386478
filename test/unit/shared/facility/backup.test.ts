import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  check321,
  computeBackup,
  computeRestore,
  effBytesPerS,
  gfsStoredBytes,
  TCP_IPV4_ETHERNET_EFF_FRAC,
  type BackupInput,
} from '../../../../shared/facility/backup';
import { expectClose, refusalOf, valueOf } from '../../../support/facility-helpers';

/** Example 7A: 8 TB, 3 %/day, dedicated 1 Gbit/s, 8 h nightly window. */
const NIGHTLY: BackupInput = { job: 'full', dataBytes: 8e12, dailyChangeFrac: 0.03, linkBitsPerS: 1e9, windowH: 8, backupIntervalH: 24 };
/** Example 7B: remote POP, 2 TB, 5 %/day, half of 100 Mbit/s, source compression 1.5, 6 h window. */
const WAN: BackupInput = {
  job: 'full',
  dataBytes: 2e12,
  dailyChangeFrac: 0.05,
  linkBitsPerS: 100e6,
  linkShareFrac: 0.5,
  compressionRatio: 1.5,
  windowH: 6,
  backupIntervalH: 24,
};
const run = (input: BackupInput) => valueOf(computeBackup(input));

describe('effBytesPerS', () => {
  it('uses 1460/1538 = 0.9493 for TCP over IPv4 on 1500-byte Ethernet', () => {
    expectClose(TCP_IPV4_ETHERNET_EFF_FRAC, 0.9493);
  });
  it('Example 7A: 1 Gbit/s gives 118.66 MB/s', () => {
    expectClose(effBytesPerS({ linkBitsPerS: 1e9 }).effBytesPerS, 118.66e6);
  });
  it('is capped by the source read and the target write rates', () => {
    expect(effBytesPerS({ linkBitsPerS: 1e10, sourceReadBytesPerS: 3e8, targetWriteBytesPerS: 2e8 }).effBytesPerS).toBe(2e8);
  });
});

describe('computeBackup — Example 7A', () => {
  it('the raw line rate (125 MB/s) would give a full in 17.78 h', () => {
    expectClose(run({ ...NIGHTLY, protocolEffFrac: 1 }).durationH, 17.78);
  });
  it.each([
    [1, 18.73],
    [2, 9.364],
  ])('a full at reduction %s takes %s h and misses the 8 h window', (compressionRatio, h) => {
    const v = run({ ...NIGHTLY, compressionRatio });
    expect(v.bytes).toBe(8e12);
    expectClose(v.durationH, h);
    expect(v.fitsWindow).toBe(false);
  });
  it.each([
    [1, 33.71],
    [2, 16.85],
  ])('a daily incremental (2.4e11 B) at reduction %s takes %s min', (dedupRatio, min) => {
    const v = run({ ...NIGHTLY, job: 'incremental', dedupRatio });
    expectClose(v.bytes, 2.4e11, 1e-12);
    expectClose(v.durationH * 60, min);
    expect(v.fitsWindow).toBe(true);
  });
  it.each([
    [1, 3.371],
    [2, 1.685],
  ])('the day-6 differential (1.44e12 B) at reduction %s takes %s h', (compressionRatio, h) => {
    const v = run({ ...NIGHTLY, job: 'differential', days: 6, compressionRatio });
    expectClose(v.bytes, 1.44e12, 1e-12);
    expectClose(v.durationH, h, 2e-3);
  });
  it('a weekly full fits a 48 h weekend window', () => {
    expect(run({ ...NIGHTLY, windowH: 48, backupIntervalH: 168 }).fitsWindow).toBe(true);
  });
  it('a daily incremental at the same hour achieves an RPO of 24.56 h: misses a 24 h RPO', () => {
    const v = run({ ...NIGHTLY, job: 'incremental', rpoH: 24 });
    expectClose(v.achievedRpoH, 24.56);
    expect(v.meetsRpo).toBe(false);
  });
});

describe('computeBackup — Example 7B (WAN)', () => {
  it('moves 5.933 MB/s on half the link', () => {
    expectClose(run(WAN).effBytesPerS, 5.933e6);
  });
  it('a full takes 62.43 h (no night fits)', () => {
    const v = run(WAN);
    expectClose(v.durationH, 62.43);
    expect(v.fitsWindow).toBe(false);
  });
  it('the day-6 differential (6e11 B) takes 18.73 h: misses', () => {
    const v = run({ ...WAN, job: 'differential', days: 6 });
    expectClose(v.durationH, 18.73);
    expect(v.fitsWindow).toBe(false);
  });
  it('a daily incremental (1e11 B) takes 3.121 h: fits', () => {
    const v = run({ ...WAN, job: 'incremental' });
    expectClose(v.durationH, 3.121);
    expect(v.fitsWindow).toBe(true);
  });
  it('incrementals every 4 h take 31.21 min and achieve an RPO of 4.520 h: meet a 6 h RPO', () => {
    const v = run({ ...WAN, job: 'incremental', backupIntervalH: 4, windowH: 4, rpoH: 6 });
    expectClose(v.bytes, 1.667e10);
    expectClose(v.durationH * 60, 31.21);
    expectClose(v.achievedRpoH, 4.52);
    expect(v.meetsRpo).toBe(true);
  });
  it('restoring full + day-6 differential (2.6e12 B) over the whole link takes 60.86 h: no 24 h RTO', () => {
    const rate = effBytesPerS({ linkBitsPerS: 100e6 }).effBytesPerS;
    expectClose(rate, 11.87e6);
    const v = valueOf(computeRestore({ restoreBytes: 2.6e12, restoreBytesPerS: rate, rtoH: 24 }));
    expectClose(v.restoreH, 60.86);
    expect(v.meetsRto).toBe(false);
  });
});

describe('gfsStoredBytes', () => {
  const gfs = { dataBytes: 8e12, dailyChangeFrac: 0.03, fullsRetained: 4 + 12, incrementalsRetained: 6, backupCopies: 1 };
  it('Example 7A: 6 daily incrementals, 4 weekly + 12 monthly fulls store 129.4 TB (64.72 TB at 2:1)', () => {
    expectClose(valueOf(gfsStoredBytes(gfs)), 129.4e12);
    expectClose(valueOf(gfsStoredBytes({ ...gfs, compressionRatio: 2 })), 64.72e12);
  });
  it('Example 7A: two backup copies for 3-2-1 store 258.9 TB (129.4 TB at 2:1)', () => {
    expectClose(valueOf(gfsStoredBytes({ ...gfs, backupCopies: 2 })), 258.9e12);
    expectClose(valueOf(gfsStoredBytes({ ...gfs, backupCopies: 2, dedupRatio: 2 })), 129.4e12);
  });
  it('refuses keeping no full', () => {
    expect(refusalOf(gfsStoredBytes({ ...gfs, fullsRetained: 0 })).field).toBe('fullsRetained');
  });
  it('refuses a fractional retention count', () => {
    expect(refusalOf(gfsStoredBytes({ ...gfs, incrementalsRetained: 1.5 })).field).toBe('incrementalsRetained');
  });
});

describe('computeRestore', () => {
  it('Example 7A: full + 6 incrementals (9.44e12 B) restore in 22.10 h: meets a 24 h RTO', () => {
    const v = valueOf(computeRestore({ restoreBytes: 8e12 + 6 * 2.4e11, restoreBytesPerS: 118.66e6, rtoH: 24 }));
    expectClose(v.restoreH, 22.1);
    expect(v.meetsRto).toBe(true);
  });
  it('refuses rtoH 0', () => {
    expect(refusalOf(computeRestore({ restoreBytes: 1, restoreBytesPerS: 1, rtoH: 0 })).field).toBe('rtoH');
  });
});

describe('check321', () => {
  it('passes two backup copies on two media with one off site', () => {
    expect(valueOf(check321({ backupCopies: 2, mediaKinds: 2, offsiteCopies: 1 })).every((c) => c.ok)).toBe(true);
  });
  it('fails each rule it breaks', () => {
    const checks = valueOf(check321({ backupCopies: 1, mediaKinds: 1, offsiteCopies: 0 }));
    expect(checks.map((c) => c.ok)).toEqual([false, false, false]);
  });
});

describe('computeBackup — refusals', () => {
  const cases: Array<[string, Partial<BackupInput>, string, RegExp?]> = [
    ['negative data', { dataBytes: -1 }, 'dataBytes'],
    ['a change rate above 1', { dailyChangeFrac: 1.1 }, 'dailyChangeFrac'],
    ['a negative change rate', { dailyChangeFrac: -0.01 }, 'dailyChangeFrac'],
    ['linkBitsPerS 0', { linkBitsPerS: 0 }, 'linkBitsPerS'],
    ['protocolEffFrac 0', { protocolEffFrac: 0 }, 'protocolEffFrac'],
    ['linkShareFrac above 1', { linkShareFrac: 1.5 }, 'linkShareFrac'],
    ['a compression ratio below 1', { compressionRatio: 0.5 }, 'compressionRatio', /units mistake/],
    ['a dedup ratio below 1', { dedupRatio: 0.9 }, 'dedupRatio'],
    ['windowH 0', { windowH: 0 }, 'windowH'],
    ['backupIntervalH 0', { backupIntervalH: 0 }, 'backupIntervalH'],
    ['a window longer than the interval', { windowH: 30 }, 'windowH', /window longer than interval/],
    ['rpoH 0', { rpoH: 0 }, 'rpoH'],
    ['a zero source read rate', { sourceReadBytesPerS: 0 }, 'sourceReadBytesPerS'],
  ];
  it.each(cases)('%s', (_n, patch, field, message) => {
    const e = refusalOf(computeBackup({ ...NIGHTLY, ...patch }));
    expect(e.field).toBe(field);
    if (message) expect(e.message).toMatch(message);
  });

  it('refuses any window longer than its interval (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.double({ min: 1e-6, max: 1000, noNaN: true }), (intervalH, extra) => {
        const e = refusalOf(computeBackup({ ...NIGHTLY, backupIntervalH: intervalH, windowH: intervalH + extra }));
        expect(e.field).toBe('windowH');
      }),
    );
  });

  it('refuses any compression ratio below 1 (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (compressionRatio) => {
        expect(refusalOf(computeBackup({ ...NIGHTLY, compressionRatio })).field).toBe('compressionRatio');
      }),
    );
  });

  it('a longer job never fits a window a shorter one misses (duration grows with data, property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e14, noNaN: true }), fc.double({ min: 0, max: 1e14, noNaN: true }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(run({ ...NIGHTLY, dataBytes: hi }).durationH).toBeGreaterThanOrEqual(run({ ...NIGHTLY, dataBytes: lo }).durationH);
      }),
    );
  });
});
