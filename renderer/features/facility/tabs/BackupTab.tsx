/** Backup: the site's link and data settings, and each job against its window. */
import { BACKUP_JOBS, computeBackup, type BackupJob } from '../../../../shared/facility/backup';
import { latestReading } from '../../../../shared/facility/site-record';
import { ComponentEditor, type LiveView } from '../ComponentEditor';
import { show } from '../units';
import { editorKey, Facts, LiveGauges, PickList, type TabProps } from './common';
import { errorLine } from '../../../../shared/errors';

const jobOf = (v: unknown): BackupJob | null => BACKUP_JOBS.find((j) => j === v) ?? null;
const numOf = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** The job being edited, as its draft stands: how long it takes over the link, and whether it fits its window. */
function JobFigures({ view }: { view: LiveView }) {
  const s = view.detail.site;
  const j = view.values;
  const data = latestReading(view.detail.readings, 'dataBytes')?.value ?? 0;
  const job = jobOf(j.job);
  const windowH = numOf(j.windowH);
  const intervalH = numOf(j.intervalH);
  const days = numOf(j.days);
  const overhead = numOf(j.fixedOverheadH);
  const r =
    s.backupLinkBitsPerS !== null && view.valid && job !== null && windowH !== null && intervalH !== null
      ? computeBackup({
          job,
          dataBytes: data,
          dailyChangeFrac: s.dailyChangeFrac ?? 0,
          linkBitsPerS: s.backupLinkBitsPerS,
          ...(s.backupLinkShareFrac !== null ? { linkShareFrac: s.backupLinkShareFrac } : {}),
          windowH,
          backupIntervalH: intervalH,
          ...(days !== null ? { days } : {}),
          ...(overhead !== null ? { fixedOverheadH: overhead } : {}),
          ...(s.compressionRatio !== null ? { compressionRatio: s.compressionRatio } : {}),
          ...(s.dedupRatio !== null ? { dedupRatio: s.dedupRatio } : {}),
        })
      : null;
  return (
    <>
      {r && !r.ok && <p className="fac-over">{errorLine(r.error)}</p>}
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
}

export function BackupTab({ detail, liveDetail, readOnly, picks }: TabProps) {
  const { pick, setPick } = picks;
  const picked = pick('backupJob');
  const record = detail.backupJobs.find((j) => j.id === picked) ?? null;
  return (
    <div className="fac-stack">
      <ComponentEditor
        key={editorKey('bks', detail.site)}
        kind="backupSettings"
        detail={liveDetail}
        record={detail.site}
        readOnly={readOnly}
        title="Backup link and data"
      >
        {(view) => <LiveGauges view={view} keys={['backup', 'restore', 'storage']} />}
      </ComponentEditor>
      <div className="fac-split">
        <PickList
          label="Backup jobs"
          rows={detail.backupJobs}
          selected={picked}
          readOnly={readOnly}
          onSelect={(v) => setPick('backupJob', v)}
          columns={[
            ['Job', (r) => r.name],
            ['Kind', (r) => r.job],
            ['Window', (r) => show.h(r.windowH)],
            ['Every', (r) => show.h(r.intervalH)],
          ]}
        />
        {picked !== null && (
          <ComponentEditor
            key={editorKey('bj', record ?? picked)}
            kind="backupJob"
            detail={liveDetail}
            record={record}
            defaults={{ job: 'incremental', windowH: 8, intervalH: 24 }}
            readOnly={readOnly}
            onSaved={(id) => setPick('backupJob', id)}
            onRemoved={() => setPick('backupJob', null)}
            onCancel={() => setPick('backupJob', null)}
          >
            {(view) => <JobFigures view={view} />}
          </ComponentEditor>
        )}
      </div>
    </div>
  );
}
