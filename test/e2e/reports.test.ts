/**
 * The Reports screen in Chromium (issue 14 §1 and §10): each file is previewed with its warnings,
 * downloaded, and compared with what `headroom export` (or `headroom request`) writes for the
 * same workspace: byte for byte for every text file, through pdftotext for a PDF (Chromium stamps
 * each PDF with the time it printed it). Each download is then read back by the program that
 * reads it: named-checkzone, dhcpd -t, kea-dhcp4 -t, LibreOffice Calc, pdftotext. The page never
 * calls window.print().
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateOrganisation } from '../../electron/core/services/requests';
import { addRoute } from '../../electron/core/services/routing';
import { Workspace } from '../../electron/core/workspace/workspace';
import { splitBindExport } from '../../shared/report/bind-export';
import { useApp, createDemoWorkspace, fontsSettled, headroom, openBrowser, startBridge, tempDir, type Bridge, type Browser, shotsDir } from './support/app';

const SHOTS = shotsDir('reports');
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

const app = useApp();
const home = tempDir('headroom-e2e-reports-');
const ws = home.path('isp.headroom');
let bridge: Bridge;

beforeAll(async () => {
  createDemoWorkspace(ws);
  const w = await Workspace.open(ws);
  updateOrganisation(w, { legalName: 'Example ISP', country: 'NL', mntner: 'EXAMPLE-MNT', nameServers: ['ns1.example.net', 'ns2.example.net'] });
  // Routes, so the ROA files have entries: ours, a customer's /25 (longer than /24: a warning), IPv6.
  addRoute(w, { prefix: '198.51.100.0/24', origin: '64496', description: 'RIR allocation' });
  addRoute(w, { prefix: '198.51.100.128/25', origin: '64505', description: 'Customer BGP' });
  addRoute(w, { prefix: '2001:db8::/32', origin: '64496' });
  w.save();
  w.close();
  bridge = await startBridge(app, home.dir, ws);
}, 300_000);
afterAll(async () => {
  await bridge?.stop();
  home.cleanup();
});

async function openReports(colorScheme: 'light' | 'dark' = 'light'): Promise<Browser> {
  const b = await openBrowser({ colorScheme });
  await b.page.goto(`${bridge.url}#/reports`);
  await b.page.locator('section[aria-labelledby="reports-title"]').waitFor({ state: 'visible' });
  await b.page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  return b;
}

/** Picks a format and waits for its preview (the file name as the preview's heading). */
async function pick(b: Browser, label: string, fileName: RegExp): Promise<void> {
  await b.page.getByRole('radio', { name: label, exact: true }).check();
  await b.page.locator('.reports-preview-head h2').filter({ hasText: fileName }).waitFor({ state: 'visible', timeout: 60_000 });
  await b.page.locator('.reports-preview[aria-busy="false"]').waitFor();
}

async function saveDownload(b: Browser, name: string): Promise<{ file: string; suggested: string; bytes: Buffer }> {
  const [d] = await Promise.all([b.page.waitForEvent('download', { timeout: 180_000 }), b.page.getByRole('button', { name: 'Save…' }).click()]);
  const file = home.path(`dl-${name}${extname(d.suggestedFilename())}`);
  await d.saveAs(file);
  return { file, suggested: d.suggestedFilename(), bytes: readFileSync(file) };
}

function cliExport(format: string, ...extra: string[]): Buffer {
  const out = home.path(`cli-${format}-${extra.join('_').replace(/[^\w.-]/g, '_')}`);
  const r = headroom(['export', ws, '--format', format, '--out', out, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(out);
}

const pdfText = (file: string) => {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

const TEXT_FORMATS: [label: string, format: string, name: RegExp][] = [
  ['Allocation report (CSV)', 'report-csv', /isp-allocation-report\.csv/],
  ['Blocks (CSV)', 'csv', /isp-blocks\.csv/],
  ['NetBox prefixes (CSV)', 'netbox', /isp-netbox\.csv/],
  ['RIR delegated stats', 'delegated', /isp-delegated\.txt/],
  ['RPSL objects', 'rpsl', /isp\.rpsl\.txt/],
  ['BIND reverse zones', 'bind', /isp-reverse-zones\.txt/],
  ['ISC dhcpd.conf', 'dhcpd', /isp-global-dhcpd\.conf/],
  ['Kea DHCPv4 (JSON)', 'kea', /isp-global-kea-dhcp4\.json/],
];

/** The ROA files of Reports and the `roa export --format` each must equal. */
const ROA_FORMATS: [label: string, format: string, name: RegExp][] = [
  ['SLURM (RFC 8416)', 'slurm', /roas\.slurm\.json/],
  ['ROA CSV', 'csv', /roas\.csv/],
  ['LACNIC bulk lines', 'lacnic', /roas-lacnic\.txt/],
  ['ARIN ROA requests', 'arin', /roas-arin\.txt/],
  ['RIPE NCC publish body', 'ripe', /roas-ripe-publish\.json/],
];

function roaExport(format: string, as0: boolean): Buffer {
  const out = home.path(`cli-roa-${format}-${as0 ? 'as0' : 'routes'}`);
  const r = headroom(['roa', 'export', ws, '--format', format, '--out', out, ...(as0 ? ['--as0'] : [])]);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(out);
}

/**
 * ARIN's ROA request carries the second it was made (`1|<seconds since the epoch>|…`), so the
 * app's file and the CLI's, made moments apart, differ there and only there: each line's stamp
 * is checked to be within five minutes of the other, then the stamps are made equal.
 */
function sameArinRequests(app: Buffer, cli: Buffer): Buffer {
  const stamps = (b: Buffer) => [...b.toString('utf8').matchAll(/^1\|(\d+)\|/gm)].map((m) => Number(m[1]));
  const [a, c] = [stamps(app), stamps(cli)];
  expect(a.length).toBeGreaterThan(0);
  expect(a.length).toBe(c.length);
  a.forEach((t, i) => expect(Math.abs(t - c[i]!)).toBeLessThan(300));
  let i = 0;
  return Buffer.from(
    cli.toString('utf8').replace(/^1\|\d+\|/gm, () => `1|${a[i++]}|`),
    'utf8',
  );
}

describe('the Reports screen', () => {
  it('saves every text file byte for byte as `headroom export` writes it, and each loads in its tool', async () => {
    const b = await openReports();
    try {
      const saved: Record<string, { file: string; bytes: Buffer }> = {};
      for (const [label, format, name] of TEXT_FORMATS) {
        await pick(b, label, name);
        const d = await saveDownload(b, format);
        expect(d.suggested).toMatch(name);
        saved[format] = d;
        // DHCP files are for one space: the CLI's default is the global space too.
        expect(d.bytes.equals(cliExport(format)), `${format}: the download differs from headroom export`).toBe(true);
      }
      expect(await b.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);
      expect(b.problems).toEqual([]);

      if (has('named-checkzone')) {
        const zones = splitBindExport(saved.bind!.bytes.toString('utf8'));
        expect(zones.length).toBeGreaterThan(1);
        for (const z of zones) {
          const f = home.path(`zone-${z.zone}`);
          writeFileSync(f, z.text);
          const r = spawnSync('named-checkzone', [z.zone, f], { encoding: 'utf8' });
          expect(r.status, `${z.zone}: ${r.stdout}${r.stderr}`).toBe(0);
        }
      }
      if (has('dhcpd')) {
        const r = spawnSync('dhcpd', ['-t', '-cf', saved.dhcpd!.file, '-lf', home.path('dhcpd.leases'), '-pf', home.path('dhcpd.pid')], { encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
      }
      if (has('kea-dhcp4')) {
        const r = spawnSync('kea-dhcp4', ['-t', saved.kea!.file], { encoding: 'utf8' });
        expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
      }
      if (existsSync('/usr/bin/soffice')) {
        const out = home.path('calc');
        const r = spawnSync(
          '/usr/bin/soffice',
          [`-env:UserInstallation=file://${home.path('lo-profile')}`, '--headless', '--convert-to', 'fods', '--outdir', out, saved.csv!.file],
          { encoding: 'utf8', timeout: 180_000 },
        );
        expect(r.status, r.stderr).toBe(0);
        const fods = readFileSync(join(out, 'dl-csv.fods'), 'utf8');
        expect(fods).toContain('<text:p>198.51.100.104/30</text:p>');
        expect(fods).toContain('<text:p>Northgate Pharmacy</text:p>');
        expect(fods).not.toMatch(/table:formula=/);
      }
    } finally {
      await b.close();
    }
  }, 600_000);

  it('saves each ROA file as `headroom roa export` writes it, with and without AS0, warnings shown first', async () => {
    const b = await openReports();
    try {
      for (const as0 of [false, true]) {
        if (as0) {
          await b.page.getByLabel('AS0 ROAs for our space no route covers').check();
          await b.page.locator('.reports-preview-head').filter({ hasText: 'AS0 for our aggregates' }).waitFor({ timeout: 60_000 });
          await b.page.locator('.reports-preview[aria-busy="false"]').waitFor();
        }
        for (const [label, format, name] of ROA_FORMATS) {
          await pick(b, label, name);
          const d = await saveDownload(b, `roa-${format}-${as0}`);
          expect(d.suggested).toMatch(name);
          const cli = roaExport(format, as0);
          const want = format === 'arin' ? sameArinRequests(d.bytes, cli) : cli;
          expect(d.bytes.equals(want), `${format}${as0 ? ' --as0' : ''}: the download differs from headroom roa export`).toBe(true);
          const text = d.bytes.toString('utf8');
          expect(text).toMatch(format === 'lacnic' ? /^198\.51\.100\.128\/25-25 64505$/m : /198\.51\.100\.128/);
          // AS0 covers the aggregates no route touches (192.0.2.0/24, 203.0.113.0/24) only when asked.
          expect(text.includes('203.0.113.0'), `${format} as0=${as0}`).toBe(as0);
          const warnings = b.page.getByRole('list', { name: 'Warnings' });
          expect(await warnings.textContent()).toContain('route 198.51.100.128/25 AS64505: longer than /24');
          if (format === 'arin') expect(await warnings.textContent()).toContain('sign each line with your ROA request key');
        }
      }
      expect(await b.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);
      expect(b.problems).toEqual([]);
    } finally {
      await b.close();
    }
  }, 600_000);

  it('saves the allocation report and a request draft as the PDFs the CLI prints, and the draft as its text', async () => {
    const b = await openReports();
    try {
      await pick(b, 'Allocation report (PDF)', /isp-allocation-report\.pdf/);
      expect(await b.page.getByTestId('report-preview').textContent()).toContain('198.51.100.0/24');
      const report = await saveDownload(b, 'report');
      expect(report.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      writeFileSync(home.path('cli-report.pdf'), cliExport('pdf'));
      const text = pdfText(report.file);
      expect(text).toContain('198.51.100.104/30');
      expect(text).toEqual(pdfText(home.path('cli-report.pdf')));

      await pick(b, 'Request draft (PDF)', /ripe-ipv6-request\.pdf/);
      await b.page.getByLabel('RIR', { exact: true }).selectOption('arin');
      await b.page.getByLabel('Request kind', { exact: true }).selectOption('ipv4');
      await b.page.locator('.reports-preview-head h2').filter({ hasText: 'arin-ipv4-request.pdf' }).waitFor({ timeout: 60_000 });
      const draft = await saveDownload(b, 'draft');
      const cliDraft = home.path('cli-draft.pdf');
      const r = headroom(['request', ws, '--rir', 'arin', '--kind', 'ipv4', '--format', 'pdf', '--out', cliDraft]);
      expect(existsSync(cliDraft), r.stderr).toBe(true);
      expect(pdfText(draft.file)).toEqual(pdfText(cliDraft));

      await pick(b, 'Request draft (text)', /arin-ipv4-request\.txt/);
      const txt = await saveDownload(b, 'draft');
      const cliTxt = home.path('cli-draft.txt');
      headroom(['request', ws, '--rir', 'arin', '--kind', 'ipv4', '--format', 'txt', '--out', cliTxt]);
      expect(txt.bytes.equals(readFileSync(cliTxt))).toBe(true);
      expect(await b.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);
    } finally {
      await b.close();
    }
  }, 600_000);

  it("saves a site's sizing sheet as the PDF the CLI prints, from Reports and from Facility, never through window.print()", async () => {
    const b = await openReports();
    try {
      await pick(b, 'Sizing sheet (PDF)', /sizing-sheet-POP-Northgate\.pdf/);
      expect(await b.page.getByTestId('report-preview').textContent()).toContain('Limits, tightest first');
      const fromReports = await saveDownload(b, 'sizing');
      const cli = home.path('cli-sizing.pdf');
      const r = headroom(['export', ws, '--format', 'sizing-pdf', '--site', 'POP Northgate', '--out', cli]);
      expect(r.code, r.stderr).toBe(0);
      const text = pdfText(fromReports.file);
      expect(text).toContain('Sizing sheet — POP Northgate');
      expect(text).toMatch(/Equipment/);
      expect(text).toEqual(pdfText(cli));

      await b.page.goto(`${bridge.url}#/facility`);
      await b.page.getByRole('tab', { name: 'Sizing sheet' }).click();
      const sheet = b.page.getByRole('article', { name: 'Sizing sheet' });
      await b.page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void ((window as unknown as { printed: number }).printed += 1);
      });
      const [d] = await Promise.all([b.page.waitForEvent('download', { timeout: 60_000 }), sheet.getByRole('button', { name: 'PDF…' }).click()]);
      const file = home.path('facility-sizing.pdf');
      await d.saveAs(file);
      expect(pdfText(file)).toEqual(text);
      expect(await b.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);
    } finally {
      await b.close();
    }
  }, 300_000);

  it('scopes a file to one block, says what is wrong with a bad one, and shows the warnings before saving', async () => {
    const b = await openReports();
    try {
      await pick(b, 'Blocks (CSV)', /isp-blocks\.csv/);
      await b.page.getByRole('radio', { name: 'One block' }).check();
      await b.page.getByLabel('Block', { exact: true }).fill('198.51.100.64/26');
      await b.page.locator('.reports-preview-head h2').filter({ hasText: 'isp-198.51.100.64_26-blocks.csv' }).waitFor();
      const d = await saveDownload(b, 'within');
      expect(d.bytes.equals(cliExport('csv', '--within', '198.51.100.64/26'))).toBe(true);

      await b.page.getByLabel('Block', { exact: true }).fill('198.51.100.64/33');
      await expect.poll(() => b.page.getByRole('alert').textContent()).toMatch(/^Block: /);
      expect(await b.page.getByRole('button', { name: 'Save…' }).isDisabled()).toBe(true);

      await b.page.getByRole('radio', { name: 'The whole workspace' }).check();
      await pick(b, 'BIND reverse zones', /isp-reverse-zones\.txt/);
      await expect.poll(() => b.page.getByRole('list', { name: 'Warnings' }).textContent()).toContain('192.0.2.0/24 is space from an upstream');
      expect(await b.page.locator('.reports-zones button').count()).toBeGreaterThan(1);
    } finally {
      await b.close();
    }
  }, 300_000);

  it('is screenshotted in light and dark, wide and narrow, with previews showing warnings (zones, the PDF, ROA requests)', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const b = await openReports(scheme);
      try {
        for (const [w, h] of [
          [1440, 900],
          [1024, 700],
        ] as const) {
          await b.page.setViewportSize({ width: w, height: h });
          await pick(b, 'BIND reverse zones', /isp-reverse-zones\.txt/);
          await fontsSettled(b.page);
          await b.page.screenshot({ path: join(SHOTS, `reports-bind-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
          await pick(b, 'Allocation report (PDF)', /isp-allocation-report\.pdf/);
          await fontsSettled(b.page);
          await b.page.screenshot({ path: join(SHOTS, `reports-pdf-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
          await pick(b, 'ARIN ROA requests', /roas-arin\.txt/);
          await fontsSettled(b.page);
          await b.page.screenshot({ path: join(SHOTS, `reports-roa-arin-${scheme}-${w}x${h}.png`), animations: 'disabled', caret: 'hide' });
        }
      } finally {
        await b.close();
      }
    }
  }, 300_000);
});
