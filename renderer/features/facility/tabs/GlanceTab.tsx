/** At a glance: today's load, every limit as a gauge, the readings and how to record them. */
import { latestReading, type SiteDetail } from '../../../../shared/facility/site-record';
import type { LiveLimits } from '../draft';
import { LimitGauges, loadNow } from '../Gauges';
import { ReadingsChart, RecordReadingForm } from '../Readings';
import { BulkReadingsButton } from '../../readings/BulkReadings';
import { show } from '../units';
import { Facts } from './common';
import { errorLine } from '../../../../shared/errors';

export function GlanceTab({ detail, limits, readOnly }: { detail: SiteDetail; limits: LiveLimits; readOnly: boolean }) {
  return (
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
            The site cannot be computed: {errorLine(limits)}
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
  );
}
