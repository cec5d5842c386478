/** Cooling groups: the heat at the peak (UPS heat from its efficiency) against every group, the largest unit failed. */
import { computeSheet } from '../../../../shared/facility/sheet';
import { ComponentEditor } from '../ComponentEditor';
import { loadNow } from '../Gauges';
import { show } from '../units';
import { editorKey, Facts, LiveGauges, PickList, type TabProps } from './common';

export function CoolingTab({ detail, liveDetail, readOnly, picks }: TabProps) {
  const { pick, setPick, chosen } = picks;
  const group = chosen('cool', detail.coolingUnits);
  return (
    <div className="fac-stack">
      <PickList
        label="Cooling groups"
        rows={detail.coolingUnits}
        selected={group?.id ?? pick('cool')}
        readOnly={readOnly}
        onSelect={(v) => setPick('cool', v)}
        columns={[
          ['Group', (r) => r.name],
          ['Units', (r) => String(r.installedUnits)],
          ['Sensible each', (r) => show.w(r.unitTotalW * r.shr)],
        ]}
      />
      <ComponentEditor
        key={editorKey('cool', group ?? 'new')}
        kind="coolingUnit"
        detail={liveDetail}
        record={group}
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
                    ['UPS heat', `${show.w(c.heat.upsHeatW)} ${c.upsHeatFromEfficiency ? '(from its efficiency)' : '(WP-25 rule: no UPS efficiency)'}`],
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
  );
}
