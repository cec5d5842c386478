/**
 * The Facility screen: one site at a glance (each limit as a gauge), a tab per part of the site
 * whose forms recompute every limit as the planner types, the battery runtime curve, the dated
 * readings, and a printable sizing sheet. Reaches the workspace only through the contract.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { BatteryTableInfo, SiteSummary } from '../../../shared/contract';
import { computeBackup } from '../../../shared/facility/backup';
import { computeCooling } from '../../../shared/facility/cooling';
import { computeFuel } from '../../../shared/facility/fuel';
import { computeLoad } from '../../../shared/facility/load';
import { latestReading, siteInputFromDetail, type SiteDetail } from '../../../shared/facility/site-record';
import { client } from '../../client';
import { useWorkspace } from '../../state';
import { BatteryCurve } from './BatteryCurve';
import { ComponentEditor, type LiveView } from './ComponentEditor';
import { liveLimits } from './draft';
import { LimitGauges, loadNow, type LoadBasis } from './Gauges';
import { ReadingsChart, RecordReadingForm } from './Readings';
import { BulkReadingsButton } from '../readings/BulkReadings';
import { computeGenerator, SizingSheet } from './SizingSheet';
import { show } from './units';
import './facility.css';

const TABS = [
  { id: 'glance', label: 'At a glance' },
  { id: 'equipment', label: 'Equipment' },
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
  if (!view.live.ok) return <p className="fac-over" role="status">{view.live.message}</p>;
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
            <tr key={r.id} id={`fac-row-${r.id}`} className={r.id === selected ? 'selected' : ''} onClick={() => onSelect(r.id)} aria-selected={r.id === selected}>
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
      <input aria-label="New site name" placeholder="New site name" value={name} disabled={readOnly} onChange={(e) => (setName(e.target.value), setError(null))} />
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
    () => tables.map((t, i) => ({ id: t.id ?? -(i + 1), label: `${t.model.vendor} ${t.model.model}${t.id === null ? ' (bundled)' : ''}`, model: t.model, key: t.key })),
    [tables],
  );
  const liveDetail = useMemo(
    () => (detail ? { ...detail, batteryTables: [...detail.batteryTables, ...tableChoices.filter((t) => t.id < 0).map((t) => ({ id: t.id, model: t.model }))] } : null),
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
  const setPick = (key: string, v: number | 'new' | null) => setPicked((p) => ({ ...p, [key]: v }));

  if (sites === null) return <section className="screen" aria-busy="true"><h1>Facility</h1></section>;

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
                          ['Equipment list', `${show.w(limits.limits.currentItW)} from ${detail.equipment.length} line${detail.equipment.length === 1 ? '' : 's'}`],
                          ['Tightest power limit', limits.limits.limits[0] ? `${limits.limits.limits[0].label}` : '—'],
                          ['Protected data', show.bytes(latestReading(detail.readings, 'dataBytes')?.value)],
                        ]}
                      />
                      {limits.limits.limits.length > 0 ? (
                        <LimitGauges limits={limits.limits} detail={detail} />
                      ) : (
                        <p className="empty-state small">No limits yet: add the equipment, then a UPS, a battery string, a generator, cooling units or backup jobs.</p>
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
                {pick('equipment') === null && <p className="muted fac-hint">Pick a line to change it (arrow keys in the list), or press N in the list to add one.</p>}
              </div>
            )}

            {tab === 'power' && (
              <div className="fac-stack">
                <ComponentEditor
                  key={editorKey('ups', detail.ups[0])}
                  kind="ups"
                  detail={liveDetail}
                  record={(detail.ups[0] as unknown as Record<string, unknown>) ?? null}
                  defaults={{ units: 1, redundancy: 'N', upsEff: 0.95, maxLoadFrac: 0.8 }}
                  readOnly={readOnly}
                >
                  {(view) => <LiveGauges view={view} keys={['ups']} />}
                </ComponentEditor>
                <ComponentEditor
                  key={editorKey('bat', detail.batteryStrings[0])}
                  kind="batteryString"
                  detail={liveDetail}
                  record={(detail.batteryStrings[0] as unknown as Record<string, unknown>) ?? null}
                  defaults={{ method: 'table', strings: 1, blockV: 12, cellsPerBlock: 6, inverterEff: 0.94, requiredMin: 15, chargeCurrentA: 10, floatVoltsPerCell: 2.275, chargerEff: 0.95 }}
                  tables={tableChoices}
                  transformInput={batteryInput}
                  readOnly={readOnly}
                >
                  {(view) => {
                    const input = siteInputFromDetail(view.detail);
                    const now = view.live.ok ? loadNow(view.detail, view.live.limits).itW * (view.detail.site.peakFactor ?? 1.05) : 0;
                    return (
                      <>
                        {input.battery && view.valid ? <BatteryCurve battery={input.battery} loadW={now} /> : <p className="muted">The curve follows once the string is complete.</p>}
                        <LiveGauges view={view} keys={['battery', 'generator']} />
                      </>
                    );
                  }}
                </ComponentEditor>
              </div>
            )}

            {tab === 'generator' && (
              <ComponentEditor
                key={editorKey('gen', detail.generators[0])}
                kind="generator"
                detail={liveDetail}
                record={(detail.generators[0] as unknown as Record<string, unknown>) ?? null}
                defaults={{ otherRunningW: 0, usableFrac: 0.95, upsGenFactor: 1.5, espAvgLoadFrac: 0.7 }}
                readOnly={readOnly}
              >
                {(view) => {
                  const d = view.detail;
                  const g = d.ups[0] && d.batteryStrings[0] && d.generators[0] && view.live.ok ? computeGenerator(d, loadNow(d, view.live.limits).itW) : null;
                  const gen = d.generators[0];
                  const fuel =
                    g?.ok && gen && gen.tankL !== null
                      ? computeFuel({
                          ratingW: gen.ratingW,
                          genAvgW: g.value.genAvgW,
                          tankL: gen.tankL,
                          usableFrac: gen.usableFrac ?? 1,
                          ...(gen.curve ? { curve: gen.curve } : {}),
                          ...(gen.reserveL !== null ? { reserveL: gen.reserveL } : {}),
                          ...(gen.classH !== null ? { classH: gen.classH } : {}),
                        })
                      : null;
                  return (
                    <>
                      {g?.ok && (
                        <Facts
                          rows={[
                            ['Site derating', show.pct(g.value.siteDerateFrac)],
                            ['Sizing load', show.w(g.value.genSizingW)],
                            ['Average load', show.w(g.value.genAvgW)],
                            ['Required rating', show.w(g.value.requiredRatingW)],
                            ['Load on the set', show.pct(g.value.genLoadFrac)],
                            ...(fuel?.ok
                              ? ([
                                  ['Fuel burn', `${show.n(fuel.value.fuelLPerH, 3)} L/h${fuel.value.estimated ? ' (estimated)' : ''}`],
                                  ['Tank autonomy', show.h(fuel.value.autonomyH)],
                                  ['NFPA 110 storage', fuel.value.nfpaStoredL === null ? '—' : show.l(fuel.value.nfpaStoredL)],
                                ] as [string, string][])
                              : []),
                          ]}
                        />
                      )}
                      {fuel && !fuel.ok && <p className="fac-over">{fuel.error.message}</p>}
                      {d.generators[0]?.curve && <p className="muted">Fuel curve from the datasheet: {d.generators[0].curve.map((p) => `${show.pct(p.loadFrac, 0)} → ${p.lPerH} L/h`).join(', ')}.</p>}
                      <LiveGauges view={view} keys={['generator', 'fuel']} />
                    </>
                  );
                }}
              </ComponentEditor>
            )}

            {tab === 'cooling' && (
              <ComponentEditor
                key={editorKey('cool', detail.coolingUnits[0])}
                kind="coolingUnit"
                detail={liveDetail}
                record={(detail.coolingUnits[0] as unknown as Record<string, unknown>) ?? null}
                defaults={{ shr: 0.9, installedUnits: 2 }}
                readOnly={readOnly}
              >
                {(view) => {
                  const d = view.detail;
                  const c = d.coolingUnits[0];
                  const ups = d.ups[0];
                  const peak = view.live.ok ? loadNow(d, view.live.limits).itW * (d.site.peakFactor ?? 1.05) : 0;
                  const r = c
                    ? computeCooling({ itLoadW: peak, upsRatingW: ups ? ups.units * ups.ratedW : 0, areaM2: d.site.areaM2, maxPeople: d.site.maxPeople, unitTotalW: c.unitTotalW, shr: c.shr, spareUnits: 1 })
                    : null;
                  return (
                    <>
                      {r?.ok && (
                        <Facts
                          rows={[
                            ['Heat load at peak', show.w(r.value.heatW)],
                            ['BTU/h', show.n(r.value.heatBtuPerH, 5)],
                            ['Tons', show.n(r.value.heatTons, 3)],
                            ['Units needed (N / N+1)', `${r.value.nUnits} / ${r.value.installed}`],
                          ]}
                        />
                      )}
                      <LiveGauges view={view} keys={['cooling']} />
                    </>
                  );
                }}
              </ComponentEditor>
            )}

            {tab === 'backup' && (
              <div className="fac-stack">
                <ComponentEditor key={editorKey('bks', detail.site)} kind="backupSettings" detail={liveDetail} record={detail.site as unknown as Record<string, unknown>} readOnly={readOnly} title="Backup link and data">
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
          </div>
        </>
      )}
    </section>
  );
}
