/**
 * Import as a server job (issue 14, item 2): the server reads the file slice by slice and says how
 * far it has come, answers polls while it reads, and a Cancel before the write leaves the
 * workspace exactly as it was; a refused file fails the job with the same `line N: …` report.
 */
import { describe, expect, it } from 'vitest';
import { cancelImportJob, importJob, JOB_SLICE_CHARS, startImportJob } from '../../../../../electron/core/services/registry-import-jobs';
import { importPrefixes } from '../../../../../electron/core/services/registry-import';
import type { ImportJob } from '../../../../../shared/contract';
import { dump, fresh } from '../../../../support/registry-workspace';
import { refusalLine } from '../../../../support/refusal';

/** A CSV of `n` /30s in 10.0.0.0/8, a few slices long. */
function csv(n: number): string {
  const rows = ['prefix,status,description,space,date'];
  for (let i = 0; i < n; i++) rows.push(`10.${(i >> 14) & 255}.${(i >> 6) & 255}.${(i & 63) * 4}/30,assigned,customer ${i},,2025-01-01`);
  return `${rows.join('\n')}\n`;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

async function until(jobId: string, done: (j: ImportJob) => boolean): Promise<ImportJob[]> {
  const seen: ImportJob[] = [];
  for (let i = 0; i < 100_000; i++) {
    const j = importJob({ jobId });
    seen.push(j);
    if (done(j)) return seen;
    await tick();
  }
  throw new Error('the job never ended');
}

describe('registry import jobs', () => {
  it('report their progress while they read, then the same result a direct import gives', async () => {
    const text = csv(40_000);
    expect(text.length).toBeGreaterThan(4 * JOB_SLICE_CHARS);
    const ws = await fresh();
    const started = startImportJob(() => ws, { format: 'csv', text });
    expect(started).toMatchObject({ state: 'running', phase: 'reading', doneChars: 0, totalChars: text.length, result: null });
    const seen = await until(started.jobId, (j) => j.state !== 'running');
    const last = seen.at(-1)!;
    expect(last.state).toBe('done');
    // Polls were answered while it read, each further on than the one before.
    const reading = seen.filter((j) => j.phase === 'reading').map((j) => j.doneChars);
    expect(new Set(reading.filter((d) => d > 0 && d < text.length)).size).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < reading.length; i++) expect(reading[i]!).toBeGreaterThanOrEqual(reading[i - 1]!);
    const other = await fresh();
    expect(last.result).toEqual(importPrefixes(other, { format: 'csv', text }));
    expect(ws.get('SELECT count(*) AS n FROM prefixes')!.n).toBe(40_000);
    expect(ws.all('SELECT id FROM actions')).toHaveLength(1);
  }, 240_000);

  it('cancelled while reading: the workspace is exactly as it was, and the job says cancelled', async () => {
    const ws = await fresh();
    importPrefixes(ws, { format: 'csv', text: 'prefix,status,description,space,date\n192.0.2.0/24,aggregate,doc,,\n' });
    const before = dump(ws);
    const started = startImportJob(() => ws, { format: 'csv', text: csv(40_000) });
    await until(started.jobId, (j) => j.doneChars > 0);
    expect(cancelImportJob({ jobId: started.jobId }).state).toBe('running');
    const end = (await until(started.jobId, (j) => j.state !== 'running')).at(-1)!;
    expect(end).toMatchObject({ state: 'cancelled', result: null, error: null });
    expect(end.doneChars).toBeLessThan(end.totalChars);
    expect(dump(ws)).toEqual(before);
    // Cancelling an ended job changes nothing either.
    expect(cancelImportJob({ jobId: started.jobId }).state).toBe('cancelled');
  }, 240_000);

  it('a bad file fails the job with each bad row as line N: field: problem, nothing written', async () => {
    const ws = await fresh();
    const before = dump(ws);
    const text = `${csv(3)}10.9.9.9/24,assigned,,,\n10.1.0.0/16,used,,,\n`;
    const started = startImportJob(() => ws, { format: 'csv', text });
    const end = (await until(started.jobId, (j) => j.state !== 'running')).at(-1)!;
    expect(end.state).toBe('failed');
    expect(end.error?.message).toMatch(/^the file was not imported \(nothing changed\): 2 bad rows\nline 5: prefix: .*host bits.*\nline 6: status: /);
    expect(dump(ws)).toEqual(before);
  });

  it('a dry run checks the file and writes nothing', async () => {
    const ws = await fresh();
    const before = dump(ws);
    const started = startImportJob(() => ws, { format: 'csv', text: csv(100), dryRun: true });
    const end = (await until(started.jobId, (j) => j.state !== 'running')).at(-1)!;
    expect(end.result).toMatchObject({ dryRun: true, added: 100 });
    expect(dump(ws)).toEqual(before);
  });

  it('an unknown job is refused naming jobId', () => {
    expect(refusalLine(() => importJob({ jobId: 'import-nope' }))).toMatch(/jobId: there is no import job/);
  });
});
