/**
 * Import blocks into the Registry while the app holds the workspace (issue 14 §2): Headroom's CSV,
 * NetBox's prefix CSV, or an RIR's delegated stats file with its holder and country filter, as
 * `headroom import` takes them. The file is read with a progress bar, then checked by a dry run
 * that lists what would be added and every bad row as `line N: field: problem`; only then can it
 * be imported, all or nothing, as one change that Undo takes back. The check and the import run
 * on the server as jobs (registry.importStart) whose progress the bar shows; Cancel stops at any
 * point before the write, on the server too; nothing is written until the planner says Import.
 */
import { useRef, useState } from 'react';
import type { ImportFormat, ImportJob, ImportResult } from '../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { useQueryClient } from '@tanstack/react-query';
import { client, ClientError } from '../../client';
import { invalidateAfter } from '../../data/query';
import { errorsFrom, errorText, useWorkspace } from '../../state';

const FORMATS: [ImportFormat, string, string][] = [
  ['csv', 'Headroom CSV', 'prefix,status,description,space,date, with a header'],
  ['netbox', 'NetBox prefixes (CSV)', 'NetBox’s prefix export: prefix,status,vrf,description'],
  ['delegated', 'RIR delegated stats', 'An RIR’s delegated(-extended) file: its allocated and assigned blocks become aggregates'],
];

/** Read in slices, so a big file shows its progress and can be cancelled while it is read. */
const SLICE = 4 * 1024 * 1024;

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; done: number; total: number }
  | { kind: 'checking'; job: ImportJob | null }
  | { kind: 'checked'; result: ImportResult }
  | { kind: 'refused'; lines: string[]; summary: string }
  | { kind: 'importing'; job: ImportJob | null };

/** A job the planner cancelled: the server stopped it before writing anything. */
class Cancelled extends Error {}

/** How often the dialog asks the server how far its import job has come. */
const POLL_MS = 150;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const FIELD_LABEL: Record<string, string> = {
  'opaque-id': 'Holder',
  opaqueId: 'Holder',
  cc: 'Country',
  space: 'Address space',
  format: 'Format',
  text: 'File',
};

export function ImportDialog({ space, onClose }: { space: string; onClose(): void }) {
  const { notify } = useWorkspace();
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [holder, setHolder] = useState('');
  const [cc, setCc] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const run = useRef(0);

  const input = (dryRun: boolean) => ({
    format,
    text: text ?? '',
    dryRun,
    space,
    ...(format === 'delegated' && holder.trim() ? { opaqueId: holder.trim() } : {}),
    ...(format === 'delegated' && cc.trim() ? { cc: cc.trim().toUpperCase() } : {}),
  });

  const reset = () => {
    run.current++;
    setText(null);
    setPhase({ kind: 'idle' });
    setError(null);
  };

  /** Reads the file slice by slice (progress, Cancel), then runs the dry run. */
  const check = async () => {
    if (!file) {
      setError('File: choose the file to import');
      return;
    }
    const n = ++run.current;
    setError(null);
    let body = text;
    if (body === null) {
      const decoder = new TextDecoder('utf-8');
      const parts: string[] = [];
      for (let at = 0; at < file.size; at += SLICE) {
        setPhase({ kind: 'reading', done: at, total: file.size });
        const buf = await file.slice(at, at + SLICE).arrayBuffer();
        if (n !== run.current) return;
        parts.push(decoder.decode(buf, { stream: true }));
      }
      parts.push(decoder.decode());
      body = parts.join('');
      setText(body);
    }
    setPhase({ kind: 'checking', job: null });
    try {
      const r = await runJob({ ...input(true), text: body }, n, 'checking');
      if (n === run.current) setPhase({ kind: 'checked', result: r });
    } catch (e) {
      if (n !== run.current || e instanceof Cancelled) return;
      const [field, message] = Object.entries(errorsFrom(e))[0] ?? ['_', String(e)];
      const lines = message.split('\n');
      if (/^line \d+: /.test(lines[1] ?? '') || /not imported/.test(lines[0] ?? '')) setPhase({ kind: 'refused', summary: lines[0]!, lines: lines.slice(1) });
      else {
        setPhase({ kind: 'idle' });
        setError(FIELD_LABEL[field] ? `${FIELD_LABEL[field]}: ${message}` : message);
      }
    }
  };

  /**
   * Runs the import as a server job (registry.importStart), showing the server's own progress
   * until it ends; when the planner cancels (run.current moves on), the job is cancelled on the
   * server, which then writes nothing.
   */
  const runJob = async (body: ReturnType<typeof input>, n: number, kind: 'checking' | 'importing'): Promise<ImportResult> => {
    let job = await client.call('registry.importStart', body);
    while (job.state === 'running') {
      if (n !== run.current) {
        await client.call('registry.importCancel', { jobId: job.jobId }).catch(() => undefined);
        throw new Cancelled();
      }
      setPhase({ kind, job });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = await client.call('registry.importJob', { jobId: job.jobId });
    }
    if (job.state === 'done' && job.result) return job.result;
    if (job.state === 'cancelled') throw new Cancelled();
    throw new ClientError(job.error ?? { code: 'internal', message: 'the import stopped without saying why' });
  };

  const commit = async () => {
    const n = ++run.current;
    setPhase({ kind: 'importing', job: null });
    try {
      const r = await runJob(input(false), n, 'importing');
      // The job wrote through the server, not through a change of this window: the blocks and
      // everything that reads them are asked again.
      await invalidateAfter(queryClient, 'registry.import');
      notify('info', `Imported ${r.added.toLocaleString('en')} block${r.added === 1 ? '' : 's'} (Undo takes them all back)`);
      onClose();
    } catch (e) {
      if (e instanceof Cancelled) {
        notify('info', 'Import cancelled: nothing was written');
        return;
      }
      if (n !== run.current) return;
      setPhase({ kind: 'idle' });
      setError(errorText(e));
    }
  };

  const busy = phase.kind === 'reading' || phase.kind === 'checking' || phase.kind === 'importing';
  // The server's job can be stopped until it writes (its reading phase); the file's reading at any time.
  const cancellable = phase.kind === 'reading' || ((phase.kind === 'checking' || phase.kind === 'importing') && phase.job?.phase !== 'checking');
  const cancel = () => {
    // The server's job is told at once (the polling loop also tells it when it next wakes).
    if ((phase.kind === 'checking' || phase.kind === 'importing') && phase.job?.state === 'running') {
      void client.call('registry.importCancel', { jobId: phase.job.jobId }).catch(() => undefined);
    }
    if (phase.kind === 'reading' || phase.kind === 'checking') reset();
    else if (phase.kind === 'importing') {
      run.current++;
      setPhase({ kind: 'idle' });
      setText(null);
    } else onClose();
  };
  const job = phase.kind === 'checking' || phase.kind === 'importing' ? phase.job : null;
  const progress =
    phase.kind === 'reading' ? phase.done / Math.max(1, phase.total) : job && job.phase === 'reading' ? job.doneChars / Math.max(1, job.totalChars) : null;

  return (
    <Dialog title="Import blocks" onClose={() => (phase.kind === 'importing' && !cancellable ? undefined : onClose())}>
      <div className="import-dialog">
        <div className="import-fields">
          <label className="field">
            <span>Format</span>
            <select
              aria-label="Format"
              value={format}
              disabled={busy}
              onChange={(e) => {
                setFormat(e.target.value as ImportFormat);
                setPhase({ kind: 'idle' });
              }}
            >
              {FORMATS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
            <span className="field-hint">{FORMATS.find((f) => f[0] === format)![2]}</span>
          </label>
          <label className="field">
            <span>File</span>
            <input
              type="file"
              aria-label="File"
              disabled={busy}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
            />
            <span className="field-hint">Into the address space “{space}” unless a row names its own.</span>
          </label>
          {format === 'delegated' && (
            <>
              <label className="field">
                <span>Holder (opaque ID)</span>
                <input
                  className="mono"
                  aria-label="Holder"
                  value={holder}
                  disabled={busy}
                  onChange={(e) => (setHolder(e.target.value), setPhase({ kind: 'idle' }))}
                  placeholder="all holders"
                />
              </label>
              <label className="field">
                <span>Country</span>
                <input
                  className="mono"
                  aria-label="Country"
                  value={cc}
                  maxLength={2}
                  size={4}
                  disabled={busy}
                  onChange={(e) => (setCc(e.target.value), setPhase({ kind: 'idle' }))}
                  placeholder="any"
                />
              </label>
            </>
          )}
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {phase.kind === 'reading' || phase.kind === 'checking' || phase.kind === 'importing' ? (
          <div className="import-progress">
            <progress aria-label="Import progress" max={1} {...(progress !== null ? { value: progress } : {})} />
            <span>
              {phase.kind === 'reading'
                ? `Reading the file: ${Math.round((progress ?? 0) * 100)} % of ${(phase.total / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} MB`
                : job && job.phase === 'reading'
                  ? `${phase.kind === 'checking' ? 'Checking' : 'Importing'}: the server has read ${Math.round((progress ?? 0) * 100)} % of the file (nothing is written yet)`
                  : phase.kind === 'checking'
                    ? 'Checking every row (nothing is written yet)…'
                    : 'Writing the blocks, all or nothing…'}
            </span>
          </div>
        ) : null}
        {phase.kind === 'checked' && (
          <div className="import-preview" aria-label="What the import adds">
            <p>
              <strong>{phase.result.added.toLocaleString('en')}</strong> block{phase.result.added === 1 ? '' : 's'} will be added
              {phase.result.skipped > 0
                ? `; ${phase.result.skipped.toLocaleString('en')} record${phase.result.skipped === 1 ? '' : 's'} skipped (not allocated or assigned, or another holder or country)`
                : ''}
              .
            </p>
            {phase.result.preview.length > 0 && (
              <ul className="import-list mono" aria-label="Blocks to add">
                {phase.result.preview.map((p) => (
                  <li key={p}>{p}</li>
                ))}
                {phase.result.added > phase.result.preview.length && (
                  <li className="muted">… and {(phase.result.added - phase.result.preview.length).toLocaleString('en')} more</li>
                )}
              </ul>
            )}
          </div>
        )}
        {phase.kind === 'refused' && (
          <div className="import-refused" role="alert" aria-label="Bad rows">
            <p>{capitalised(phase.summary)}</p>
            <ul className="import-list mono">
              {phase.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={cancel} disabled={busy && !cancellable}>
            Cancel
          </button>
          {phase.kind === 'checked' ? (
            <button type="button" className="primary" onClick={() => void commit()} disabled={phase.result.added === 0}>
              Import {phase.result.added.toLocaleString('en')} block{phase.result.added === 1 ? '' : 's'}
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => void check()} disabled={busy || !file}>
              Check the file
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
