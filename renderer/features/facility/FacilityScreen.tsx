/**
 * The Facility screen: one site at a glance (each limit as a gauge), a tab per part of the site
 * whose forms recompute every limit as the planner types, the battery runtime curve, the dated
 * readings, and a printable sizing sheet. Reaches the workspace only through the contract. Each
 * tab is its own file under tabs/; this file holds the site picked, the rows picked in each list
 * and the tab bar.
 */
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { computeSheet } from '../../../shared/facility/sheet';
import { useContractQuery } from '../../data/query';
import { useReadFailure, useWorkspace } from '../../state';
import { AddSiteForm } from './AddSiteForm';
import { ChecksPanels } from './ChecksPanels';
import { CircuitsTab } from './CircuitsTab';
import { liveLimits } from './draft';
import { loadNow } from './Gauges';
import { SizingSheet } from './SizingSheet';
import { BackupTab } from './tabs/BackupTab';
import type { Pick, Picks, TabProps } from './tabs/common';
import { CoolingTab } from './tabs/CoolingTab';
import { EquipmentTab } from './tabs/EquipmentTab';
import { GeneratorTab } from './tabs/GeneratorTab';
import { GlanceTab } from './tabs/GlanceTab';
import { PowerTab } from './tabs/PowerTab';
import { SiteTab } from './tabs/SiteTab';
import './facility.css';
import { errorLine } from '../../../shared/errors';

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

export function FacilityScreen() {
  const { state } = useWorkspace();
  const readOnly = state?.readOnly ?? true;
  const listed = useContractQuery('facility.listSites', {}, { enabled: Boolean(state) });
  useReadFailure(listed.error);
  const sites = listed.data ?? null;
  const [wanted, setSiteId] = useState<number | null>(null);
  // The site picked while it is listed, else the first (a removed or undone site is not shown).
  const siteId = sites === null ? null : wanted !== null && sites.some((s) => s.id === wanted) ? wanted : (sites[0]?.id ?? null);
  const fetched = useContractQuery('facility.getSite', { siteId: siteId ?? 0 }, { enabled: siteId !== null });
  useReadFailure(fetched.error);
  // No site picked, no detail (the last site's answer is not shown for none).
  const detail = siteId === null ? null : (fetched.data ?? null);
  const tablesRead = useContractQuery('facility.listBatteryTables', {}, { enabled: Boolean(state) });
  const tables = useMemo(() => tablesRead.data ?? [], [tablesRead.data]);
  const [tab, setTab] = useState<TabId>('glance');
  const [picked, setPicked] = useState<Record<string, Pick>>({});
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

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
  const sheet = useMemo(() => (detail && limits?.ok ? computeSheet(detail, loadNow(detail, limits.limits).itW) : null), [detail, limits]);
  const picks: Picks = {
    pick: (key) => picked[key] ?? null,
    setPick: (key, v) => setPicked((p) => ({ ...p, [key]: v })),
    chosen: (key, rows) => {
      const p = picked[key] ?? null;
      if (p === 'new') return null;
      return rows.find((r) => r.id === p) ?? rows[0] ?? null;
    },
  };
  const tabProps: TabProps | null = detail && liveDetail ? { detail, liveDetail, readOnly, picks } : null;

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

      {sites.length === 0 || !detail || !liveDetail || !limits || !tabProps ? (
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
            {tab === 'glance' && <GlanceTab detail={detail} limits={limits} readOnly={readOnly} />}
            {tab === 'equipment' && <EquipmentTab {...tabProps} />}
            {tab === 'circuits' && <CircuitsTab detail={detail} readOnly={readOnly} />}
            {tab === 'power' && <PowerTab {...tabProps} sheet={sheet} tables={tableChoices} batteryInput={batteryInput} />}
            {tab === 'generator' && <GeneratorTab {...tabProps} sheet={sheet} />}
            {tab === 'cooling' && <CoolingTab {...tabProps} />}
            {tab === 'backup' && <BackupTab {...tabProps} />}
            {tab === 'site' && <SiteTab detail={detail} liveDetail={liveDetail} readOnly={readOnly} onRemoved={() => selectTab('glance')} />}
            {tab === 'sheet' &&
              (limits.ok ? (
                <SizingSheet detail={detail} limits={limits.limits} workspace={state?.name ?? ''} />
              ) : (
                <p className="form-error">The site cannot be computed: {errorLine(limits)}</p>
              ))}
            <ChecksPanels tab={tab} detail={detail} />
          </div>
        </>
      )}
    </section>
  );
}
