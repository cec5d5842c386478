/**
 * The facility sizing sheet of one site as a PDF page (`headroom export --format sizing-pdf
 * --site NAME`, and the Reports and Facility screens through reports.file): every limit of the
 * site with its maximum, today's value and how much is used (computeSiteLimits, the one formula),
 * then every input the limits come from: equipment, UPS systems, battery strings, generators,
 * cooling units, backup jobs, and the newest reading of each kind. One self-contained HTML page
 * (no scripts, no remote content), printed by the same Chromium path as every other PDF.
 */
import { PHASES3 } from '../facility/circuits';
import type { SiteSheet } from '../facility/sheet';
import type { SiteLimits } from '../facility/site';
import type { SiteDetail } from '../facility/site-record';
import { oneLine } from './dhcp-subnets';
import { escapeHtml as esc } from './html-escape';

export interface SizingSheet {
  organisation: string;
  /** YYYY-MM-DD (UTC). */
  date: string;
  detail: SiteDetail;
  /** null when the site cannot be computed (then `problem` says why). */
  limits: SiteLimits | null;
  problem: string | null;
  warnings: readonly string[];
  /** The sheet's figures (shared/facility/sheet.ts computeSheet); none or null when the site cannot be computed. */
  sheet?: SiteSheet | null;
}

const CSS = `
body { font: 9pt/1.35 "DejaVu Sans", Arial, sans-serif; color: #1b2330; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
h2 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
.meta { color: #5d6b7e; margin: 0 0 10pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 4pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border-bottom: 1px solid #e1e5eb; padding: 2.5pt 4pt; text-align: left; vertical-align: top; }
th { background: #eef1f5; border-bottom: 1px solid #c9d1dc; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.fields th[scope=row] { background: none; font-weight: normal; color: #5d6b7e; width: 40%; }
table.fields { width: auto; min-width: 60%; }
tr.over td { color: #8e1b1b; font-weight: bold; }
.note { color: #5d6b7e; font-size: 8pt; }
.warn { color: #7a5200; }
@page { size: A4; margin: 14mm 12mm; }
`;

/** A number in the unit its field name carries, for people: `12,500 W`, `8 TB`. */
export function sizingValue(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v !== 'number') return oneLine(typeof v === 'string' ? v : JSON.stringify(v));
  const n = (x: number, digits = 4) => Number(x.toPrecision(digits)).toLocaleString('en');
  if (/Bytes$/.test(key)) return v >= 1e12 ? `${n(v / 1e12)} TB` : v >= 1e9 ? `${n(v / 1e9)} GB` : `${n(v)} bytes`;
  if (/Frac$/.test(key)) return `${n(v * 100, 3)} %`;
  if (/Wh$/.test(key)) return v >= 1e6 ? `${n(v / 1e6)} MWh` : `${n(v / 1e3)} kWh`;
  const unit = /[kK]VA$/.test(key)
    ? 'kVA'
    : /VA$/.test(key)
      ? 'VA'
      : /W$/.test(key)
        ? 'W'
        : /Min$/.test(key)
          ? 'min'
          : /H$/.test(key)
            ? 'h'
            : /L$/.test(key)
              ? 'L'
              : /Ah$/.test(key)
                ? 'Ah'
                : /V$/.test(key)
                  ? 'V'
                  : /M2$/.test(key)
                    ? 'm²'
                    : /M$/.test(key)
                      ? 'm'
                      : /C$/.test(key)
                        ? '°C'
                        : /BitsPerS$/.test(key)
                          ? 'bit/s'
                          : /A$/.test(key)
                            ? 'A'
                            : '';
  return unit ? `${n(v)} ${unit}` : n(v, 6);
}

/** `nameplateW` → `Nameplate W`, `maxLoadFrac` → `Max load`: a name for people from a unit-named field. */
export function sizingLabel(key: string): string {
  const words = key
    .replace(/M2$/, ' m²')
    .replace(/EnergyWh$/, 'Energy')
    .replace(/Frac$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(' ')
    .map((w, i) => (i > 0 && /^[A-Z][a-z]+$/.test(w) && !['Ah'].includes(w) ? w.toLowerCase() : w))
    .join(' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const SKIP = new Set(['id', 'siteId', 'createdAt', 'updatedAt', 'curve', 'table', 'points']);

/** Records as a table: a column per field, or, when they have many fields, a row per field and a column per record (a page is only so wide). */
function table(title: string, rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter(
    (k) => !SKIP.has(k) && rows.some((r) => r[k] !== null && r[k] !== undefined && typeof r[k] !== 'object'),
  );
  const cell = (r: Record<string, unknown>, k: string) => `<td${typeof r[k] === 'number' ? ' class="num"' : ''}>${esc(sizingValue(k, r[k]))}</td>`;
  if (keys.length > 6) {
    const names = rows.map((r, i) => (typeof r.name === 'string' && r.name ? r.name : rows.length === 1 ? '' : `#${i + 1}`));
    const head = `<th></th>${names.map((n) => `<th class="num">${esc(n)}</th>`).join('')}`;
    const body = keys
      .filter((k) => k !== 'name')
      .map((k) => `<tr><th scope="row">${esc(sizingLabel(k))}</th>${rows.map((r) => `<td class="num">${esc(sizingValue(k, r[k]))}</td>`).join('')}</tr>`)
      .join('\n');
    return `<h2>${esc(title)}</h2>\n<table class="fields"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
  }
  const head = keys.map((k) => `<th${typeof rows[0]![k] === 'number' ? ' class="num"' : ''}>${esc(sizingLabel(k))}</th>`).join('');
  const body = rows.map((r) => `<tr>${keys.map((k) => cell(r, k)).join('')}</tr>`).join('\n');
  return `<h2>${esc(title)}</h2>\n<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const row = (check: string, result: string, bad: boolean) => `<tr${bad ? ' class="over"' : ''}><td>${esc(check)}</td><td>${esc(result)}</td></tr>`;

/**
 * The built checks on the site's own inputs (issue 13 item 7): the motor start, the required
 * runtime against each string, 3-2-1, PUE from energy and the phase split, each as
 * computeSheet gives it, or what the planner has to enter for it.
 */
function checksSection(sheet: SiteSheet): string {
  const c = sheet.checks;
  const rows: string[] = [];
  const motor = sheet.generators?.motor ?? null;
  if (motor) {
    const step = `${motor.motorHp} hp, code ${motor.code}: ${sizingValue('startKVA', motor.startKVA)} locked-rotor, ${sizingValue('stepKVA', motor.stepKVA)} step with everything else running`;
    rows.push(
      row(
        'Motor start (largest motor last, ISO 8528-5)',
        motor.capKVA === null
          ? `${step}; the sets’ step capability is not known: enter the load step each set accepts`
          : `${step}, against ${sizingValue('capKVA', motor.capKVA)} the sets accept: ${motor.withinCapability ? 'within it' : 'EXCEEDS it'}`,
        motor.withinCapability === false,
      ),
    );
  } else
    rows.push(
      row(
        'Motor start (largest motor last, ISO 8528-5)',
        sheet.generators ? 'not checked: enter the largest motor and its NEC code letter on the site' : 'no generator',
        false,
      ),
    );
  const rr = c.requiredRuntime;
  if (rr) {
    rows.push(
      row(
        'Required runtime',
        `${sizingValue('rideThroughMin', rr.rideThroughMin)} ride-through + 2 × ${sizingValue('shutdownMin', rr.shutdownMin)} orderly shutdown + ${sizingValue('marginMin', rr.marginMin)} margin = ${sizingValue('requiredMin', rr.requiredMin)}`,
        false,
      ),
    );
    for (const b of rr.strings)
      rows.push(
        row(
          `  Battery “${b.name}”`,
          b.runtimeMin === null ? 'no runtime figure' : `${sizingValue('runtimeMin', b.runtimeMin)} at the peak: ${b.meets ? 'meets it' : 'SHORT of it'}`,
          b.meets === false,
        ),
      );
  } else rows.push(row('Required runtime', 'not checked: enter the ride-through and orderly-shutdown minutes on the site', false));
  const b3 = c.backup321;
  if (b3) {
    rows.push(row('3-2-1 backup rule', b3.ok ? 'met' : 'NOT met', !b3.ok));
    for (const r of b3.rules) rows.push(row(`  ${r.rule}`, `${r.ok ? 'yes' : 'no'}: ${r.message}`, !r.ok));
  } else rows.push(row('3-2-1 backup rule', 'not checked: enter the kinds of media and the copies off site on the site', false));
  const pue = c.pue;
  rows.push(
    row(
      'PUE from energy readings',
      pue
        ? `PUE ${sizingValue('pue', pue.pue)} (DCiE ${sizingValue('dcieFrac', pue.dcie)}): ${sizingValue('facilityEnergyWh', pue.facilityEnergyWh)} facility over ${sizingValue('itEnergyWh', pue.itEnergyWh)} IT`
        : 'not checked: enter the facility’s and the IT’s energy over the same period (12 months) on the site',
      false,
    ),
  );
  for (const p of c.problems) rows.push(row('Cannot check', p, true));
  const out = [`<h2>Checks</h2>`, `<table><thead><tr><th>Check</th><th>Result</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`];
  const ph = c.phases;
  if (ph) {
    const lines = PHASES3.map(
      (l) =>
        `<tr><td>${l}</td><td class="num">${esc(sizingValue('loadW', ph.phaseW[l]))}</td><td class="num">${ph.phaseA ? esc(sizingValue('currentA', ph.phaseA[l])) : '—'}</td></tr>`,
    );
    out.push(`<h2>Phase split (at the peak)</h2>`);
    out.push(
      `<p class="meta">Imbalance ${esc(sizingValue('imbalanceFrac', ph.imbalanceFrac))}; neutral current ${ph.neutralA === null ? '— (no line voltage)' : esc(sizingValue('neutralA', ph.neutralA))}</p>`,
    );
    out.push(`<table><thead><tr><th>Line</th><th class="num">Load</th><th class="num">Current</th></tr></thead><tbody>\n${lines.join('\n')}\n</tbody></table>`);
    if (ph.circuits.length > 0)
      out.push(
        table(
          'Circuits',
          ph.circuits.map((x) => ({
            name: x.name,
            phase: x.phase,
            rule: x.rule,
            loadW: x.loadW,
            currentA: x.currentA,
            allowedA: x.allowedA,
            usedFrac: x.usedFrac,
          })),
        ),
      );
    for (const w of ph.warnings) out.push(`<p class="note warn">${esc(w)}</p>`);
  } else out.push(`<p class="note">Phase split: no item has a line or a circuit yet.</p>`);
  for (const f of sheet.findings) out.push(`<p class="note warn">${esc(f)}</p>`);
  return out.join('\n');
}

export function renderSizingSheetHtml(s: SizingSheet): string {
  const site = s.detail.site;
  const out: string[] = [];
  out.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(`Sizing sheet — ${site.name}`)}</title><style>${CSS}</style></head><body>`);
  out.push(`<h1>${esc(`Sizing sheet — ${site.name}`)}</h1>`);
  out.push(`<p class="meta">${esc([s.date, oneLine(s.organisation), site.description ? oneLine(site.description) : ''].filter((x) => x).join(' · '))}</p>`);
  if (s.limits) {
    const rows = s.limits.limits.map((l) => {
      const key = l.variable === 'itW' ? 'itW' : 'dataBytes';
      return `<tr${l.exceededNow ? ' class="over"' : ''}><td>${esc(l.label)}</td><td class="num">${esc(sizingValue(key, l.max))}</td><td class="num">${esc(sizingValue(key, l.current))}</td><td class="num">${l.usedFrac === null ? '—' : esc(sizingValue('usedFrac', l.usedFrac))}</td></tr>`;
    });
    out.push(`<h2>Limits, tightest first</h2>`);
    out.push(
      `<p class="meta">IT load now ${esc(sizingValue('itW', s.limits.currentItW))}, at peak ${esc(sizingValue('itW', s.limits.peakItW))}${s.limits.dataBytes !== null ? `; protected data ${esc(sizingValue('dataBytes', s.limits.dataBytes))}` : ''}</p>`,
    );
    out.push(
      `<table><thead><tr><th>Limit</th><th class="num">Max</th><th class="num">Now</th><th class="num">Used</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
    );
  } else {
    // The problem without its internal field path (`ups.ratedW: `): the planner reads words.
    out.push(`<p class="warn">The site cannot be computed: ${esc(s.problem ?? 'unknown problem')}</p>`);
  }
  for (const w of s.warnings) out.push(`<p class="note warn">${esc(w)}</p>`);
  if (s.sheet) out.push(checksSection(s.sheet));
  const siteFields = Object.fromEntries(Object.entries(site).filter(([k]) => !['name', 'description'].includes(k)));
  out.push(table('Site', [siteFields]));
  out.push(table('Equipment', s.detail.equipment as unknown as Record<string, unknown>[]));
  out.push(table('UPS systems', s.detail.ups as unknown as Record<string, unknown>[]));
  out.push(table('Battery strings', s.detail.batteryStrings as unknown as Record<string, unknown>[]));
  out.push(table('Generators and tanks', s.detail.generators as unknown as Record<string, unknown>[]));
  out.push(table('Cooling', s.detail.coolingUnits as unknown as Record<string, unknown>[]));
  out.push(table('Backup jobs', s.detail.backupJobs as unknown as Record<string, unknown>[]));
  const newest = ['itW', 'dataBytes'].flatMap((kind) => {
    const r = s.detail.readings.filter((x) => x.kind === kind).at(-1);
    return r ? [{ reading: kind === 'itW' ? 'Measured IT load' : 'Protected data', date: r.date, value: sizingValue(kind, r.value) }] : [];
  });
  out.push(table('Newest readings', newest));
  out.push(`<p class="note">Made by Headroom from the workspace on ${esc(s.date)}; the limits follow the facility formulas of the specification.</p>`);
  out.push('</body></html>');
  return `${out.filter((x) => x !== '').join('\n')}\n`;
}
