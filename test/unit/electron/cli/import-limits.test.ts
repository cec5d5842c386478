/**
 * Import limits (issue 10, item 9) through the real built CLI: a file that is not text is
 * refused at once, naming it, with the process's memory bounded (its maxRSS, measured by the
 * child itself, against a small import's in the same run: never timing); a file of many bad rows
 * reports the first 1000 and a count; the input is streamed, so a 128 MB file never sits in
 * memory whole; and a good import is still all or nothing across the chunks it is read in.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE, ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-import-limits-');
beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => tmp.cleanup());

const MB = 1024 * 1024;
/** A guard, not an assertion: a child past this is killed so a broken build cannot take the machine. */
const KILL_ABOVE_BYTES = 1024 * MB;
const HEADER = 'prefix,status,description,space,date\n';

let n = 0;
const fresh = () => {
  const ws = tmp.path(`limits-${++n}.headroom`);
  expect(headroom(['init', ws]).code).toBe(0);
  return ws;
};

/** A preload that writes the process's peak resident set (KiB) to a file as it exits. */
const RSS_PRELOAD = tmp.path('rss.cjs');
writeFileSync(
  RSS_PRELOAD,
  "process.on('exit', () => require('fs').writeFileSync(process.env.HEADROOM_TEST_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  maxRssBytes: number;
  killed: boolean;
}

/** Runs the CLI, watching its memory; `maxRssBytes` is what the child measured of itself. */
function measured(args: string[]): Promise<Run> {
  const rssFile = tmp.path(`rss-${++n}`);
  const child = spawn(process.execPath, ['-r', RSS_PRELOAD, CLI_BUNDLE, ...args], {
    env: { ...process.env, HEADROOM_TEST_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let killed = false;
  let peak = 0;
  const watch = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
      if (kb * 1024 > KILL_ABOVE_BYTES) {
        killed = true;
        child.kill('SIGKILL');
      }
    } catch {
      /* gone */
    }
  }, 20);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(watch);
      const own = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) * 1024 : 0;
      resolve({ code, stdout, stderr, maxRssBytes: Math.max(own, peak), killed });
    });
  });
}

let baseline = 0;
beforeAll(async () => {
  const ws = fresh();
  const file = tmp.path('one.csv');
  writeFileSync(file, `${HEADER}192.0.2.0/24,assigned,x,,\n`);
  const r = await measured(['import', ws, file, '--format', 'csv']);
  expect(r.code, r.stderr).toBe(0);
  baseline = r.maxRssBytes;
}, 120_000);

/** The registry as the csv export writes it (a file: a big list outgrows a pipe's buffer here). */
const dump = (ws: string) => {
  const out = tmp.path(`dump-${++n}.csv`);
  const r = headroom(['export', ws, '--format', 'csv', '--out', out]);
  if (r.code !== 0) throw new Error(r.stderr);
  return readFileSync(out, 'utf8');
};

describe('import refuses what is not text, at once and in bounded memory', () => {
  it('/dev/zero', async () => {
    const ws = fresh();
    const before = dump(ws);
    const r = await measured(['import', ws, '/dev/zero', '--format', 'csv']);
    expect(r.killed, 'memory grew past the guard').toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^headroom: file: \/dev\/zero is not a text file \(a NUL byte at byte 0\)/m);
    expect(r.maxRssBytes).toBeLessThan(baseline + 64 * MB);
    expect(dump(ws)).toBe(before);
  }, 120_000);

  it('a 64 MB binary file', async () => {
    const ws = fresh();
    const file = tmp.path('random.bin');
    const fd = openSync(file, 'w');
    for (let i = 0; i < 64; i++) writeSync(fd, randomBytes(MB));
    closeSync(fd);
    const r = await measured(['import', ws, file, '--format', 'netbox']);
    expect(r.killed, 'memory grew past the guard').toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`file: ${file} is not a text file`);
    expect(r.maxRssBytes).toBeLessThan(baseline + 64 * MB);
  }, 120_000);

  it('text that is not UTF-8 (Latin-1), naming the byte', async () => {
    const ws = fresh();
    const file = tmp.path('latin1.csv');
    writeFileSync(file, Buffer.concat([Buffer.from(`${HEADER}192.0.2.0/24,assigned,Caf`), Buffer.from([0xe9]), Buffer.from(',,\n')]));
    const r = await measured(['import', ws, file, '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`file: ${file} is not a text file (bytes that are not UTF-8 at byte ${HEADER.length + 25})`);
  }, 120_000);
});

describe('import of a big file of bad rows', () => {
  it('reads 128 MB in chunks (memory well under the file size) and reports the first 1000 bad rows and a count', async () => {
    const ws = fresh();
    const file = tmp.path('big.csv');
    const row = `192.0.2.0/24,assigned,${'d'.repeat(2001)},,\n`;
    const rows = Math.ceil((128 * MB) / row.length);
    const fd = openSync(file, 'w');
    writeSync(fd, HEADER);
    const block = row.repeat(512);
    for (let i = 0; i < rows; i += 512) writeSync(fd, i + 512 <= rows ? block : row.repeat(rows - i));
    closeSync(fd);
    const before = dump(ws);
    const r = await measured(['import', ws, file, '--format', 'csv']);
    expect(r.killed, 'memory grew past the guard').toBe(false);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines.filter((l) => l.startsWith('line '))).toHaveLength(1000);
    expect(lines).toContain('line 2: description: is longer than 2000 characters');
    expect(lines).toContain('line 1001: description: is longer than 2000 characters');
    expect(lines).not.toContain('line 1002: description: is longer than 2000 characters');
    expect(r.stderr).toContain(`: ${rows.toLocaleString('en')} bad rows\n`);
    expect(r.stderr).toContain(`and ${(rows - 1000).toLocaleString('en')} more bad rows`);
    // Read whole, the file alone is 128 MB of bytes plus 128 MB of string.
    expect(r.maxRssBytes).toBeLessThan(baseline + 96 * MB);
    expect(dump(ws)).toBe(before);
  }, 300_000);
});

describe('a good import across many chunks', () => {
  const goodRows = (count: number) =>
    Array.from(
      { length: count },
      (_, i) => `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}/32,assigned,"host ${i}, rack ""${i % 40}""\nsecond line",,2025-01-02\r\n`,
    ).join('');

  it('one bad row at the very end changes nothing; without it every row is added', async () => {
    const ws = fresh();
    const count = 40_000; // ~2.5 MB: rows, quoted fields and CRLFs fall across 1 MB chunk ends
    const good = HEADER + goodRows(count);
    const bad = tmp.path('bad-at-end.csv');
    writeFileSync(bad, `${good}192.0.2.0/24,used,,,\r\n`);
    const before = dump(ws);
    const refused = headroom(['import', ws, bad, '--format', 'csv']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`line ${count * 2 + 2}: status: unknown status "used"`);
    expect(dump(ws)).toBe(before);

    const file = tmp.path('good.csv');
    writeFileSync(file, good);
    const r = headroom(['import', ws, file, '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`imported ${count.toLocaleString('en')} blocks\n`);
    const exported = dump(ws);
    expect(exported.split('\r\n').filter((l) => /^10\./.test(l))).toHaveLength(count);
    const i = 100 * 256 + 1;
    expect(exported).toContain(`\r\n10.0.100.1/32,assigned,"host ${i}, rack ""${i % 40}""\nsecond line",global,2025-01-02\r\n`);
  }, 300_000);
});

describe('a delegated (RIR stats) import is streamed too (issue 10, item 9)', () => {
  const delegatedHeader = (records: number) => `2|ripencc|20240101|${records}|20240101|20240101|+0000\nripencc|*|ipv4|*|${records}|summary\n`;

  it('/dev/zero as delegated: refused at once, naming it, in bounded memory', async () => {
    const ws = fresh();
    const r = await measured(['import', ws, '/dev/zero', '--format', 'delegated', '--opaque-id', 'x']);
    expect(r.killed, 'memory grew past the guard').toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^headroom: file: \/dev\/zero is not a text file \(a NUL byte at byte 0\)/m);
    expect(r.maxRssBytes).toBeLessThan(baseline + 64 * MB);
  }, 120_000);

  it('reads a 128 MB delegated file in chunks (memory well under the file size) and reports the first 1000 bad rows and a count', async () => {
    const ws = fresh();
    const file = tmp.path('big-delegated.txt');
    // Each record is refused (a status no RIR writes), with a long opaque id so the file is big
    // without many records.
    const row = (i: number) => `ripencc|NL|ipv4|10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}|256|20240101|used|${'o'.repeat(2000)}\n`;
    const rows = Math.ceil((128 * MB) / row(0).length);
    const fd = openSync(file, 'w');
    writeSync(fd, delegatedHeader(rows));
    for (let i = 0; i < rows; i += 512) {
      let block = '';
      for (let k = i; k < Math.min(rows, i + 512); k++) block += row(k);
      writeSync(fd, block);
    }
    closeSync(fd);
    const before = dump(ws);
    const r = await measured(['import', ws, file, '--format', 'delegated', '--opaque-id', 'x']);
    expect(r.killed, 'memory grew past the guard').toBe(false);
    expect(r.code, r.stderr.slice(0, 500)).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('line '));
    expect(lines).toHaveLength(1000);
    expect(lines[0]).toBe('line 3: status: unknown status "used"');
    expect(r.stderr).toContain(`and ${(rows - 1000).toLocaleString('en')} more bad rows`);
    // Read whole, the file alone is 128 MB of bytes plus 128 MB of string.
    expect(r.maxRssBytes).toBeLessThan(baseline + 96 * MB);
    expect(dump(ws)).toBe(before);
  }, 300_000);

  it('a 128 MB delegated file that is one line: refused in bounded memory, naming the line', async () => {
    const ws = fresh();
    const file = tmp.path('one-line.txt');
    const fd = openSync(file, 'w');
    writeSync(fd, delegatedHeader(1));
    const block = 'x'.repeat(MB);
    for (let i = 0; i < 128; i++) writeSync(fd, block);
    closeSync(fd);
    const r = await measured(['import', ws, file, '--format', 'delegated', '--opaque-id', 'x']);
    expect(r.killed, 'memory grew past the guard').toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("line 3: row: is longer than 65,536 characters (a delegated file's lines are short: is this the right file?)\n");
    expect(r.maxRssBytes).toBeLessThan(baseline + 96 * MB);
  }, 300_000);
});
