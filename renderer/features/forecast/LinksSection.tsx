/**
 * Links (issue 12 §9): upstream, transit and satellite links on the Forecasts screen, because a
 * link is a limit like the others: its traffic is fitted and ranked on the same board, and its
 * chart (with its order-by date) is the board's panel. Add, edit and remove links, set the lead
 * time, enter or import 95th-percentile readings. The rules are docs/forecasts.md "Links".
 */
import { useState, type FormEvent } from 'react';
import type { LimitForecast, LinkList, LinkReading, LinkRow } from '../../../shared/contract';
import { DEFAULT_LINK_THRESHOLD_FRAC, formatBps, linkLimitBps, parseBps, statusHeadline } from '../../../shared/forecast';
import { isCalendarDay } from '../../../shared/dates';
import { useChange, useContractQuery } from '../../data/query';
import { Field } from '../../components/Field';
import { DateInput } from '../../components/DateInput';
import { errorsFrom, useWorkspace } from '../../state';

interface Draft {
  name: string;
  capacity: string;
  commit: string;
  thresholdPct: string;
  leadDays: string;
  description: string;
}

const EMPTY: Draft = { name: '', capacity: '', commit: '', thresholdPct: String(DEFAULT_LINK_THRESHOLD_FRAC * 100), leadDays: '', description: '' };

const draftOf = (l: LinkRow): Draft => ({
  name: l.name,
  capacity: formatBps(l.capacityBps),
  commit: l.commitBps === null ? '' : formatBps(l.commitBps),
  thresholdPct: String(Number((l.thresholdFrac * 100).toPrecision(6))),
  leadDays: l.leadDays === null ? '' : String(l.leadDays),
  description: l.description,
});

type Errors = Record<string, string>;

/**
 * The fields of a change the planner touched, as the contract takes them: an untouched field is
 * not sent, so a value saved meanwhile elsewhere stays, and a shown value (capacity as "1 Gbit/s")
 * is never parsed back over the exact stored one.
 */
function touchedFields(was: Draft, d: Draft, v: LinkValue) {
  const t = (k: keyof Draft) => d[k] !== was[k];
  return {
    ...(t('name') ? { newName: v.name } : {}),
    ...(t('capacity') ? { capacityBps: v.capacityBps } : {}),
    ...(t('commit') ? { commitBps: v.commitBps } : {}),
    ...(t('thresholdPct') ? { thresholdFrac: v.thresholdFrac } : {}),
    ...(t('leadDays') ? { leadDays: v.leadDays } : {}),
    ...(t('description') ? { description: v.description } : {}),
  };
}

/** A link as the form reads it. */
interface LinkValue {
  name: string;
  capacityBps: number;
  commitBps: number | null;
  thresholdFrac: number;
  leadDays: number | null;
  description: string;
}

/** The draft as the contract takes it, or the fields that are wrong, in plain words. */
function readDraft(d: Draft): { ok: true; value: LinkValue } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const capacityBps = parseBps(d.capacity);
  if (d.name.trim() === '') errors.name = 'is required';
  if (capacityBps === null || capacityBps <= 0) errors.capacityBps = 'must be a rate such as 10G, 10 Gbit/s or 500 Mbps';
  const commitBps = d.commit.trim() === '' ? null : parseBps(d.commit);
  if (commitBps === null && d.commit.trim() !== '') errors.commitBps = 'must be a rate such as 2G, or empty';
  const pct = Number(d.thresholdPct);
  if (d.thresholdPct.trim() === '' || !Number.isFinite(pct) || pct <= 0 || pct > 100) errors.thresholdFrac = 'must be a percentage above 0 and at most 100';
  const lead = d.leadDays.trim() === '' ? null : Number(d.leadDays);
  if (lead !== null && (!Number.isInteger(lead) || lead < 0 || lead > 3650))
    errors.leadDays = 'must be a whole number of days from 0 to 3650, or empty for the default';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { name: d.name.trim(), capacityBps: capacityBps!, commitBps, thresholdFrac: pct / 100, leadDays: lead, description: d.description },
  };
}

function LinkForm({ editing, leadDays, onDone }: { editing: LinkRow | null; leadDays: number; onDone(name: string | null): void }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const [d, setD] = useState<Draft>(editing ? draftOf(editing) : EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD((x) => ({ ...x, [k]: e.target.value }));
  const capacity = parseBps(d.capacity);
  const pct = Number(d.thresholdPct);
  const preview =
    capacity !== null && capacity > 0 && pct > 0 && pct <= 100
      ? `limit ${formatBps(linkLimitBps({ capacityBps: capacity, thresholdFrac: pct / 100 }))}`
      : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = readDraft(d);
    if (!r.ok) return setErrors(r.errors);
    try {
      const v = r.value;
      const row = editing
        ? await change('links.update', { name: editing.name, ...touchedFields(draftOf(editing), d, v) })
        : await change('links.add', {
            name: v.name,
            capacityBps: v.capacityBps,
            ...(v.commitBps !== null ? { commitBps: v.commitBps } : {}),
            thresholdFrac: v.thresholdFrac,
            ...(v.leadDays !== null ? { leadDays: v.leadDays } : {}),
            description: v.description,
          });
      setErrors({});
      onDone(row.name);
    } catch (err) {
      const f = errorsFrom(err);
      if (f._) notify('error', f._);
      setErrors(f);
    }
  };

  const remove = async () => {
    if (!editing) return;
    try {
      await change('links.remove', { name: editing.name });
      notify('info', `Removed the link ${editing.name} and its readings (Undo brings them back)`);
      onDone(null);
    } catch (err) {
      notify('error', Object.values(errorsFrom(err))[0] ?? 'could not remove the link');
    }
  };

  return (
    <form className="ln-form" onSubmit={submit} aria-label={editing ? `Edit the link ${editing.name}` : 'Add a link'}>
      <Field label="Name" error={errors.name}>
        {(a) => <input {...a} type="text" autoComplete="off" value={d.name} onChange={set('name')} placeholder="Transit A" />}
      </Field>
      <Field label="Capacity" error={errors.capacityBps} hint="e.g. 10G or 500 Mbps">
        {(a) => <input {...a} type="text" autoComplete="off" value={d.capacity} onChange={set('capacity')} placeholder="10G" />}
      </Field>
      <Field label="Commit" error={errors.commitBps} hint="optional">
        {(a) => <input {...a} type="text" autoComplete="off" value={d.commit} onChange={set('commit')} placeholder="2G" />}
      </Field>
      <Field label="Threshold %" error={errors.thresholdFrac} hint={preview}>
        {(a) => <input {...a} type="number" min={1} max={100} step="any" value={d.thresholdPct} onChange={set('thresholdPct')} />}
      </Field>
      <Field label="Lead time, days" error={errors.leadDays} hint={`empty: ${leadDays} (the default)`}>
        {(a) => <input {...a} type="number" min={0} max={3650} step={1} value={d.leadDays} onChange={set('leadDays')} placeholder={String(leadDays)} />}
      </Field>
      <Field label="Description" error={errors.description}>
        {(a) => (
          <input {...a} type="text" autoComplete="off" value={d.description} onChange={set('description')} placeholder="IX port, 95th percentile billed" />
        )}
      </Field>
      <div className="ln-form-actions">
        <button type="submit" className="primary">
          {editing ? 'Save link' : 'Add link'}
        </button>
        <button type="button" onClick={() => onDone(editing?.name ?? null)}>
          Cancel
        </button>
        {editing && (
          <button type="button" className="danger" onClick={() => void remove()}>
            Remove link
          </button>
        )}
      </div>
    </form>
  );
}

function Readings({ link }: { link: LinkRow }) {
  const { notify } = useWorkspace();
  const change = useChange();
  const read = useContractQuery('links.readings', { name: link.name });
  const rows: LinkReading[] | null = read.isError ? [] : (read.data ?? null);
  const [date, setDate] = useState('');
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [importError, setImportError] = useState<string | null>(null);
  const [imported, setImported] = useState<string | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const bps = parseBps(value);
    const errs: Errors = {};
    if (!isCalendarDay(date)) errs.date = 'must be a date as YYYY-MM-DD';
    if (bps === null) errs.p95Bps = 'must be a rate such as 4.2G or 800 Mbps';
    if (Object.keys(errs).length > 0) return setErrors(errs);
    try {
      await change('links.addReading', { name: link.name, date, p95Bps: bps! });
      setErrors({});
      setValue('');
    } catch (err) {
      setErrors(errorsFrom(err));
    }
  };

  const importFile = async (file: File) => {
    setImportError(null);
    setImported(null);
    try {
      const r = await change('links.import', { name: link.name, csv: await file.text() });
      setImported(`${file.name}: ${r.added} reading${r.added === 1 ? '' : 's'} imported${r.replaced ? `, ${r.replaced} replaced` : ''}`);
    } catch (err) {
      setImportError(`${file.name}: ${Object.values(errorsFrom(err))[0] ?? 'could not import'}`);
    }
  };

  const remove = async (r: LinkReading) => {
    try {
      await change('links.removeReading', { name: link.name, date: r.date });
    } catch (err) {
      notify('error', Object.values(errorsFrom(err))[0] ?? 'could not remove the reading');
    }
  };

  const newest = (rows ?? []).slice(-8).reverse();
  return (
    <div className="ln-readings" aria-label={`Readings of ${link.name}`} role="group">
      <h3>95th-percentile readings of {link.name}</h3>
      <form className="ln-reading-form" onSubmit={add}>
        <Field label="Date" error={errors.date}>
          {(a) => <DateInput {...a} value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field label="95th percentile" error={errors.p95Bps} hint="a day's or a month's, e.g. 4.2G">
          {(a) => <input {...a} type="text" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} placeholder="4.2G" />}
        </Field>
        <button type="submit">Add reading</button>
        <label className="ln-file">
          <span>Import a date,value CSV (bit/s)</span>
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label="Import readings"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </label>
      </form>
      {importError && (
        <p className="form-error ln-import-error" role="alert">
          {importError}
        </p>
      )}
      {imported && (
        <p className="muted" role="status">
          {imported}
        </p>
      )}
      {rows !== null && rows.length === 0 && <p className="muted">No readings yet: add one, or import the CSV your traffic graphs export.</p>}
      {newest.length > 0 && (
        <table className="grid ln-reading-table" aria-label={`Newest readings of ${link.name}`}>
          <thead>
            <tr>
              <th>Date</th>
              <th className="num">95th percentile</th>
              <th>
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {newest.map((r) => (
              <tr key={r.date} data-reading={r.date}>
                <td>{r.date}</td>
                <td className="num">{formatBps(r.p95Bps)}</td>
                <td>
                  <button type="button" className="icon-button" aria-label={`Remove the reading of ${r.date}`} onClick={() => void remove(r)}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows !== null && rows.length > newest.length && <p className="muted ln-more">and {rows.length - newest.length} older</p>}
    </div>
  );
}

function LeadTime({ leadDays }: { leadDays: number }) {
  const change = useChange();
  const [text, setText] = useState(String(leadDays));
  const [error, setError] = useState<string | undefined>();
  // A new stored lead time shows in the field (adjusted during render, not after).
  const [shown, setShown] = useState(leadDays);
  if (shown !== leadDays) {
    setShown(leadDays);
    setText(String(leadDays));
  }
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n) || n < 0 || n > 3650) return setError('must be a whole number of days from 0 to 3650');
    try {
      await change('links.setLeadDays', { leadDays: n });
      setError(undefined);
    } catch (err) {
      setError(Object.values(errorsFrom(err))[0]);
    }
  };
  return (
    <form className="ln-lead" onSubmit={save}>
      <Field label="Lead time for links without their own, days" error={error} hint="order the upgrade this long before the limit is reached">
        {(a) => <input {...a} type="number" min={0} max={3650} step={1} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <button type="submit" disabled={text === String(leadDays)}>
        Set
      </button>
    </form>
  );
}

export function LinksSection({ limits, onShow }: { limits: LimitForecast[]; onShow(limitId: string): void }) {
  const read = useContractQuery('links.list', {});
  const list: LinkList | null = read.data ?? null;
  const error = read.error ? (Object.values(errorsFrom(read.error))[0] ?? 'could not load the links') : null;
  const [selected, setSelected] = useState<string | null>(null);
  const [form, setForm] = useState<'add' | 'edit' | null>(null);

  const byId = new Map(limits.filter((l) => l.kind === 'link').map((l) => [l.id, l]));
  const current = list?.links.find((l) => l.name === selected) ?? null;

  return (
    <section className="ln-section" aria-labelledby="links-title" aria-busy={list === null && error === null}>
      <header className="ln-head">
        <h2 id="links-title">Links</h2>
        <span className="muted">
          Upstream, transit and satellite links: each is a limit on the board at its threshold, ordered its lead time before the crossing
        </span>
        {form === null && (
          <button type="button" className="primary" onClick={() => setForm('add')}>
            Add link
          </button>
        )}
      </header>
      {error && <p className="badge warn">{error}</p>}
      {form === 'add' && list && (
        <LinkForm
          editing={null}
          leadDays={list.leadDays}
          onDone={(name) => {
            setForm(null);
            if (name) setSelected(name);
          }}
        />
      )}
      {list && list.links.length === 0 && form === null && (
        <p className="muted">No links yet. Add your upstream and transit links to see when each needs an upgrade.</p>
      )}
      {list && list.links.length > 0 && (
        <table className="grid ln-table" aria-label="Links">
          <thead>
            <tr>
              <th>Link</th>
              <th className="num">Limit</th>
              <th className="num">Commit</th>
              <th className="num">Last 95th percentile</th>
              <th>Reaches the limit</th>
              <th>Order by</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.links.map((l) => {
              const f = byId.get(l.limitId);
              return (
                <tr key={l.id} data-link={l.name} className={l.name === selected ? 'selected' : ''} onClick={() => setSelected(l.name)}>
                  <td>
                    <div className="fc-name">{l.name}</div>
                    {l.description && <div className="muted fc-detail">{l.description}</div>}
                  </td>
                  <td className="num">
                    {formatBps(l.limitBps)}
                    <div className="muted fc-detail">
                      {Math.round(l.thresholdFrac * 100)} % of {formatBps(l.capacityBps)}
                    </div>
                  </td>
                  <td className="num">{l.commitBps === null ? <span className="muted">—</span> : formatBps(l.commitBps)}</td>
                  <td className="num">
                    {l.last ? formatBps(l.last.p95Bps) : <span className="muted">—</span>}
                    {l.last && <div className="muted fc-detail">{l.last.date}</div>}
                  </td>
                  <td className={`ln-when${f ? ` fc-st-${f.status}` : ''}`}>{f ? statusHeadline(f) : '—'}</td>
                  <td className="ln-orderby">
                    {f?.orderBy ?? <span className="muted">—</span>}
                    <div className="muted fc-detail">
                      {l.effectiveLeadDays} days ahead{l.leadDays === null ? '' : ' (its own)'}
                    </div>
                  </td>
                  <td className="ln-actions">
                    <button
                      type="button"
                      onClick={(e) => {
                        e.stopPropagation();
                        setSelected(l.name);
                        onShow(l.limitId);
                      }}
                    >
                      Chart
                    </button>
                    <button
                      type="button"
                      onClick={(e) => {
                        e.stopPropagation();
                        setSelected(l.name);
                        setForm('edit');
                      }}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {form === 'edit' && current && list && (
        <LinkForm
          key={current.id}
          editing={current}
          leadDays={list.leadDays}
          onDone={(name) => {
            setForm(null);
            setSelected(name);
          }}
        />
      )}
      {current && <Readings link={current} />}
      {list && <LeadTime leadDays={list.leadDays} />}
    </section>
  );
}
