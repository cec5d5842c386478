/**
 * The routing of one aggregate (issue 16): the routes we announce from it (add, remove, undo),
 * the ROAs they need with the reason of each (RFC 9319), the ROA files for the validators and
 * the RIRs, and the check of the routes against a validator's JSON export as a table coloured
 * by RPKI state (RFC 6811). Every rule lives in shared/routing; this view only asks and shows.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { ROA_EXPORT_FORMAT_NAMES, type RoaCheckResult, type RoaExportFormatName, type RoaPlanResult, type RouteRow } from '../../../shared/contract';
import { validateAsn } from '../../../shared/asn/asn';
import { validatePrefix } from '../../../shared/ip/prefix';
import { SubmitForm, TextField, useFormState } from '../../components/SubmitForm';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client } from '../../client';
import { useChange, useContractQuery } from '../../data/query';
import { errorText, useWorkspace } from '../../state';
import { download } from '../requests/download';
import './routing.css';

const EXPORT_LABELS: Record<RoaExportFormatName, string> = {
  slurm: 'SLURM (RFC 8416)',
  csv: 'CSV',
  lacnic: 'LACNIC bulk',
  arin: 'ARIN requests',
  ripe: 'RIPE NCC API',
};

const STATE_LABELS: Record<RoaCheckResult['routes'][number]['state'], string> = {
  valid: 'valid',
  'invalid-asn': 'invalid: origin',
  'invalid-length': 'invalid: too long',
  'not-found': 'not found',
};

function AddRouteForm({ aggregate, disabled }: { aggregate: string; disabled: boolean }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const form = useFormState();
  const base = aggregate.split('/')[0]!;
  const [prefix, setPrefix] = useState(aggregate);
  const [origin, setOrigin] = useState('');
  const [description, setDescription] = useState('');
  const livePrefix = prefix.trim() ? validatePrefix(prefix.trim())[1] : null;
  const liveOrigin = origin.trim() ? validateAsn(origin.trim(), 'origin')[1] : null;

  const submit = async () => {
    const row = await change('routing.addRoute', { prefix: prefix.trim(), origin: origin.trim(), description });
    notify('info', `Added the route ${row.prefix} from AS${row.origin}. Ctrl+Z undoes it.`);
    setPrefix(aggregate);
    setDescription('');
  };

  return (
    <SubmitForm
      form={form}
      label="Add a route"
      className="inline-form routing-form"
      submit="Add route"
      disabled={disabled}
      ready={Boolean(prefix.trim() && origin.trim())}
      onSubmit={submit}
    >
      <TextField
        form={form}
        name="prefix"
        label="Prefix (CIDR)"
        mono
        value={prefix}
        onChange={setPrefix}
        live={livePrefix && prefix.length > base.length + 1 ? livePrefix : null}
        disabled={disabled}
      />
      <TextField
        form={form}
        name="origin"
        label="Origin AS"
        mono
        value={origin}
        placeholder="AS64496"
        onChange={setOrigin}
        live={liveOrigin || null}
        hint="Ours, or a customer's from our ASN blocks"
        disabled={disabled}
      />
      <TextField
        form={form}
        name="description"
        label="Description"
        value={description}
        placeholder="Customer or purpose"
        onChange={setDescription}
        disabled={disabled}
      />
    </SubmitForm>
  );
}

function RoutesTable({ routes, readOnly }: { routes: RouteRow[]; readOnly: boolean }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const remove = async (r: RouteRow) => {
    try {
      await change('routing.removeRoute', { prefix: r.prefix, origin: String(r.origin) });
      notify('info', `Removed the route ${r.prefix} from AS${r.origin}. Ctrl+Z undoes it.`);
    } catch (e) {
      notify('error', errorText(e));
    }
  };
  if (routes.length === 0) return <p className="muted">No route recorded in this aggregate yet.</p>;
  return (
    <RoutingTable
      label="Routes"
      columns={[
        { head: 'Prefix', className: 'mono' },
        { head: 'Origin', className: 'mono' },
        { head: 'Whose' },
        { head: 'Description' },
        { head: <span className="sr-only">Remove</span>, className: 'routing-actions' },
      ]}
      lines={routes.map((r) => ({
        key: String(r.id),
        data: { 'data-route': `${r.prefix} AS${r.origin}` },
        cells: [
          r.prefix,
          `AS${r.origin}`,
          r.originKind === 'ours' ? 'ours' : r.originKind === 'customer' ? 'customer' : <span className="routing-warn">neither ours nor a customer's</span>,
          r.description || <span className="muted">—</span>,
          <button
            type="button"
            className="danger"
            disabled={readOnly}
            onClick={() => void remove(r)}
            aria-label={`Remove the route ${r.prefix} from AS${r.origin}`}
          >
            Remove
          </button>,
        ],
      }))}
    />
  );
}

interface Column {
  head: ReactNode;
  /** The class of the column's cells (mono where each is a value). */
  className?: string;
}

interface Line {
  key: string;
  className?: string | undefined;
  data?: Record<string, string>;
  cells: ReactNode[];
}

/** Every table of the view: the routes, the plan, each route's RPKI state, the VRPs to fix. */
function RoutingTable({ label, columns, lines }: { label: string; columns: Column[]; lines: Line[] }) {
  return (
    <table className="grid routing-table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col">
              {c.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.key} className={l.className} {...l.data}>
            {l.cells.map((cell, i) => (
              <td key={i} className={columns[i]?.className}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The plan and the check: a prefix, an AS, what was found and why. */
const FINDING_COLUMNS = (head: [string, string, string, string]): Column[] => [
  { head: head[0], className: 'mono' },
  { head: head[1], className: 'mono' },
  { head: head[2] },
  { head: head[3], className: 'routing-reason' },
];

function Warnings({ items, label }: { items: string[]; label: string }) {
  if (items.length === 0) return null;
  return (
    <ul className="routing-warnings" aria-label={label}>
      {items.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
}

function PlanSection({ aggregate }: { aggregate: string }) {
  const { notify } = useWorkspace();
  const [as0, setAs0] = useState(false);
  const planned = useContractQuery('routing.planRoas', { as0, within: aggregate });
  const plan: RoaPlanResult | null = planned.data ?? null;
  const error = planned.error ? errorText(planned.error) : null;
  const exportAs = async (format: RoaExportFormatName) => {
    try {
      const r = await client.call('routing.exportRoas', { format, as0 });
      download(r.fileName, r.text, format === 'slurm' || format === 'ripe' ? 'application/json' : format === 'csv' ? 'text/csv' : 'text/plain');
    } catch (e) {
      notify('error', errorText(e));
    }
  };
  return (
    <section aria-labelledby="routing-plan-title" className="routing-section">
      <div className="routing-section-head">
        <h2 id="routing-plan-title">ROA plan</h2>
        <label className="routing-check">
          <input type="checkbox" checked={as0} onChange={(e) => setAs0(e.target.checked)} /> AS0 for space no route covers
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {plan && plan.roas.length === 0 && <p className="muted">Record a route to see the ROAs it needs.</p>}
      {plan && plan.roas.length > 0 && (
        <RoutingTable
          label="Planned ROAs"
          columns={FINDING_COLUMNS(['Prefix', 'Max length', 'AS', 'Why'])}
          lines={plan.roas.map((r) => ({
            key: `${r.prefix}-${r.maxLength}-${r.asn}`,
            className: r.asn === 0 ? 'roa-as0' : undefined,
            cells: [r.prefix, `/${r.maxLength}`, <span className="mono">AS{r.asn}</span>, r.reason],
          }))}
        />
      )}
      {plan && <Warnings items={plan.warnings} label="Plan warnings" />}
      <div className="routing-exports" role="group" aria-label="Download the planned ROAs (all aggregates)">
        <span className="muted">Download the whole plan:</span>
        {ROA_EXPORT_FORMAT_NAMES.map((f) => (
          <button key={f} type="button" onClick={() => void exportAs(f)}>
            {EXPORT_LABELS[f]}
          </button>
        ))}
      </div>
    </section>
  );
}

/** Each file opened gets a number: the check's query is keyed by it, not by the file's (large) text. */
let nextFile = 1;

function CheckSection({ aggregate }: { aggregate: string }) {
  const [text, setText] = useState<{ name: string; body: string; n: number } | null>(null);
  // Keyed like useContractQuery ([channel, input]) so a routing change invalidates it, with the
  // file's number standing in for its text.
  const checked = useQuery({
    queryKey: ['routing.checkRoas', { within: aggregate, file: text?.n ?? 0 }] as const,
    queryFn: ({ signal }) => client.call('routing.checkRoas', { vrps: text!.body, within: aggregate }, { signal }),
    enabled: text !== null,
    placeholderData: keepPreviousData,
  });
  const result: RoaCheckResult | null = checked.isError ? null : (checked.data ?? null);
  const error = checked.error ? checked.error.message : null;
  return (
    <section aria-labelledby="routing-check-title" className="routing-section">
      <div className="routing-section-head">
        <h2 id="routing-check-title">Check against a validator</h2>
        <label className="routing-file">
          <span>VRP file (Routinator or rpki-client JSON)</span>
          <input
            type="file"
            accept=".json,application/json"
            name="vrps"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void f.text().then((body) => setText({ name: f.name, body, n: nextFile++ }));
            }}
          />
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {text?.name}: {error}
        </p>
      )}
      {!text && !error && (
        <p className="muted">
          Export the VRPs with <code>routinator vrps --format json</code> or take rpki-client's <code>json</code> file, and open it here.
        </p>
      )}
      {result && (
        <>
          <p className="muted" data-testid="vrp-counts">
            {text?.name}: {result.total.toLocaleString('en')} VRPs read, {result.considered.toLocaleString('en')} on our space,{' '}
            {result.ignored.toLocaleString('en')} for space that is not ours ignored.
          </p>
          <RoutingTable
            label="RPKI state of each route"
            columns={FINDING_COLUMNS(['Prefix', 'Origin', 'State', 'Why'])}
            lines={result.routes.map((r) => ({
              key: `${r.prefix}-${r.origin}`,
              className: `rpki-${r.state}`,
              data: { 'data-state': r.state },
              cells: [r.prefix, `AS${r.origin}`, <span className={`rpki-chip rpki-chip-${r.state}`}>{STATE_LABELS[r.state]}</span>, r.reason],
            }))}
          />
          {result.vrps.length > 0 && (
            <RoutingTable
              label="VRPs to fix"
              columns={FINDING_COLUMNS(['VRP', 'AS', 'Finding', 'Why'])}
              lines={result.vrps.map((v) => ({
                key: `${v.prefix}-${v.maxLength}-${v.asn}-${v.finding}`,
                data: { 'data-finding': v.finding },
                cells: [`${v.prefix} max /${v.maxLength}`, `AS${v.asn}`, <span className={`rpki-chip rpki-chip-${v.finding}`}>{v.finding}</span>, v.reason],
              }))}
            />
          )}
          <Warnings items={result.warnings} label="IRR and RPKI warnings" />
        </>
      )}
    </section>
  );
}

export function RoutingView({ aggregate, onClose }: { aggregate: string; onClose(): void }) {
  const { state, undo } = useWorkspace();
  const readOnly = state?.readOnly ?? true;
  const listed = useContractQuery('routing.listRoutes', { within: aggregate });
  const routes: RouteRow[] | null = listed.data ?? null;
  const error = listed.error ? errorText(listed.error) : null;
  // Escape goes back to the blocks, unless it is leaving a field being typed in.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key === 'Escape' && !(t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT'))) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="routing-view" aria-labelledby="routing-title" role="region" data-aggregate={aggregate}>
      <header className="routing-head">
        <button type="button" onClick={onClose} title="Back to the blocks (Escape)">
          ← Blocks
        </button>
        <h2 id="routing-title">
          Routing of <span className="mono">{aggregate}</span>
        </h2>
        <button type="button" onClick={() => void undo()} disabled={readOnly} title="Undo the last change (Ctrl+Z)">
          Undo
        </button>
      </header>
      <section aria-labelledby="routing-routes-title" className="routing-section">
        <h2 id="routing-routes-title">Routes we announce</h2>
        <AddRouteForm aggregate={aggregate} disabled={readOnly} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {routes && <RoutesTable routes={routes} readOnly={readOnly} />}
      </section>
      <PlanSection aggregate={aggregate} />
      <CheckSection aggregate={aggregate} />
    </div>
  );
}
