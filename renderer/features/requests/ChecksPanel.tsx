/**
 * The policy checks beside the draft: rule, verdict, message, source and as-of date. An
 * UNCONFIRMED rule reads "verify with the RIR", never as an error. A failing check offers "Fix":
 * to the edit box it names, or to Settings for what lives there.
 */
import type { CheckView, DraftView } from '../../../shared/contract';

const VERDICT_LABEL: Record<CheckView['verdict'], string> = { pass: 'pass', verify: 'verify with the RIR', info: 'info', warn: 'warning', FAIL: 'FAIL' };

/** Where a check's field is fixed: an edit box on this screen, or a Settings section. */
export function fixTarget(field: string | null): { kind: 'edit'; key: string } | { kind: 'settings'; section: string } | null {
  if (!field) return null;
  if (field.startsWith('organisation.') || field === 'contacts' || field === 'contacts.handle') return { kind: 'settings', section: field.startsWith('contacts') ? 'contacts' : 'organisation' };
  if (field === 'neighbours' || field === 'connectivity') return { kind: 'settings', section: 'neighbours' };
  if (field.startsWith('holdings') || field.startsWith('originate') || field === 'dbObjects' || field === 'statsImport' || field === 'request.prefix') return { kind: 'settings', section: 'registry' };
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
                      <button type="button" className="link" onClick={() => onFix(c)} aria-label={`Fix ${c.rule} at ${c.field}`}>
                        Fix: {c.field}
                      </button>
                    ) : target.section === 'registry' ? (
                      <a href="#/registry">Fix in the Registry ({c.field})</a>
                    ) : (
                      <a href={`#/settings`} aria-label={`Fix ${c.rule} in Settings`}>
                        Fix in Settings ({c.field})
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
