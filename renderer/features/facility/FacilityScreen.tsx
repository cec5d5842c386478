/**
 * The Facility screen: one site at a glance (each limit as a gauge), a tab per part of the site
 * whose forms recompute every limit as the planner types, the battery runtime curve, the dated
 * readings, and a printable sizing sheet. Reaches the workspace only through the contract.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { BatteryTableInfo, SiteSummary } from '../../../shared/contract';
import { computeBackup } from '../../../shared/facility/backup';
import { computeLoad } from '../../../shared/facility/load';
import { computeSheet, FACILITY_DEFAULTS } from '../../../shared/facility/sheet';
import { batteryStringInput, latestReading, siteInputFromDetail, type SiteDetail } from '../../../shared/facility/site-record';
import { client } from '../../client';
import { useWorkspace } from '../../state';
import { BatteryCurve } from './BatteryCurve';
import { ChecksPanels } from './ChecksPanels';
import { CircuitsTab } from './CircuitsTab';
import { ComponentEditor, type LiveView } from './ComponentEditor';
import { liveLimits } from './draft';
import { LimitGauges, loadNow, type LoadBasis } from './Gauges';
import { ReadingsChart, RecordReadingForm } from './Readings';
import { BulkReadingsButton } from '../readings/BulkReadings';
import { SizingSheet } from './SizingSheet';
import { show } from './units';
import './facility.css';

const TABS = [
  { id: 'glance', label: 'At a glance' },
  { id: 'equipment', label: 'Equipment' },
  { id: 'circuits', label: 'Circuits' },
  { id: 'power', label: 'UPS and battery' },
  { id: 'generator', label: 'Generator and fuel' },
  { id: 'cooling', label: 'Cooling' },
  { id: 'backup', label: 'Backup' },
  { id: 'site', label: 'Site' },
  { id: 'sheet', label: 'Sizing sheet' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** Live gauges of the limits whose keys start with one of `keys`, from a form's draft. */
function LiveGauges({ view, keys, basis = 'measured' }: { view: LiveView; keys: string[]; basis?: LoadBasis }) {
  if (!view.valid) return <p className="muted">The limits follow once the marked fields are fixed.</p>;
  if (!view.live.ok)
    return (
      <p className="fac-over" role="status">
        {view.live.message}
      </p>
    );
  const limits = { ...view.live.limits, limits: view.live.limits.limits.filter((l) => keys.some((k) => l.key.startsWith(k))) };
  return (
    <>
      {limits.limits.length > 0 ? <LimitGauges limits={limits} detail={view.detail} basis={basis} /> : <p className="muted">No limit from this part yet.</p>}
      {view.live.warnings.map((w) => (
        <p key={w} className="badge warn fac-warning">
          {w}
        </p>
      ))}
    </>
  );
}

/**
 * An editor's key: the row it edits, as stored. The editor starts from the stored row and is
 * started again when that row changes (a save, an undo), so it never keeps showing, and then
 * saving back, what the row held before. Keyed on the workspace's change counter instead, it
 * restarted from the row of the previous load, before the new one had arrived (issue 10).
 */
function editorKey(prefix: string, record: object | number | 'new' | null | undefined): string {
  if (record === null || record === undefined || record === 'new') return `${prefix}-new`;
  if (typeof record === 'number') return `${prefix}-${record}`;
  return `${prefix}-${JSON.stringify(record)}`;
}

function Facts({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="fac-facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd data-fact={k}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A list of rows to pick from with the arrow keys (Enter edits, N adds). */
function PickList<T extends { id: number }>(props: {
  label: string;
  rows: T[];
  selected: number | 'new' | null;
  columns: [string, (row: T) => string][];
  onSelect(id: number | 'new'): void;
  readOnly: boolean;
}) {
  const { label, rows, selected, columns, onSelect, readOnly } = props;
  const index = rows.findIndex((r) => r.id === selected);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, (index < 0 ? -1 : index) + (e.key === 'ArrowDown' ? 1 : -1)));
      if (rows[next]) onSelect(rows[next]!.id);
    } else if ((e.key === 'n' || e.key === 'N') && !readOnly) {
      e.preventDefault();
      onSelect('new');
    }
  };
  return (
    <div className="fac-list">
      <table className="grid" aria-label={label} tabIndex={0} onKeyDown={onKey} aria-activedescendant={index >= 0 ? `fac-row-${rows[index]!.id}` : undefined}>
        <thead>
          <tr>
            {columns.map(([h]) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id}
              id={`fac-row-${r.id}`}
              className={r.id === selected ? 'selected' : ''}
              onClick={() => onSelect(r.id)}
              aria-selected={r.id === selected}
            >
              {columns.map(([h, f]) => (
                <td key={h}>{f(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onSelect('new')} disabled={readOnly} title="Add (N in the list)">
        + Add
      </button>
    </div>
  );
}

function AddSiteForm({ onAdded, readOnly }: { onAdded(id: number): void; readOnly: boolean }) {
  const { refresh, notify } = useWorkspace();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      const s = await client.call('facility.addSite', { name, loadPf: 0.95 });
      notify('info', `Added site “${s.name}”. Ctrl+Z undoes it.`);
      setName('');
      await refresh();
      onAdded(s.id);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form
      className="fac-add-site"
      aria-label="Add a site"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <input
        aria-label="New site name"
        placeholder="New site name"
        value={name}
        disabled={readOnly}
        onChange={(e) => (setName(e.target.value), setError(null))}
      />
      <button type="submit" disabled={readOnly || !name.trim()}>
        Add site
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

export function FacilityScreen() {
  const { state, version, notify } = useWorkspace();
  const readOnly = state?.readOnly ?? true;
  const [sites, setSites] = useState<SiteSummary[] | null>(null);
  const [siteId, setSiteId] = useState<number | null>(null);
  const [detail, setDetail] = useState<SiteDetail | null>(null);
  const [tables, setTables] = useState<BatteryTableInfo[]>([]);
  const [tab, setTab] = useState<TabId>('glance');
  const [picked, setPicked] = useState<Record<string, number | 'new' | null>>({});
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  useEffect(() => {
    if (!state) return;
    void client.call('facility.listSites', {}).then(
      (list) => {
        setSites(list);
        setSiteId((cur) => (cur !== null && list.some((s) => s.id === cur) ? cur : (list[0]?.id ?? null)));
      },
      (e: Error) => notify('error', e.message),
    );
    void client.call('facility.listBatteryTables', {}).then(setTables, () => setTables([]));
  }, [state, version, notify]);

  useEffect(() => {
    if (siteId === null) return setDetail(null);
    // An answer overtaken by a newer request (another change meanwhile) must not land after it.
    let current = true;
    void client.call('facility.getSite', { siteId }).then(
      (d) => current && setDetail(d),
      (e: Error) => current && notify('error', e.message),
    );
    return () => {
      current = false;
    };
  }, [siteId, version, notify]);

  // Bundled tables not yet in the workspace take negative ids in the form; saving names them by key.
  const tableChoices = useMemo(
    () =>
      tables.map((t, i) => ({
        id: t.id ?? -(i + 1),
        label: `${t.model.vendor} ${t.model.model}${t.id === null ? ' (bundled)' : ''}`,
        model: t.model,
        key: t.key,
      })),
    [tables],
  );
  const liveDetail = useMemo(
    () =>
      detail
        ? { ...detail, batteryTables: [...detail.batteryTables, ...tableChoices.filter((t) => t.id < 0).map((t) => ({ id: t.id, model: t.model }))] }
        : null,
    [detail, tableChoices],
  );
  const batteryInput = useCallback(
    (input: Record<string, unknown>) => {
      const id = input.tableId;
      if (typeof id === 'number' && id < 0) {
        const { tableId: _drop, ...rest } = input;
        return { ...rest, tableKey: tableChoices.find((t) => t.id === id)?.key };
      }
      return input;
    },
    [tableChoices],
  );

  const selectTab = (id: TabId) => setTab(id);
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const t = TABS[(next + TABS.length) % TABS.length]!;
    selectTab(t.id);
    tabRefs.current[t.id]?.focus();
  };

  const limits = useMemo(() => (detail ? liveLimits(detail) : null), [detail]);
  const pick = (key: string) => picked[key] ?? null;
  /** The row picked in a list of several; nothing picked: the first (a site with one edits it at once). */
  const chosen = <T extends { id: number }>(key: string, rows: readonly T[]): T | null => {
    const p = pick(key);
    if (p === 'new') return null;
    return rows.find((r) => r.id === p) ?? rows[0] ?? null;
  };
  const sheet = useMemo(() => (detail && limits?.ok ? computeSheet(detail, loadNow(detail, limits.limits).itW) : null), [detail, limits]);
  const setPick = (key: string, v: number | 'new' | null) => setPicked((p) => ({ ...p, [key]: v }));

  if (sites === null)
    return (
      <section className="screen" aria-busy="true">
        <h1>Facility</h1>
      </section>
    );

  return (
    <section className="screen facility" aria-labelledby="facility-title">
      <header className="screen-header no-print">
        <h1 id="facility-title">Facility</h1>
        {sites.length > 0 && (
          <label className="space-picker">
            Site{' '}
            <select aria-label="Site" value={siteId ?? ''} onChange={(e) => setSiteId(Number(e.target.value))}>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <AddSiteForm readOnly={readOnly} onAdded={(id) => (setSiteId(id), selectTab('equipment'))} />
      </header>

      {sites.length === 0 || !detail || !liveDetail || !limits ? (
        <div className="empty-state small">No site yet: name one above to start with its equipment list.</div>
      ) : (
        <>
          <div className="fac-tabs no-print" role="tablist" aria-label="Facility views" onKeyDown={onTabKey}>
            {TABS.map((t) => (
              <button
                key={t.id}
                ref={(el) => {
                  tabRefs.current[t.id] = el;
                }}
                type="button"
                role="tab"
                id={`fac-tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls="fac-panel"
                tabIndex={tab === t.id ? 0 : -1}
                className={tab === t.id ? 'active' : ''}
                onClick={() => selectTab(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div id="fac-panel" role="tabpanel" aria-labelledby={`fac-tab-${tab}`} className="fac-panel" data-view={tab}>
            {tab === 'glance' && (
              <div className="fac-glance">
                <div className="fac-summary">
                  {limits.ok ? (
                    <>
                      <Facts
                        rows={[
                          ['IT load now', `${show.w(loadNow(detail, limits.limits).itW)} (${loadNow(detail, limits.limits).source})`],
                          [
                            'Equipment list',
                            `${show.w(limits.limits.currentItW)} from ${detail.equipment.length} line${detail.equipment.length === 1 ? '' : 's'}`,
                          ],
                          ['Tightest power limit', limits.limits.limits[0] ? `${limits.limits.limits[0].label}` : '—'],
                          ['Protected data', show.bytes(latestReading(detail.readings, 'dataBytes')?.value)],
                        ]}
                      />
                      {limits.limits.limits.length > 0 ? (
                        <LimitGauges limits={limits.limits} detail={detail} />
                      ) : (
                        <p className="empty-state small">
                          No limits yet: add the equipment, then a UPS, a battery string, a generator, cooling units or backup jobs.
                        </p>
                      )}
                    </>
                  ) : (
                    <p className="form-error" role="alert">
                      The site cannot be computed: {limits.message}
                    </p>
                  )}
                </div>
                <div className="fac-side">
                  {limits.ok && <ReadingsChart detail={detail} limits={limits.limits} kind="itW" />}
                  {limits.ok && <ReadingsChart detail={detail} limits={limits.limits} kind="dataBytes" />}
                  <RecordReadingForm siteId={detail.site.id} readOnly={readOnly} />
                  <BulkReadingsButton
                    title={`Readings in bulk — ${detail.site.name}`}
                    disabled={readOnly}
                    choices={[
                      { ref: { kind: 'site', siteId: detail.site.id, reading: 'itW' }, label: 'Measured IT load', unit: 'W' },
                      { ref: { kind: 'site', siteId: detail.site.id, reading: 'dataBytes' }, label: 'Protected data', unit: 'bytes' },
                    ]}
                  />
                </div>
              </div>
            )}

            {tab === 'equipment' && (
              <div className="fac-split">
                <PickList
                  label="Equipment"
                  rows={detail.equipment}
                  selected={pick('equipment')}
                  readOnly={readOnly}
                  onSelect={(v) => setPick('equipment', v)}
                  columns={[
                    ['Item', (r) => r.name],
                    ['Qty', (r) => String(r.qty)],
                    ['Nameplate', (r) => show.w(r.nameplateW)],
                    ['Measured', (r) => (r.measuredW === null ? '—' : show.w(r.measuredW))],
                  ]}
                />
                {pick('equipment') !== null && (
                  <ComponentEditor
                    key={editorKey('eq', detail.equipment.find((e) => e.id === pick('equipment')) ?? pick('equipment'))}
                    kind="equipment"
                    detail={liveDetail}
                    record={(detail.equipment.find((e) => e.id === pick('equipment')) as unknown as Record<string, unknown>) ?? null}
                    defaults={{ qty: 1 }}
                    readOnly={readOnly}
                    onSaved={(id) => setPick('equipment', id)}
                    onRemoved={() => setPick('equipment', null)}
                    onCancel={() => setPick('equipment', null)}
                  >
                    {(view) => {
                      const load = computeLoad(siteInputFromDetail(view.detail).load);
                      return (
                        <>
                          {load.ok ? (
                            <Facts
                              rows={[
                                ['Connected', show.w(load.value.connectedItW)],
                                ['Peak', show.w(load.value.peakItW)],
                                ['Design (+ growth)', `${show.w(load.value.designItW)} / ${show.va(load.value.designVA)}`],
                                ['Three-phase current', load.value.current3phA === null ? '—' : `${show.n(load.value.current3phA, 3)} A`],
                              ]}
                            />
                          ) : null}
                          <LiveGauges view={view} keys={['ups', 'battery', 'generator', 'fuel', 'cooling']} basis="equipment" />
                        </>
                      );
                    }}
                  </ComponentEditor>
                )}
                {pick('equipment') === null && (
                  <p className="muted fac-hint">Pick a line to change it (arrow keys in the list), or press N in the list to add one.</p>
                )}
              </div>
            )}

            {tab === 'circuits' && <CircuitsTab detail={detail} readOnly={readOnly} />}

            {tab === 'power' && (
              <div className="fac-stack">
                <PickList
                  label="UPS systems"
                  rows={detail.ups}
                  selected={chosen('ups', detail.ups)?.id ?? pick('ups')}
                  readOnly={readOnly}
                  onSelect={(v) => setPick('ups', v)}
                  columns={[
                    ['UPS system', (r) => r.name],
                    ['Units', (r) => `${r.units} × ${show.w(r.ratedW)} (${r.redundancy})`],
                    ['Feed', (r) => r.feed ?? '—'],
                    ['Efficiency', (r) => show.pct(r.upsEff, 1)],
                  ]}
                />
                {sheet?.ups && (
                  <p className="muted fac-combined">
                    All UPS systems: {show.w(sheet.ups.combined.usableW)} usable after {sheet.ups.combined.worstFailure}; today’s peak uses{' '}
                    {show.pct(sheet.ups.loadFrac)}.
                  </p>
                )}
                <ComponentEditor
                  key={editorKey('ups', chosen('ups', detail.ups) ?? 'new')}
                  kind="ups"
                  detail={liveDetail}
                  record={(chosen('ups', detail.ups) as unknown as Record<string, unknown>) ?? null}
                  defaults={{ units: 1, redundancy: 'N', upsEff: 0.95, maxLoadFrac: FACILITY_DEFAULTS.maxUpsLoadFrac }}
                  readOnly={readOnly}
                  onSaved={(id) => setPick('ups', id)}
                  onRemoved={() => setPick('ups', null)}
                >
                  {(view) => <LiveGauges view={view} keys={['ups']} />}
                </ComponentEditor>
                <PickList
                  label="Battery strings"
                  rows={detail.batteryStrings}
                  selected={chosen('bat', detail.batteryStrings)?.id ?? pick('bat')}
                  readOnly={readOnly}
                  onSelect={(v) => setPick('bat', v)}
                  columns={[
                    ['Battery string', (r) => r.name],
                    ['Runtime at peak', (r) => show.min(sheet?.batteries.find((b) => b.name === r.name)?.runtimeMin)],
                    ['Required', (r) => show.min(r.requiredMin)],
                    ['Replace by', (r) => sheet?.batteries.find((b) => b.name === r.name)?.replaceBy ?? '—'],
                  ]}
                />
                <ComponentEditor
                  key={editorKey('bat', chosen('bat', detail.batteryStrings) ?? 'new')}
                  kind="batteryString"
                  detail={liveDetail}
                  record={(chosen('bat', detail.batteryStrings) as unknown as Record<string, unknown>) ?? null}
                  defaults={{
                    method: 'table',
                    strings: 1,
                    blockV: 12,
                    cellsPerBlock: 6,
                    inverterEff: 0.94,
                    requiredMin: 15,
                    chargeCurrentA: 10,
                    floatVoltsPerCell: 2.275,
                    chargerEff: 0.95,
                  }}
                  tables={tableChoices}
                  transformInput={batteryInput}
                  readOnly={readOnly}
                  onSaved={(id) => setPick('bat', id)}
                  onRemoved={() => setPick('bat', null)}
                >
                  {(view) => {
                    const d = view.detail;
                    const one = chosen('bat', d.batteryStrings) ?? d.batteryStrings[d.batteryStrings.length - 1];
                    const share = view.live.ok && one ? computeSheet(d, loadNow(d, view.live.limits).itW).batteries.find((b) => b.name === one.name) : null;
                    const input = one ? batteryStringInput(one, d.batteryTables) : null;
                    return (
                      <>
                        {input && share && view.valid ? (
                          <BatteryCurve battery={input} loadW={share.shareW} />
                        ) : (
                          <p className="muted">The curve follows once the string is complete.</p>
                        )}
                        <LiveGauges view={view} keys={['battery', 'generator']} />
                      </>
                    );
                  }}
                </ComponentEditor>
              </div>
            )}

            {tab === 'generator' && (
              <div className="fac-stack">
                <PickList
                  label="Generator sets"
                  rows={detail.generators}
                  selected={chosen('gen', detail.generators)?.id ?? pick('gen')}
                  readOnly={readOnly}
                  onSelect={(v) => setPick('gen', v)}
                  columns={[
                    ['Set', (r) => r.name],
                    ['Rating', (r) => show.w(r.ratingW)],
                    ['Derating', (r) => show.pct(sheet?.generators?.sets.find((x) => x.name === r.name)?.derating?.siteDerateFrac)],
                    ['Derated', (r) => show.w(sheet?.generators?.sets.find((x) => x.name === r.name)?.deratedW)],
                    ['Tank', (r) => sheet?.generators?.sets.find((x) => x.name === r.name)?.tank ?? '—'],
                  ]}
                />
                <ComponentEditor
                  key={editorKey('gen', chosen('gen', detail.generators) ?? 'new')}
                  kind="generator"
                  detail={liveDetail}
                  record={(chosen('gen', detail.generators) as unknown as Record<string, unknown>) ?? null}
                  defaults={{
                    otherRunningW: 0,
                    usableFrac: 0.95,
                    upsGenFactor: FACILITY_DEFAULTS.upsGenFactor,
                    espAvgLoadFrac: FACILITY_DEFAULTS.espAvgLoadFrac,
                  }}
                  readOnly={readOnly}
                  onSaved={(id) => setPick('gen', id)}
                  onRemoved={() => setPick('gen', null)}
                >
                  {(view) => {
                    const d = view.detail;
                    const sh = view.live.ok ? computeSheet(d, loadNow(d, view.live.limits).itW) : null;
                    const g = sh?.generators;
                    const one = chosen('gen', d.generators) ?? d.generators[d.generators.length - 1];
                    const set = g?.sets.find((x) => x.name === one?.name);
                    return (
                      <>
                        {g && (
                          <Facts
                            rows={[
                              ...(set?.derating
                                ? ([
                                    [
                                      `${set.name}: derating`,
                                      `${show.pct(set.derating.siteDerateFrac)} (${set.derating.rule}${set.derating.engineFrac !== null ? `: engine ${show.pct(set.derating.engineFrac)}, alternator ${show.pct(set.derating.alternatorFrac)}` : ''})`,
                                    ],
                                  ] as [string, string][])
                                : []),
                              [
                                `All ${g.sets.length} set${g.sets.length === 1 ? '' : 's'} derated`,
                                `${show.w(g.deratedW)}${g.redundancy === 'N+1' && g.sets.length > 1 ? `; ${show.w(g.deratedAfterWorstFailureW)} with the largest failed` : ''}`,
                              ],
                              ['Sizing load at peak', show.w(g.genSizingW)],
                              ['Average load', `${show.w(g.genAvgW)} (${show.pct(g.loadFrac)} of the rating)`],
                              ['Required', `${show.w(g.requiredW)} — ${g.largeEnough ? 'the sets are large enough' : 'larger sets are needed'}`],
                              ...sh!.tanks.map((t): [string, string] => [
                                `Tank ${t.name}`,
                                t.needs
                                  ? `needs ${t.needs}`
                                  : `${show.n(t.fuelLPerH, 3)} L/h${t.estimated ? ' (estimated)' : ''}, ${show.h(t.autonomyH)} from ${show.l(t.usableL)}${t.meetsNfpaClass === false ? ` — below NFPA 110 class ${t.classH} h (${show.l(t.nfpaStoredL)})` : ''}`,
                              ]),
                            ]}
                          />
                        )}
                        {one?.curve && (
                          <p className="muted">
                            Fuel curve of {one.name}: {one.curve.map((p) => `${show.pct(p.loadFrac, 0)} → ${p.lPerH} L/h`).join(', ')}.
                          </p>
                        )}
                        <LiveGauges view={view} keys={['generator', 'fuel']} />
                      </>
                    );
                  }}
                </ComponentEditor>
              </div>
            )}

            {tab === 'cooling' && (
              <div className="fac-stack">
                <PickList
                  label="Cooling groups"
                  rows={detail.coolingUnits}
                  selected={chosen('cool', detail.coolingUnits)?.id ?? pick('cool')}
                  readOnly={readOnly}
                  onSelect={(v) => setPick('cool', v)}
                  columns={[
                    ['Group', (r) => r.name],
                    ['Units', (r) => String(r.installedUnits)],
                    ['Sensible each', (r) => show.w(r.unitTotalW * r.shr)],
                  ]}
                />
                <ComponentEditor
                  key={editorKey('cool', chosen('cool', detail.coolingUnits) ?? 'new')}
                  kind="coolingUnit"
                  detail={liveDetail}
                  record={(chosen('cool', detail.coolingUnits) as unknown as Record<string, unknown>) ?? null}
                  defaults={{ shr: 0.9, installedUnits: 2 }}
                  readOnly={readOnly}
                  onSaved={(id) => setPick('cool', id)}
                  onRemoved={() => setPick('cool', null)}
                >
                  {(view) => {
                    const d = view.detail;
                    const c = view.live.ok ? computeSheet(d, loadNow(d, view.live.limits).itW).cooling : null;
                    return (
                      <>
                        {c && (
                          <Facts
                            rows={[
                              ['Heat load at peak', show.w(c.heat.heatW)],
                              [
                                'UPS heat',
                                `${show.w(c.heat.upsHeatW)} ${c.upsHeatFromEfficiency ? '(from its efficiency)' : '(WP-25 rule: no UPS efficiency)'}`,
                              ],
                              ['BTU/h', show.n(c.heat.btuPerH, 5)],
                              ['Tons', show.n(c.heat.tons, 3)],
                              ['All groups, sensible', `${show.w(c.totalSensibleW)}; ${show.w(c.afterWorstFailureW)} with the largest unit failed`],
                              ['Units of the largest size needed (N / N+1)', `${c.unitsNeeded} / ${c.unitsNeeded + 1}`],
                            ]}
                          />
                        )}
                        <LiveGauges view={view} keys={['cooling']} />
                      </>
                    );
                  }}
                </ComponentEditor>
              </div>
            )}

            {tab === 'backup' && (
              <div className="fac-stack">
                <ComponentEditor
                  key={editorKey('bks', detail.site)}
                  kind="backupSettings"
                  detail={liveDetail}
                  record={detail.site as unknown as Record<string, unknown>}
                  readOnly={readOnly}
                  title="Backup link and data"
                >
                  {(view) => <LiveGauges view={view} keys={['backup', 'restore', 'storage']} />}
                </ComponentEditor>
                <div className="fac-split">
                  <PickList
                    label="Backup jobs"
                    rows={detail.backupJobs}
                    selected={pick('backupJob')}
                    readOnly={readOnly}
                    onSelect={(v) => setPick('backupJob', v)}
                    columns={[
                      ['Job', (r) => r.name],
                      ['Kind', (r) => r.job],
                      ['Window', (r) => show.h(r.windowH)],
                      ['Every', (r) => show.h(r.intervalH)],
                    ]}
                  />
                  {pick('backupJob') !== null && (
                    <ComponentEditor
                      key={editorKey('bj', detail.backupJobs.find((j) => j.id === pick('backupJob')) ?? pick('backupJob'))}
                      kind="backupJob"
                      detail={liveDetail}
                      record={(detail.backupJobs.find((j) => j.id === pick('backupJob')) as unknown as Record<string, unknown>) ?? null}
                      defaults={{ job: 'incremental', windowH: 8, intervalH: 24 }}
                      readOnly={readOnly}
                      onSaved={(id) => setPick('backupJob', id)}
                      onRemoved={() => setPick('backupJob', null)}
                      onCancel={() => setPick('backupJob', null)}
                    >
                      {(view) => {
                        const s = view.detail.site;
                        const j = view.values;
                        const data = latestReading(view.detail.readings, 'dataBytes')?.value ?? 0;
                        const r =
                          s.backupLinkBitsPerS !== null && view.valid
                            ? computeBackup({
                                job: j.job as 'full',
                                dataBytes: data,
                                dailyChangeFrac: s.dailyChangeFrac ?? 0,
                                linkBitsPerS: s.backupLinkBitsPerS,
                                ...(s.backupLinkShareFrac !== null ? { linkShareFrac: s.backupLinkShareFrac } : {}),
                                windowH: j.windowH as number,
                                backupIntervalH: j.intervalH as number,
                                ...(typeof j.days === 'number' ? { days: j.days } : {}),
                                ...(typeof j.fixedOverheadH === 'number' ? { fixedOverheadH: j.fixedOverheadH } : {}),
                                ...(s.compressionRatio !== null ? { compressionRatio: s.compressionRatio } : {}),
                                ...(s.dedupRatio !== null ? { dedupRatio: s.dedupRatio } : {}),
                              })
                            : null;
                        return (
                          <>
                            {r && !r.ok && <p className="fac-over">{r.error.message}</p>}
                            {r?.ok && (
                              <Facts
                                rows={[
                                  ['Copies', show.bytes(r.value.bytes)],
                                  ['Throughput', `${show.bytesPerS(r.value.effBytesPerS)} of ${show.bitsPerS(s.backupLinkBitsPerS)}`],
                                  ['Takes', show.h(r.value.durationH)],
                                  ['Window', r.value.fitsWindow ? 'fits' : 'misses'],
                                ]}
                              />
                            )}
                            <LiveGauges view={view} keys={['backup-window']} />
                          </>
                        );
                      }}
                    </ComponentEditor>
                  )}
                </div>
              </div>
            )}

            {tab === 'site' && (
              <ComponentEditor
                key={editorKey('site', detail.site)}
                kind="site"
                detail={liveDetail}
                record={detail.site as unknown as Record<string, unknown>}
                readOnly={readOnly}
                onRemoved={() => selectTab('glance')}
              >
                {(view) => <LiveGauges view={view} keys={['']} />}
              </ComponentEditor>
            )}

            {tab === 'sheet' &&
              (limits.ok ? (
                <SizingSheet detail={detail} limits={limits.limits} workspace={state?.name ?? ''} />
              ) : (
                <p className="form-error">The site cannot be computed: {limits.message}</p>
              ))}
            <ChecksPanels tab={tab} detail={detail} />
          </div>
        </>
      )}
    </section>
  );
}
