/**
 * The draft as a document on screen (the same sections as the Markdown, text and PDF exports,
 * from shared/rir draftDocument), with the addressing plan shown with its +3 month column. The
 * policy-checks section is printed but not shown on screen: the checks panel sits beside it.
 */
import type { DraftView } from '../../../shared/contract';
import { draftDocument, type DraftSection } from '../../../shared/rir/draft-render';

const n = (v: number) => v.toLocaleString('en-US');

function PlanTable({ view }: { view: DraftView }) {
  if (view.kind === 'asn') return <p className="muted">Not part of an AS number request.</p>;
  if (view.plan.length === 0) return <p className="muted">No pools inside the blocks held (add them in the Registry).</p>;
  const total = (k: 'now' | 'm3' | 'm6' | 'm12' | 'm24') => view.plan.reduce((a, p) => a + p[k], 0);
  return (
    <div className="req-scroll">
      <table className="req-table" data-testid="plan">
        <thead>
          <tr>
            <th>Pool</th>
            <th>Purpose</th>
            <th className="num">Size</th>
            <th className="num">Now</th>
            <th className="num">+3 m</th>
            <th className="num">+6 m</th>
            <th className="num">+12 m</th>
            <th className="num">+24 m</th>
          </tr>
        </thead>
        <tbody>
          {view.plan.map((p) => (
            <tr key={p.pool}>
              <td className="mono">{p.pool}</td>
              <td>{p.purpose}</td>
              <td className="num" title={p.unit === 'addresses' ? 'addresses' : `${p.unit} units`}>
                {n(p.totalUnits)}
                {p.unit === 'addresses' ? '' : ` × ${p.unit}`}
              </td>
              <td className="num">{n(p.now)}</td>
              <td className="num">{n(p.m3)}</td>
              <td className="num">{n(p.m6)}</td>
              <td className="num">{n(p.m12)}</td>
              <td className="num" title={p.method === 'trend' ? 'least-squares trend of the dates blocks were assigned' : 'no growth in the history'}>
                {n(p.m24)}
              </td>
            </tr>
          ))}
          {view.plan.length > 1 && view.plan.every((p) => p.unit === view.plan[0]!.unit) ? (
            <tr className="req-total">
              <td colSpan={3}>Total</td>
              <td className="num">{n(total('now'))}</td>
              <td className="num">{n(total('m3'))}</td>
              <td className="num">{n(total('m6'))}</td>
              <td className="num">{n(total('m12'))}</td>
              <td className="num">{n(total('m24'))}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <p className="muted req-caption">
        Used and projected in {view.kind === 'ipv4' ? 'addresses' : 'each pool’s assignment unit'}; projections follow the least-squares trend of the dates
        blocks were assigned over the last two years.
      </p>
    </div>
  );
}

function Section({ s }: { s: DraftSection }) {
  return (
    <>
      {s.text ? <p>{s.text}</p> : null}
      {s.fields && s.fields.length > 0 ? (
        <dl className="req-fields">
          {s.fields.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v === '' ? <span className="req-empty">not set</span> : v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {s.table ? (
        s.table.rows.length === 0 ? (
          <p className="muted">none</p>
        ) : (
          <div className="req-scroll">
            <table className="req-table">
              <thead>
                <tr>
                  {s.table.headers.map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.table.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((c, j) => (
                      <td key={j} className={c === 'FAIL' ? 'req-fail' : undefined}>
                        {c}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      {s.code ? <pre className="req-code">{s.code.trimEnd()}</pre> : null}
    </>
  );
}

export function DraftDocumentView({ view }: { view: DraftView }) {
  const doc = draftDocument(view.draft, view.checks);
  return (
    <article className="req-doc" aria-labelledby="req-doc-title" data-testid="draft">
      <h2 id="req-doc-title">{doc.title}</h2>
      {doc.sections.map((s) => (
        <section key={s.title} className={s.title === 'Policy checks' ? 'print-only' : undefined} data-section={s.title}>
          <h3>{s.title}</h3>
          {s.title === 'Addressing plan' ? <PlanTable view={view} /> : <Section s={s} />}
        </section>
      ))}
    </article>
  );
}
