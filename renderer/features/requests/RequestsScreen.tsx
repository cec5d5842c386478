/**
 * Requests: pick an RIR and a kind and see the draft (filled from the workspace) beside its
 * policy checks; fix a failing check in place; export Markdown, plain text or PDF (print). Also
 * the RFC 2901 checklist and the RPSL objects / reverse zones of any block.
 */
import { useCallback, useRef, useState } from 'react';
import type { CheckView, DraftView, RequestEdits, RequestKindName, RequestRir } from '../../../shared/contract';
import { REQUEST_KINDS, REQUEST_RIRS } from '../../../shared/contract';
import { renderDraftMarkdown, renderDraftText } from '../../../shared/rir/draft-render';
import { client } from '../../client';
import { useChange, useContractQuery } from '../../data/query';
import { errorsFrom, errorText, useReadFailure, useWorkspace } from '../../state';
import { ChecklistView } from './ChecklistView';
import { ChecksPanel, fixTarget } from './ChecksPanel';
import { DraftDocumentView } from './DraftDocumentView';
import { DraftEdits } from './DraftEdits';
import { EquipmentEdits } from './EquipmentEdits';
import { download } from './download';
import { bytesOf, saveBytes } from '../reports/formats';
import { hashParams } from '../shell/areas';
import { ObjectsView } from './ObjectsView';
import './requests.css';

const RIR_LABEL: Record<RequestRir, string> = { arin: 'ARIN', ripe: 'RIPE NCC', apnic: 'APNIC', lacnic: 'LACNIC', afrinic: 'AFRINIC' };
const KIND_LABEL: Record<RequestKindName, string> = { ipv4: 'IPv4', ipv6: 'IPv6', asn: 'AS number' };
const TABS = [
  { id: 'draft', label: 'Draft and checks' },
  { id: 'checklist', label: 'RFC 2901 checklist' },
  { id: 'objects', label: 'RPSL and reverse DNS' },
] as const;
type Tab = (typeof TABS)[number]['id'];

function DraftTab() {
  const { state, notify } = useWorkspace();
  const change = useChange();
  const [rir, setRir] = useState<RequestRir>('ripe');
  const [kind, setKind] = useState<RequestKindName>('ipv4');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const editsRef = useRef<HTMLDivElement>(null);
  const readOnly = state?.readOnly ?? true;

  // Another RIR or kind is another query; an answer no longer wanted is dropped.
  const draft = useContractQuery('requests.getDraft', { rir, kind }, { enabled: Boolean(state) });
  const view: DraftView | null = draft.data ?? null;
  useReadFailure(draft.error);

  const save = useCallback(
    async (edits: RequestEdits): Promise<DraftView | null> => {
      try {
        const out = await change('requests.updateDraft', { rir, kind, edits });
        setErrors({});
        return out;
      } catch (e) {
        const errs = errorsFrom(e);
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(errs)) out[k.replace(/^edits\./, '').split('.')[0]!] = v;
        setErrors(out);
        return null;
      }
    },
    [rir, kind, change],
  );

  const reset = async () => {
    try {
      await change('requests.resetDraft', { rir, kind });
      notify('info', 'The draft is back to the workspace’s values. Ctrl+Z undoes it.');
    } catch (e) {
      notify('error', errorText(e));
    }
  };

  const fix = (c: CheckView) => {
    const t = fixTarget(c.field);
    if (t?.kind !== 'edit') return;
    const el = editsRef.current?.querySelector<HTMLElement>(`[data-edit="${t.key}"]`);
    if (!el) {
      notify('info', `${c.rule}: ${c.field} is not editable for ${RIR_LABEL[rir]} ${KIND_LABEL[kind]}; change it in Settings or the Registry.`);
      return;
    }
    el.scrollIntoView({ block: 'center' });
    el.focus();
  };

  const fileBase = `${rir}-${kind}-request`;
  // The PDF is printed as the CLI prints it (reports.file), never with window.print(), which
  // blocks headless Chromium and gives no file (issue 14 §10).
  const [printing, setPrinting] = useState(false);
  const savePdf = async () => {
    setPrinting(true);
    try {
      const f = await client.call('reports.file', { format: 'request-pdf', rir, kind });
      saveBytes(f.fileName, bytesOf(f.base64), f.mime);
    } catch (e) {
      notify('error', errorText(e));
    } finally {
      setPrinting(false);
    }
  };
  return (
    <div className="req-draft-tab">
      <div className="req-toolbar no-print">
        <label>
          RIR{' '}
          <select value={rir} onChange={(e) => setRir(e.target.value as RequestRir)} aria-label="RIR">
            {REQUEST_RIRS.map((r) => (
              <option key={r} value={r}>
                {RIR_LABEL[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Request{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as RequestKindName)} aria-label="Request kind">
            {REQUEST_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <span className="req-export">
          Export{' '}
          <button
            type="button"
            disabled={!view}
            onClick={() => view && download(`${fileBase}.md`, renderDraftMarkdown(view.draft, view.checks), 'text/markdown')}
          >
            Markdown
          </button>
          <button type="button" disabled={!view} onClick={() => view && download(`${fileBase}.txt`, renderDraftText(view.draft, view.checks), 'text/plain')}>
            Plain text
          </button>
          <button
            type="button"
            disabled={!view || printing}
            onClick={() => void savePdf()}
            title="The draft as a PDF, as headroom request --format pdf makes it"
          >
            {printing ? 'Making the PDF…' : 'PDF…'}
          </button>
        </span>
      </div>
      {view ? (
        <>
          {view.missing.length > 0 ? (
            <ul className="req-missing no-print" aria-label="What the workspace does not know yet">
              {view.missing.map((m) => (
                <li key={m.field + m.message}>
                  <span className="mono">{m.field}</span>: {m.message}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="req-layout">
            <div className="req-main">
              <section className="req-edit-panel no-print" aria-labelledby="req-edit-title" ref={editsRef}>
                <div className="req-edit-head">
                  <h2 id="req-edit-title">What the registry cannot know</h2>
                  <button type="button" onClick={() => void reset()} disabled={readOnly || Object.keys(view.edits).length === 0}>
                    Reset to the workspace’s values
                  </button>
                </div>
                <DraftEdits view={view} disabled={readOnly} errors={errors} onSave={save} />
                <EquipmentEdits view={view} disabled={readOnly} error={errors.equipment} onSave={save} />
              </section>
              <DraftDocumentView view={view} />
            </div>
            <aside className="req-side no-print">
              <ChecksPanel view={view} onFix={fix} />
            </aside>
          </div>
        </>
      ) : (
        <p className="muted">Loading the draft…</p>
      )}
    </div>
  );
}

export function RequestsScreen() {
  // `#/requests?objects=CIDR` (from the Registry): open the objects of that block.
  const [objectsOf] = useState(() => hashParams(window.location.hash).get('objects') ?? undefined);
  const [tab, setTab] = useState<Tab>(objectsOf ? 'objects' : 'draft');
  const onTabKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`req-tab-${next.id}`)?.focus();
  };
  return (
    <section className="screen requests" aria-labelledby="requests-title">
      <header className="screen-header no-print">
        <h1 id="requests-title">Requests</h1>
        <span className="muted">RFC 2901 drafts for ARIN, RIPE NCC, APNIC, LACNIC and AFRINIC, checked against each RIR’s policy</span>
      </header>
      <div className="req-tabs no-print" role="tablist" aria-label="Request views" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`req-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls="req-panel"
            tabIndex={tab === t.id ? 0 : -1}
            className={tab === t.id ? 'active' : ''}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="req-panel" role="tabpanel" aria-labelledby={`req-tab-${tab}`} className="req-panel" data-view={tab}>
        {tab === 'draft' ? <DraftTab /> : tab === 'checklist' ? <ChecklistView /> : <ObjectsView initialBlock={objectsOf} />}
      </div>
    </section>
  );
}
