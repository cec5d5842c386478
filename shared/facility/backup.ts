/**
 * Backup windows (specs/facility.md §7): effective throughput, job sizes, duration against the
 * window, GFS storage, restore time against the RTO, achieved RPO and the 3-2-1 check.
 */
import { z } from 'zod';
import { fraction, fractionOrZero, guard, integerAtLeast, nonNegative, positive, refuse, required, type CalcResult, type Warnings } from './result';

/** TCP over IPv4 on 1500-byte Ethernet: 1460 payload bytes per 1538 on the wire [8023]. */
export const TCP_IPV4_ETHERNET_EFF_FRAC = 1460 / 1538;

export const BACKUP_DEFAULTS = {
  protocolEffFrac: TCP_IPV4_ETHERNET_EFF_FRAC,
  /** a dedicated link */
  linkShareFrac: 1,
  compressionRatio: 1,
  dedupRatio: 1,
  fixedOverheadH: 0,
} as const;

export const BACKUP_JOBS = ['full', 'incremental', 'differential'] as const;
export type BackupJob = (typeof BACKUP_JOBS)[number];

export const throughputSchema = {
  linkBitsPerS: z.number().describe('link rate, bit/s (1 Gbit/s = 1e9)'),
  protocolEffFrac: z.number().optional().meta({ default: BACKUP_DEFAULTS.protocolEffFrac }),
  linkShareFrac: z.number().optional().meta({ default: BACKUP_DEFAULTS.linkShareFrac }),
  sourceReadBytesPerS: z.number().optional().describe('source read limit, bytes/s'),
  targetWriteBytesPerS: z.number().optional().describe('target write limit, bytes/s'),
};

export const backupInputSchema = z.object({
  job: z.enum(BACKUP_JOBS),
  dataBytes: z.number().describe('protected data, bytes (1 TB = 1e12)'),
  dailyChangeFrac: z.number().describe('fraction of the data changed per day, [0, 1]'),
  ...throughputSchema,
  windowH: z.number().describe('backup window, h (≤ backupIntervalH)'),
  backupIntervalH: z.number().describe('time between backups, h'),
  days: z
    .number()
    .optional()
    .describe('incremental: days since the previous backup (default backupIntervalH / 24); differential: days since the full (required)'),
  compressionRatio: z.number().optional().meta({ default: BACKUP_DEFAULTS.compressionRatio }),
  dedupRatio: z.number().optional().meta({ default: BACKUP_DEFAULTS.dedupRatio }),
  fixedOverheadH: z.number().optional().meta({ default: BACKUP_DEFAULTS.fixedOverheadH }),
  rpoH: z.number().optional().describe('recovery point objective, h; adds achievedRpoH and meetsRpo'),
});
export type BackupInput = z.infer<typeof backupInputSchema>;

export interface BackupOutput {
  linkBytesPerS: number;
  effBytesPerS: number;
  reductionRatio: number;
  bytes: number;
  durationH: number;
  fitsWindow: boolean;
  /** backupIntervalH + durationH of this job (RPO when this job is the one run every interval). */
  achievedRpoH: number;
  meetsRpo: boolean | null;
}

export interface Throughput {
  linkBitsPerS: number;
  protocolEffFrac?: number | undefined;
  linkShareFrac?: number | undefined;
  sourceReadBytesPerS?: number | undefined;
  targetWriteBytesPerS?: number | undefined;
}

/** min(link bytes/s × protocol × share, source read, target write). Throws on a bad field. */
export function effBytesPerS(t: Throughput): { linkBytesPerS: number; effBytesPerS: number } {
  const linkBytesPerS = positive('linkBitsPerS', t.linkBitsPerS) / 8;
  const protocol = fraction('protocolEffFrac', t.protocolEffFrac ?? BACKUP_DEFAULTS.protocolEffFrac);
  const share = fraction('linkShareFrac', t.linkShareFrac ?? BACKUP_DEFAULTS.linkShareFrac);
  let eff = linkBytesPerS * protocol * share;
  if (t.sourceReadBytesPerS !== undefined) eff = Math.min(eff, positive('sourceReadBytesPerS', t.sourceReadBytesPerS));
  if (t.targetWriteBytesPerS !== undefined) eff = Math.min(eff, positive('targetWriteBytesPerS', t.targetWriteBytesPerS));
  return { linkBytesPerS, effBytesPerS: eff };
}

/** compressionRatio × dedupRatio, each ≥ 1 (a "ratio" of 0.5 is a units mistake). */
export function reductionRatio(compressionRatio = 1, dedupRatio = 1): number {
  if (positive('compressionRatio', compressionRatio) < 1)
    refuse('compressionRatio', `must be at least 1 (got ${compressionRatio}): a ratio below 1 is a units mistake`);
  if (positive('dedupRatio', dedupRatio) < 1) refuse('dedupRatio', `must be at least 1 (got ${dedupRatio}): a ratio below 1 is a units mistake`);
  return compressionRatio * dedupRatio;
}

/** Bytes a job copies: full = all; incremental = change × days; differential(d) = min(1, change × d). */
export function jobBytes(job: BackupJob, dataBytes: number, dailyChangeFrac: number, days: number): number {
  switch (job) {
    case 'full':
      return dataBytes;
    case 'incremental':
      return dataBytes * dailyChangeFrac * days;
    case 'differential':
      return dataBytes * Math.min(1, dailyChangeFrac * days);
  }
}

/** Hours to move bytes (reduced at the source) at effBytesPerS, plus fixed overhead. */
export function transferH(bytes: number, reduction: number, bytesPerS: number, fixedOverheadH = 0): number {
  return bytes / reduction / bytesPerS / 3600 + fixedOverheadH;
}

export function computeBackup(input: BackupInput): CalcResult<BackupOutput> {
  return guard((warnings: Warnings) => {
    const dataBytes = nonNegative('dataBytes', input.dataBytes);
    const change = fractionOrZero('dailyChangeFrac', input.dailyChangeFrac);
    const rate = effBytesPerS(input);
    const windowH = positive('windowH', input.windowH);
    const intervalH = positive('backupIntervalH', input.backupIntervalH);
    if (windowH > intervalH) refuse('windowH', `window longer than interval (${windowH} h > ${intervalH} h)`);
    let days = 0;
    if (input.job === 'incremental') days = nonNegative('days', input.days ?? intervalH / 24);
    if (input.job === 'differential') days = nonNegative('days', required('days', input.days));
    const reduction = reductionRatio(input.compressionRatio, input.dedupRatio);
    const overheadH = nonNegative('fixedOverheadH', input.fixedOverheadH ?? BACKUP_DEFAULTS.fixedOverheadH);
    const rpoH = input.rpoH === undefined ? null : positive('rpoH', input.rpoH);
    if (input.linkBitsPerS < 1e6) warnings.push(`linkBitsPerS ${input.linkBitsPerS} is under 1 Mbit/s: was the link typed in Mbit/s or MB/s?`);

    const bytes = jobBytes(input.job, dataBytes, change, days);
    const durationH = transferH(bytes, reduction, rate.effBytesPerS, overheadH);
    const achievedRpoH = intervalH + durationH;
    return {
      ...rate,
      reductionRatio: reduction,
      bytes,
      durationH,
      fitsWindow: durationH <= windowH,
      achievedRpoH,
      meetsRpo: rpoH === null ? null : achievedRpoH <= rpoH,
    };
  });
}

export interface GfsInput {
  dataBytes: number;
  dailyChangeFrac: number;
  fullsRetained: number;
  incrementalsRetained: number;
  backupCopies: number;
  compressionRatio?: number;
  dedupRatio?: number;
}

/** GFS repository size: (fulls × data + incrementals × data × change) / reduction × copies [GFS]. */
export function gfsStoredBytes(input: GfsInput): CalcResult<number> {
  return guard(() => {
    const dataBytes = nonNegative('dataBytes', input.dataBytes);
    const change = fractionOrZero('dailyChangeFrac', input.dailyChangeFrac);
    const fulls = integerAtLeast('fullsRetained', input.fullsRetained, 1);
    const incs = integerAtLeast('incrementalsRetained', input.incrementalsRetained, 0);
    const copies = integerAtLeast('backupCopies', input.backupCopies, 1);
    const reduction = reductionRatio(input.compressionRatio, input.dedupRatio);
    return ((fulls * dataBytes + incs * dataBytes * change) / reduction) * copies;
  });
}

export interface RestoreInput {
  /** Rehydrated bytes of the chain: the full plus every incremental (or the differential). */
  restoreBytes: number;
  restoreBytesPerS: number;
  fixedRecoveryH?: number;
  rtoH: number;
}

/** Restore time of a chain against the RTO [NIST80034]. */
export function computeRestore(input: RestoreInput): CalcResult<{ restoreH: number; meetsRto: boolean }> {
  return guard(() => {
    const bytes = nonNegative('restoreBytes', input.restoreBytes);
    const rate = positive('restoreBytesPerS', input.restoreBytesPerS);
    const fixed = nonNegative('fixedRecoveryH', input.fixedRecoveryH ?? 0);
    const rtoH = positive('rtoH', input.rtoH);
    const restoreH = transferH(bytes, 1, rate, fixed);
    return { restoreH, meetsRto: restoreH <= rtoH };
  });
}

export interface RuleCheck {
  rule: string;
  ok: boolean;
  message: string;
}

/** 3-2-1: two backup copies besides the original, two kinds of media, one copy off site [CISA321]. */
export function check321(input: { backupCopies: number; mediaKinds: number; offsiteCopies: number }): CalcResult<RuleCheck[]> {
  return guard(() => {
    const copies = integerAtLeast('backupCopies', input.backupCopies, 0);
    const media = integerAtLeast('mediaKinds', input.mediaKinds, 0);
    const offsite = integerAtLeast('offsiteCopies', input.offsiteCopies, 0);
    if (offsite > copies) refuse('offsiteCopies', `cannot exceed backupCopies (${offsite} > ${copies})`);
    return [
      { rule: '3 copies', ok: copies >= 2, message: `${copies + 1} copies of the data (original + ${copies} backups); 3 needed` },
      { rule: '2 media', ok: media >= 2, message: `${media} kinds of media; 2 needed` },
      { rule: '1 off site', ok: offsite >= 1, message: `${offsite} copies off site; 1 needed` },
    ];
  });
}
