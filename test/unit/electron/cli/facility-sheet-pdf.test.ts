/**
 * The printed sizing sheet (`headroom export --format sizing-pdf --site NAME`) carries the built
 * checks of issue 13 item 7 — the motor start, the required runtime against each string, the
 * 3-2-1 rule, PUE from energy and the phase split — read back from the real PDF with pdftotext.
 * The figures are those of shared/facility/sheet.ts (computeSheet) on the stored site, plus the
 * ones worked by hand below. A test whose tool is absent is skipped, saying which tool.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDetail, siteLimits, listSites } from '../../../../electron/core/services/facility';
import { Workspace } from '../../../../electron/core/workspace/workspace';
import { computeSheet, sheetItW, type SiteSheet } from '../../../../shared/facility/sheet';
import { ensureBuilt, headroom } from '../../../support/cli';
import { tempDir } from '../../../support/tmp';

const tmp = tempDir('headroom-sheetpdf-');
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const canPrint = existsSync('/usr/bin/chromium') && has('pdftotext');
if (!canPrint) console.warn('facility-sheet-pdf: chromium or pdftotext is not installed; the PDF checks are skipped');

beforeAll(() => ensureBuilt(), 300_000);
afterAll(() => tmp.cleanup());

function ok(args: string[]): string {
  const r = headroom(args);
  if (r.code !== 0) throw new Error(`${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** The PDF's text in reading order (a table cell's wrapped lines stay together), all white space folded to one space. */
function pdfText(ws: string, site: string): string {
  const out = tmp.path(`${site.replace(/\W+/g, '-')}.pdf`);
  ok(['export', ws, '--format', 'sizing-pdf', '--site', site, '--out', out]);
  const t = spawnSync('pdftotext', ['-raw', out, '-'], { encoding: 'utf8' });
  expect(t.status, t.stderr).toBe(0);
  return t.stdout.replace(/\s+/g, ' ');
}

async function sheetOf(ws: string, site: string): Promise<SiteSheet> {
  const w = await Workspace.open(ws, { readOnly: true });
  try {
    const id = listSites(w).find((s) => s.name === site)!.id;
    const d = siteDetail(w, id);
    const l = siteLimits(w, { siteId: id }).limits!;
    return computeSheet(d, sheetItW(d, l.currentItW).itW);
  } finally {
    w.close();
  }
}

const fmt = (x: number, digits = 4) => Number(x.toPrecision(digits)).toLocaleString('en');

describe('the printed sizing sheet carries the built checks (issue 13 item 7)', { timeout: 300_000 }, () => {
  const ws = tmp.path('isp.headroom');
  const SITE = 'Edge South';
  beforeAll(() => {
    ok(['init', ws, '--demo']);
    const pop = JSON.parse(ok(['site', 'show', ws, 'POP Northgate', '--json'])) as Record<string, unknown> & {
      generators: Record<string, unknown>[];
      equipment: Record<string, unknown>[];
    };
    const gen = pop.generators[0]!;
    const doc = {
      ...pop,
      name: SITE,
      // a 10 hp code G motor started last on two sets that each take a 50 % step
      motorHp: 10,
      motorCode: 'G',
      // required runtime 5 + 2 × 3 + 2 = 13 min
      rideThroughMin: 5,
      shutdownMin: 3,
      runtimeMarginMin: 2,
      // one backup copy on one kind of media, none off site: every 3-2-1 rule fails
      backupCopies: 1,
      mediaKinds: 1,
      offsiteCopies: 0,
      // 1.6 GWh facility over 1 GWh IT: PUE 1.6, DCiE 62.5 %
      facilityEnergyWh: 1.6e9,
      itEnergyWh: 1e9,
      equipment: pop.equipment.map((e, i) => ({ ...e, phase: (['L1', 'L2', 'L3', 'L1', 'L2'] as const)[i] })),
      generators: [
        { ...gen, name: 'Genset 1', maxStepFrac: 0.5, performanceClass: 'G2' },
        { ...gen, name: 'Genset 2', maxStepFrac: 0.5, performanceClass: 'G2' },
      ],
      ups: [
        { name: 'UPS A', ratedVA: 20000, ratedW: 18000, units: 1, redundancy: 'N', maxLoadFrac: 0.8, upsEff: 0.95, feed: 'A' },
        { name: 'UPS B', ratedVA: 20000, ratedW: 18000, units: 1, redundancy: 'N', maxLoadFrac: 0.8, upsEff: 0.95, feed: 'B' },
      ],
    };
    const file = tmp.path('edge.json');
    writeFileSync(file, JSON.stringify(doc));
    ok(['site', 'apply', ws, file]);
  });

  it.runIf(canPrint)('prints the motor start, required runtime, 3-2-1, PUE and the phase split, each as computeSheet gives it', async () => {
    const sheet = await sheetOf(ws, SITE);
    const text = pdfText(ws, SITE);
    expect(text).toContain('Checks');

    const motor = sheet.generators!.motor!;
    expect(motor.capKVA).not.toBeNull();
    expect(text).toMatch(/Motor start \(largest motor last, ISO 8528-5\)/);
    expect(text).toContain(`10 hp, code G: ${fmt(motor.startKVA)} kVA locked-rotor, ${fmt(motor.stepKVA)} kVA step`);
    expect(text).toContain(`against ${fmt(motor.capKVA!)} kVA the sets accept`);

    expect(sheet.checks.requiredRuntime!.requiredMin).toBe(13);
    expect(text).toContain('5 min ride-through + 2 × 3 min orderly shutdown + 2 min margin = 13 min');
    for (const b of sheet.checks.requiredRuntime!.strings) {
      expect(b.runtimeMin).not.toBeNull();
      expect(text).toContain(`${fmt(b.runtimeMin!)} min at the peak: ${b.meets ? 'meets it' : 'SHORT of it'}`);
    }

    expect(text).toMatch(/3-2-1 backup rule +NOT met/);
    expect(text).toContain('2 copies of the data (original + 1 backups); 3 needed');
    expect(text).toContain('1 kinds of media; 2 needed');
    expect(text).toContain('0 copies off site; 1 needed');

    expect(text).toMatch(/PUE from energy readings +PUE 1\.6 \(DCiE 62\.5 %\): 1,600 MWh facility over 1,000 MWh IT/);

    const ph = sheet.checks.phases!;
    expect(text).toMatch(/Phase split \(at the peak\)/);
    expect(text).toContain(`Imbalance ${fmt(ph.imbalanceFrac * 100, 3)} %; neutral current ${fmt(ph.neutralA!)} A`);
    for (const l of ['L1', 'L2', 'L3'] as const) {
      expect(text).toContain(` ${l} ${fmt(ph.phaseW[l])} W ${fmt(ph.phaseA![l])} A `);
    }
  });

  it.runIf(canPrint)('says what to enter for a check the site has no inputs for', () => {
    const text = pdfText(ws, 'POP Northgate');
    expect(text).toContain('not checked: enter the largest motor and its NEC code letter on the site');
    expect(text).toContain('not checked: enter the ride-through and orderly-shutdown minutes on the site');
    expect(text).toContain('not checked: enter the kinds of media and the copies off site on the site');
    expect(text).toMatch(/not checked: enter the facility’s and the IT’s energy over the same period \(12 months\)/);
    expect(text).toContain('Phase split: no item has a line or a circuit yet.');
  });
});
