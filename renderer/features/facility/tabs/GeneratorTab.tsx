/** Generator sets and their fuel: each set's derating, the sizing and average loads, each tank's autonomy. */
import { computeSheet, FACILITY_DEFAULTS, type SiteSheet } from '../../../../shared/facility/sheet';
import { ComponentEditor } from '../ComponentEditor';
import { loadNow } from '../Gauges';
import { show } from '../units';
import { editorKey, Facts, LiveGauges, PickList, type TabProps } from './common';

export function GeneratorTab({ detail, liveDetail, readOnly, picks, sheet }: TabProps & { sheet: SiteSheet | null }) {
  const { pick, setPick, chosen } = picks;
  const gen = chosen('gen', detail.generators);
  const setOf = (name: string) => sheet?.generators?.sets.find((x) => x.name === name);
  return (
    <div className="fac-stack">
      <PickList
        label="Generator sets"
        rows={detail.generators}
        selected={gen?.id ?? pick('gen')}
        readOnly={readOnly}
        onSelect={(v) => setPick('gen', v)}
        columns={[
          ['Set', (r) => r.name],
          ['Rating', (r) => show.w(r.ratingW)],
          ['Derating', (r) => show.pct(setOf(r.name)?.derating?.siteDerateFrac)],
          ['Derated', (r) => show.w(setOf(r.name)?.deratedW)],
          ['Tank', (r) => setOf(r.name)?.tank ?? '—'],
        ]}
      />
      <ComponentEditor
        key={editorKey('gen', gen ?? 'new')}
        kind="generator"
        detail={liveDetail}
        record={gen}
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
              {sh && g && (
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
                    ...sh.tanks.map((t): [string, string] => [
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
  );
}
