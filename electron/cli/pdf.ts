/**
 * HTML to PDF for the CLI: Debian Chromium headless `--print-to-pdf` in a fresh profile, with
 * everything that could reach the network switched off (the app itself uses Electron's
 * printToPDF). Used by `request --format pdf` and `export --format pdf`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadroomError } from '../../shared/errors';

export const CHROMIUM = '/usr/bin/chromium';

const OFFLINE_FLAGS = ['--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The PDF's bytes. Refused naming `format` when Chromium is absent (`instead` says what to use
 * then) or writes no PDF.
 */
export function printHtmlToPdf(html: string, instead: string): Uint8Array {
  if (!existsSync(CHROMIUM)) {
    throw new HeadroomError('io', `format: PDF needs Chromium at ${CHROMIUM}, which is not installed; ${instead}`, 'format');
  }
  const dir = mkdtempSync(join(tmpdir(), 'headroom-pdf-'));
  try {
    const page = join(dir, 'page.html');
    const pdf = join(dir, 'page.pdf');
    writeFileSync(page, html);
    const r = spawnSync(
      CHROMIUM,
      ['--headless', '--no-sandbox', '--disable-gpu', ...OFFLINE_FLAGS, `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${page}`],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (!existsSync(pdf)) throw new HeadroomError('io', `format: Chromium did not write the PDF (exit ${r.status}): ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' ')}`, 'format');
    return new Uint8Array(readFileSync(pdf));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
