/** The equipment list: pick a line to change it; the load and every power limit follow the draft. */
import { computeLoad } from '../../../../shared/facility/load';
import { siteInputFromDetail } from '../../../../shared/facility/site-record';
import { ComponentEditor } from '../ComponentEditor';
import { show } from '../units';
import { editorKey, Facts, LiveGauges, PickList, type TabProps } from './common';

export function EquipmentTab({ detail, liveDetail, readOnly, picks }: TabProps) {
  const { pick, setPick } = picks;
  const picked = pick('equipment');
  const record = detail.equipment.find((e) => e.id === picked) ?? null;
  return (
    <div className="fac-split">
      <PickList
        label="Equipment"
        rows={detail.equipment}
        selected={picked}
        readOnly={readOnly}
        onSelect={(v) => setPick('equipment', v)}
        columns={[
          ['Item', (r) => r.name],
          ['Qty', (r) => String(r.qty)],
          ['Nameplate', (r) => show.w(r.nameplateW)],
          ['Measured', (r) => (r.measuredW === null ? '—' : show.w(r.measuredW))],
        ]}
      />
      {picked !== null && (
        <ComponentEditor
          key={editorKey('eq', record ?? picked)}
          kind="equipment"
          detail={liveDetail}
          record={record}
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
      {picked === null && <p className="muted fac-hint">Pick a line to change it (arrow keys in the list), or press N in the list to add one.</p>}
    </div>
  );
}
