/**
 * Reports: every file Headroom makes, for the whole workspace, one space or one block, each with
 * a preview and its warnings before saving. The file comes from `reports.file`, which produces
 * the very bytes `headroom export` (or `headroom request`) writes; Save hands those bytes to the
 * browser's download or, in the app, Electron's save dialog. Nothing here prints the page.
 */
import { useEffect, useState } from 'react';
import type { InputOf, ReportFile, ReportFileFormat, RequestKindName, RequestRir } from '../../../shared/contract';
import { splitBindExport } from '../../../shared/report/bind-export';
import { client } from '../../client';
import { useContractQuery } from '../../data/query';
import { errorsFrom } from '../../state';
import { ALL_FORMATS, bytesOf, FORMAT_GROUPS, isDraft, isPdf, isRoa, saveBytes } from './formats';
import './reports.css';

type ScopeKind = 'workspace' | 'space' | 'block';

const RIRS: [RequestRir, string][] = [
  ['ripe', 'RIPE NCC'],
  ['arin', 'ARIN'],
  ['apnic', 'APNIC'],
  ['lacnic', 'LACNIC'],
  ['afrinic', 'AFRINIC'],
];
const KINDS: [RequestKindName, string][] = [
  ['ipv4', 'IPv4'],
  ['ipv6', 'IPv6'],
  ['asn', 'AS number'],
];

const PREVIEW_LINES = 400;

/** The screen's own name for each field a refusal can name. */
const FIELD_LABEL: Record<string, string> = {
  site: 'Site',
  within: 'Block',
  space: 'Address space',
  ns: 'Name servers',
  rir: 'RIR',
  kind: 'Request kind',
  format: 'File',
};

/** The report's HTML without anything active: shown as a document, never run. */
function safeHtml(html: string): string {
  // Styles go before parsing: a parsed document takes the page's CSP, which refuses inline styles
  // (and says so on the console).
  const bare = html.replace(/<style[\s\S]*?<\/style>/gi, '').replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '');
  const doc = new DOMParser().parseFromString(bare, 'text/html');
  doc.querySelectorAll('script, style, link, iframe, object, embed, meta, base').forEach((n) => n.remove());
  doc.querySelectorAll('*').forEach((el) => {
    for (const a of [...el.attributes]) if (/^on/i.test(a.name) || a.name === 'style' || a.name === 'src' || a.name === 'href') el.removeAttribute(a.name);
  });
  // The document's headings sit under the preview's own (the page keeps one h1).
  doc.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach((h) => {
    const level = Number(h.tagName.slice(1));
    const div = doc.createElement('div');
    div.className = `doc-h${level}`;
    div.setAttribute('role', 'heading');
    div.setAttribute('aria-level', String(Math.min(6, level + 2)));
    div.innerHTML = h.innerHTML;
    h.replaceWith(div);
  });
  return doc.body.innerHTML;
}

function TextPreview({ text }: { text: string }) {
  const lines = text.split('\n');
  const shown = lines.slice(0, PREVIEW_LINES).join('\n');
  return (
    <>
      <pre className="reports-text mono" data-testid="report-preview" tabIndex={0} aria-label="Preview of the file">
        {shown}
      </pre>
      {lines.length > PREVIEW_LINES && <p className="muted">… and {(lines.length - PREVIEW_LINES).toLocaleString('en')} more lines in the file.</p>}
    </>
  );
}

/** A failure as the field it names and a message that says which field, in the form's words. */
function labelled(e: unknown): { field: string; message: string } {
  const [field, message] = Object.entries(errorsFrom(e))[0] ?? ['_', String(e)];
  const label = FIELD_LABEL[field];
  return { field, message: label ? `${label}: ${message}` : message };
}

export function ReportsScreen() {
  const [format, setFormat] = useState<ReportFileFormat>('pdf');
  const [scope, setScope] = useState<ScopeKind>('workspace');
  const [space, setSpace] = useState('global');
  const [block, setBlock] = useState('');
  const [rir, setRir] = useState<RequestRir>('ripe');
  const [kind, setKind] = useState<RequestKindName>('ipv6');
  const [ns, setNs] = useState('');
  const [sitePicked, setSite] = useState('');
  const [as0, setAs0] = useState(false);
  const entry = ALL_FORMATS.find((e) => e.format === format)!;

  const spacesRead = useContractQuery('registry.listSpaces', {});
  const spaces = spacesRead.data && !spacesRead.isError ? spacesRead.data : ['global'];
  const sitesRead = useContractQuery('facility.listSites', {});
  const sites = sitesRead.isError ? [] : (sitesRead.data ?? []).map((x) => x.name);
  const site = sitePicked || (sites[0] ?? '');

  const input = (() => {
    const base: Record<string, unknown> = { format };
    if (entry.scoped) {
      if (scope === 'space' || entry.oneSpace) base.space = space;
      if (scope === 'block' && block.trim() !== '') base.within = block.trim();
    }
    if (isDraft(format)) Object.assign(base, { rir, kind });
    if (isRoa(format) && as0) base.as0 = true;
    // A PDF is previewed from its HTML and printed only when saved.
    if (isPdf(format)) base.htmlOnly = true;
    if (entry.site && site) base.site = site;
    const servers = ns
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
    if (format === 'bind' && servers.length > 0) base.ns = servers;
    return base;
  })();

  const blockMissing = (entry.scoped && scope === 'block' && block.trim() === '') || (entry.site === true && site === '');

  // A new choice makes a new preview (what is saved is always what is shown), once typed fields
  // (block, name servers) settle.
  const wish = blockMissing ? '' : JSON.stringify(input);
  const [settled, setSettled] = useState(wish);
  useEffect(() => {
    const t = setTimeout(() => setSettled(wish), 250);
    return () => clearTimeout(t);
  }, [wish]);
  const current = settled !== '' && settled === wish;
  const made = useContractQuery('reports.file', (settled ? JSON.parse(settled) : { format }) as InputOf<'reports.file'>, {
    enabled: current,
    placeholderData: undefined,
  });
  const file: ReportFile | null = current && !made.isError ? (made.data ?? null) : null;
  const busy = current && made.isFetching;
  /** A failed save, shown until the choice changes. */
  const [saveError, setSaveError] = useState<{ wish: string; field: string; message: string } | null>(null);
  const error: { field: string; message: string } | null = saveError?.wish === wish ? saveError : current && made.error ? labelled(made.error) : null;
  const setError = (e: { field: string; message: string } | null) => setSaveError(e && { wish, ...e });

  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!file) return;
    if (file.html === null) return saveBytes(file.fileName, bytesOf(file.base64), file.mime);
    setSaving(true);
    setError(null);
    try {
      const printed = await client.call('reports.file', { ...input, htmlOnly: false } as never);
      saveBytes(printed.fileName, bytesOf(printed.base64), printed.mime);
    } catch (e) {
      setError(labelled(e));
    } finally {
      setSaving(false);
    }
  };

  const zones = file && file.format === 'bind' && file.text ? splitBindExport(file.text) : [];

  return (
    <section className="screen reports-screen" aria-labelledby="reports-title">
      <header className="screen-header">
        <h1 id="reports-title">Reports</h1>
        <span className="muted">
          Each file is what <span className="mono">headroom export</span> writes, previewed before you save it.
        </span>
      </header>
      <div className="reports-layout">
        <nav className="reports-list" aria-label="Report files">
          {FORMAT_GROUPS.map((g) => (
            <div key={g.title} className="reports-group" role="group" aria-label={g.title}>
              <h2>{g.title}</h2>
              {g.entries.map((e) => (
                <label key={e.format} className={`reports-choice${e.format === format ? ' selected' : ''}`} title={e.hint}>
                  <input type="radio" name="report-format" value={e.format} checked={e.format === format} onChange={() => setFormat(e.format)} />
                  <span>{e.label}</span>
                </label>
              ))}
            </div>
          ))}
        </nav>
        <div className="reports-main">
          <div className="reports-options">
            <p className="reports-hint">{entry.hint}</p>
            {entry.scoped ? (
              <fieldset className="reports-scope">
                <legend>Covers</legend>
                {!entry.oneSpace && (
                  <label>
                    <input type="radio" name="report-scope" checked={scope === 'workspace'} onChange={() => setScope('workspace')} /> The whole workspace
                  </label>
                )}
                <label>
                  <input
                    type="radio"
                    name="report-scope"
                    checked={scope === 'space' || (entry.oneSpace === true && scope === 'workspace')}
                    onChange={() => setScope('space')}
                  />{' '}
                  One address space
                </label>
                <select aria-label="Address space" value={space} onChange={(e) => setSpace(e.target.value)} disabled={!(scope === 'space' || entry.oneSpace)}>
                  {(spaces.length > 0 ? spaces : ['global']).map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
                <label>
                  <input type="radio" name="report-scope" checked={scope === 'block'} onChange={() => setScope('block')} /> One block
                </label>
                <input
                  className="mono reports-block"
                  aria-label="Block"
                  placeholder="198.51.100.0/24"
                  value={block}
                  disabled={scope !== 'block'}
                  onChange={(e) => setBlock(e.target.value)}
                  aria-invalid={error?.field === 'within'}
                />
                {entry.oneSpace && <span className="field-hint">A DHCP server takes one space: blocks of two VRFs may overlap.</span>}
                {format === 'bind' && (
                  <label className="reports-ns">
                    Name servers{' '}
                    <input
                      className="mono"
                      aria-label="Name servers"
                      placeholder="from Settings"
                      value={ns}
                      onChange={(e) => setNs(e.target.value)}
                      aria-invalid={error?.field === 'ns'}
                    />
                  </label>
                )}
              </fieldset>
            ) : isDraft(format) ? (
              <fieldset className="reports-scope">
                <legend>Request</legend>
                <select aria-label="RIR" value={rir} onChange={(e) => setRir(e.target.value as RequestRir)}>
                  {RIRS.map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </select>
                <select aria-label="Request kind" value={kind} onChange={(e) => setKind(e.target.value as RequestKindName)}>
                  {KINDS.map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </select>
                <span className="field-hint">Edit what the draft says in Requests; this saves it as it stands.</span>
              </fieldset>
            ) : entry.site ? (
              <fieldset className="reports-scope">
                <legend>Site</legend>
                {sites.length > 0 ? (
                  <select aria-label="Site" value={site} onChange={(e) => setSite(e.target.value)}>
                    {sites.map((x) => (
                      <option key={x} value={x}>
                        {x}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="field-hint">No site yet: add one in Facility.</span>
                )}
              </fieldset>
            ) : isRoa(format) ? (
              <fieldset className="reports-scope">
                <legend>Covers</legend>
                <span className="field-hint">
                  Every route of the workspace (Registry → Routing), as <span className="mono">headroom roa export</span> writes them.
                </span>
                <label>
                  <input type="checkbox" checked={as0} onChange={(e) => setAs0(e.target.checked)} /> AS0 ROAs for our space no route covers
                </label>
              </fieldset>
            ) : null}
          </div>
          {error && (
            <p className="reports-error" role="alert">
              {error.message}
            </p>
          )}
          <div className="reports-preview" aria-busy={busy}>
            <div className="reports-preview-head">
              <h2>{file ? file.fileName : 'Preview'}</h2>
              {file && (
                <span className="muted">
                  {file.items.toLocaleString('en')} item{file.items === 1 ? '' : 's'} · {file.scope} ·{' '}
                  {file.html !== null ? 'a PDF, printed when you save it' : `${bytesOf(file.base64).length.toLocaleString('en')} bytes`}
                </span>
              )}
              <span className="reports-actions">
                <button type="button" className="primary" onClick={() => void save()} disabled={!file || busy || saving}>
                  {saving ? 'Printing the PDF…' : 'Save…'}
                </button>
              </span>
            </div>
            {busy && <p className="muted">Making the file…</p>}
            {file && file.warnings.length > 0 && (
              <ul className="reports-warnings" aria-label="Warnings">
                {file.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
            {zones.length > 1 && (
              <div className="reports-zones">
                <span>This file holds {zones.length} zones, one after another. One file per zone:</span>
                {zones.map((z) => (
                  <button
                    key={z.zone}
                    type="button"
                    onClick={() => saveBytes(`${z.zone}.zone`, new TextEncoder().encode(z.text) as Uint8Array<ArrayBuffer>, 'text/plain')}
                  >
                    {z.zone}
                  </button>
                ))}
              </div>
            )}
            {file && file.text !== null && <TextPreview text={file.text} />}
            {file && file.html !== null && (
              <div
                className="reports-doc"
                data-testid="report-preview"
                tabIndex={0}
                aria-label="Preview of the document"
                dangerouslySetInnerHTML={{ __html: safeHtml(file.html) }}
              />
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
