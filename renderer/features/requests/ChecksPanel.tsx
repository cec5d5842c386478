/**
 * The policy checks beside the draft: rule, verdict, message, source and as-of date. An
 * UNCONFIRMED rule reads "verify with the RIR", never as an error. A failing check offers "Fix":
 * to the edit box it names, or to Settings for what lives there.
 */
import type { CheckView, DraftView } from '../../../shared/contract';
import { EDIT_FIELDS } from './edit-fields';

const PLACES: Record<string, string> = {
  'organisation.country': 'the country code',
  'organisation.nameServers': 'the name servers',
  'organisation.mntner': 'the maintainer',
  contacts: 'the contacts',
  'contacts.handle': 'the contact handles',
  neighbours: 'the upstreams and peers',
  connectivity: 'the upstreams and peers',
  dbObjects: 'the RIR database objects',
  statsImport: "the RIR's delegated file",
};

/** A check's field in plain words ("the block 192.0.2.0/24", "Plan horizon (months)"), never an internal path. */
export function fieldWords(field: string, draft: DraftView['draft'] | undefined): { words: string; block: string | null } {
  const at = /^(holdings|originate)\[(\d+)\]/.exec(field);
  if (at && draft) {
    const i = Number(at[2]);
    const block = at[1] === 'holdings' ? (draft.holdings[i]?.prefix ?? null) : (draft.originate[i] ?? null);
    if (block) return { words: `the block ${block}`, block };
  }
  if (field === 'request.prefix' && draft?.request.prefix) return { words: `the block ${draft.request.prefix}`, block: draft.request.prefix };
  const edit = EDIT_FIELDS.find((f) => f.key === field);
  if (edit) return { words: edit.label, block: null };
  return { words: PLACES[field] ?? (field.startsWith('holdings') ? 'the blocks held' : field.startsWith('originate') ? 'the routes' : field), block: null };
}

const VERDICT_LABEL: Record<CheckView['verdict'], string> = { pass: 'pass', verify: 'verify with the RIR', info: 'info', warn: 'warning', FAIL: 'FAIL' };

/** Where a check's field is fixed: an edit box on this screen, or a Settings section. */
export function fixTarget(field: string | null): { kind: 'edit'; key: string } | { kind: 'settings'; section: string } | null {
  if (!field) return null;
  if (field.startsWith('organisation.') || field === 'contacts' || field === 'contacts.handle')
    return { kind: 'settings', section: field.startsWith('contacts') ? 'contacts' : 'organisation' };
  if (field === 'neighbours' || field === 'connectivity') return { kind: 'settings', section: 'neighbours' };
  if (field.startsWith('holdings') || field.startsWith('originate') || field === 'dbObjects' || field === 'statsImport' || field === 'request.prefix')
    return { kind: 'settings', section: 'registry' };
  return { kind: 'edit', key: field };
}

interface Props {
  view: DraftView;
  onFix(check: CheckView): void;
}

export function ChecksPanel({ view, onFix }: Props) {
  const failed = view.checks.filter((c) => c.severity === 'E' && !c.ok).length;
  return (
    <section className="req-checks" aria-labelledby="req-checks-title">
      <h2 id="req-checks-title">Policy checks</h2>
      <p className={`req-verdict ${view.conforming ? 'ok' : 'bad'}`} data-testid="conformance">
        {view.conforming ? 'Policy-conforming' : `NON-CONFORMING: ${failed} failed rule${failed === 1 ? '' : 's'}`}
      </p>
      <ol className="req-check-list">
        {view.checks.map((c) => {
          const target = fixTarget(c.field);
          const where = c.field ? fieldWords(c.field, view.draft) : null;
          return (
            <li key={c.rule} className={`req-check verdict-${c.verdict}`} data-rule={c.rule} data-verdict={c.verdict}>
              <div className="req-check-head">
                <span className="mono req-rule">{c.rule}</span>
                <span className={`req-badge verdict-${c.verdict}`}>{VERDICT_LABEL[c.verdict]}</span>
                <span className="req-check-title">{c.title}</span>
                <span className="req-sev muted" title="E blocks export as policy-conforming; W warns; I informs">
                  {c.severity}
                </span>
              </div>
              <div className="req-check-message">{c.message}</div>
              <div className="req-check-source muted">
                Source: {c.source} · as of {c.asOf}
                {!c.ok && target ? (
                  <>
                    {' · '}
                    {target.kind === 'edit' ? (
                      <button type="button" className="link" onClick={() => onFix(c)} aria-label={`Fix ${c.rule}: ${where?.words ?? ''}`}>
                        Fix {where?.words}
                      </button>
                    ) : target.section === 'registry' ? (
                      <a href={where?.block ? `#/registry?select=${encodeURIComponent(where.block)}` : '#/registry'}>Fix in the Registry ({where?.words})</a>
                    ) : (
                      <a href={`#/settings`} aria-label={`Fix ${c.rule} in Settings`}>
                        Fix in Settings ({where?.words})
                      </a>
                    )}
                  </>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
