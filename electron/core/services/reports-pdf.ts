/**
 * HTML to PDF for the CLI and the Reports screen (one path, so the app's PDFs are made as the
 * CLI makes them, issue 14 §10): Debian Chromium headless `--print-to-pdf` in a fresh profile, with
 * everything that could reach the network switched off. Used by `request --format pdf`,
 * `export --format pdf` and `reports.file`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadroomError } from '../../../shared/errors';

export const CHROMIUM = '/usr/bin/chromium';

const OFFLINE_FLAGS = ['--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The PDF's bytes. Refused naming `format` when Chromium is absent (`instead` says what to use
 * then) or writes no PDF.
 */
export function printHtmlToPdf(html: string, instead: string): Uint8Array {
  const { dir, pdf, args } = prepare(html, instead);
  try {
    const r = spawnSync(CHROMIUM, args, { encoding: 'utf8', timeout: 120_000 });
    return collect(pdf, r.status, r.stderr ?? '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The same print, without holding the process: the app's main process (or the web bridge) goes
 * on answering the renderer while Chromium prints.
 */
export async function printHtmlToPdfAsync(html: string, instead: string): Promise<Uint8Array> {
  const { dir, pdf, args } = prepare(html, instead);
  try {
    const { status, stderr } = await new Promise<{ status: number | null; stderr: string }>((done) => {
      const child = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.on('error', (e) => {
        clearTimeout(timer);
        done({ status: null, stderr: e.message });
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        done({ status: code, stderr: err });
      });
    });
    return collect(pdf, status, stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function prepare(html: string, instead: string): { dir: string; page: string; pdf: string; args: string[] } {
  if (!existsSync(CHROMIUM)) {
    throw new HeadroomError('io', `PDF needs Chromium at ${CHROMIUM}, which is not installed; ${instead}`, 'format');
  }
  const dir = mkdtempSync(join(tmpdir(), 'headroom-pdf-'));
  const page = join(dir, 'page.html');
  const pdf = join(dir, 'page.pdf');
  writeFileSync(page, html);
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    ...OFFLINE_FLAGS,
    `--user-data-dir=${join(dir, 'profile')}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdf}`,
    `file://${page}`,
  ];
  return { dir, page, pdf, args };
}

function collect(pdf: string, status: number | null, stderr: string): Uint8Array {
  if (!existsSync(pdf))
    throw new HeadroomError('io', `Chromium did not write the PDF (exit ${status}): ${stderr.trim().split('\n').slice(-2).join(' ')}`, 'format');
  return new Uint8Array(readFileSync(pdf));
}
