/**
 * A request draft as one self-contained HTML page (no scripts, no remote content), for PDF:
 * the CLI prints it with Chromium `--print-to-pdf`, the app with printToPDF. Same sections as
 * the Markdown and text renderings (shared/rir/draft-render.ts draftDocument).
 */
import type { RequestDraft } from '../rir/draft';
import { draftDocument } from '../rir/draft-render';
import type { CheckResult } from '../rir/policy-check-core';
import { escapeHtml as esc } from './html-escape';

const CSS = `
body { font: 10.5pt/1.4 "DejaVu Sans", Arial, sans-serif; color: #1b2330; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 10pt; }
h2 { font-size: 12pt; margin: 16pt 0 5pt; border-bottom: 1px solid #c9d1dc; padding-bottom: 2pt; break-after: avoid; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 0; }
dt { color: #5d6b7e; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin-top: 5pt; font-size: 9.5pt; }
th, td { border: 1px solid #d6dce4; padding: 2pt 5pt; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
pre { font: 8.5pt/1.3 "DejaVu Sans Mono", monospace; background: #f5f6f8; padding: 6pt; white-space: pre-wrap; }
.FAIL { color: #c62828; font-weight: bold; } .warn, .verify { color: #7a5200; font-weight: bold; } .pass { color: #1a7f37; }
@page { size: A4; margin: 16mm 14mm; }
`;

/** pass, verify, info, warn or FAIL: the verdict column of the checks table (a CSS class too). */
function verdictClass(cell: string): string {
  return ['pass', 'verify', 'info', 'warn', 'FAIL'].includes(cell) ? ` class="${cell}"` : '';
}

export function renderDraftHtml(d: RequestDraft, results?: readonly CheckResult[]): string {
  const doc = draftDocument(d, results);
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${esc(doc.title)}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>${esc(doc.title)}</h1>`,
  ];
  for (const s of doc.sections) {
    out.push(`<section><h2>${esc(s.title)}</h2>`);
    if (s.text) out.push(`<p>${esc(s.text)}</p>`);
    if (s.fields && s.fields.length > 0) out.push(`<dl>${s.fields.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`);
    if (s.table) {
      if (s.table.rows.length === 0) out.push('<p><em>none</em></p>');
      else {
        const verdictCol = s.table.headers.indexOf('Result');
        out.push(
          `<table><thead><tr>${s.table.headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>`,
          ...s.table.rows.map((r) => `<tr>${r.map((c, i) => `<td${i === verdictCol ? verdictClass(c) : ''}>${esc(c)}</td>`).join('')}</tr>`),
          '</tbody></table>',
        );
      }
    }
    if (s.code) out.push(`<pre>${esc(s.code.trimEnd())}</pre>`);
    out.push('</section>');
  }
  out.push('</body></html>');
  return out.join('\n');
}
