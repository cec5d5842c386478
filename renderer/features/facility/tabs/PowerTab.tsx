/** UPS systems and battery strings: each list, its editor, the runtime curve and the limits they set. */
import { computeSheet, FACILITY_DEFAULTS, type SiteSheet } from '../../../../shared/facility/sheet';
import { batteryStringInput } from '../../../../shared/facility/site-record';
import { BatteryCurve } from '../BatteryCurve';
import { ComponentEditor } from '../ComponentEditor';
import { loadNow } from '../Gauges';
import type { TableChoice } from '../QuantityField';
import { show } from '../units';
import { editorKey, LiveGauges, PickList, type TabProps } from './common';

interface PowerTabProps extends TabProps {
  sheet: SiteSheet | null;
  tables: TableChoice[];
  /** A bundled table (negative id in the form) is saved by its key. */
  batteryInput(input: Record<string, unknown>): Record<string, unknown>;
}

export function PowerTab({ detail, liveDetail, readOnly, picks, sheet, tables, batteryInput }: PowerTabProps) {
  const { pick, setPick, chosen } = picks;
  const ups = chosen('ups', detail.ups);
  const bat = chosen('bat', detail.batteryStrings);
  return (
    <div className="fac-stack">
      <PickList
        label="UPS systems"
        rows={detail.ups}
        selected={ups?.id ?? pick('ups')}
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
          All UPS systems: {show.w(sheet.ups.combined.usableW)} usable after {sheet.ups.combined.worstFailure}; today’s peak uses {show.pct(sheet.ups.loadFrac)}
          .
        </p>
      )}
      <ComponentEditor
        key={editorKey('ups', ups ?? 'new')}
        kind="ups"
        detail={liveDetail}
        record={ups}
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
        selected={bat?.id ?? pick('bat')}
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
        key={editorKey('bat', bat ?? 'new')}
        kind="batteryString"
        detail={liveDetail}
        record={bat}
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
        tables={tables}
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
  );
}
