/**
 * An import run as a job the client polls (issue 14, item 2): the server reads and checks the
 * file slice by slice, saying how far it has come, and can be cancelled until it writes. The
 * write is the import's one action, made only when the whole file passed: a job cancelled or
 * refused leaves the workspace exactly as it was (all or nothing).
 *
 * Why slices: sql.js and the checks run on the one thread that also answers the client. Between
 * slices the job yields (setImmediate), so a poll or a Cancel is answered while a big file is
 * being read; the final check and the write are short and run in one go.
 */
import type { ImportJob } from '../../../shared/contract';
import { HeadroomError, toErrorShape } from '../../../shared/errors';
import type { Workspace } from '../workspace/workspace';
import { beginImport, type ImportInput } from './registry-import';

/** Characters handed to the reader between two yields. */
export const JOB_SLICE_CHARS = 256 * 1024;

interface Job {
  state: ImportJob;
  cancelled: boolean;
}

const jobs = new Map<string, Job>();
let next = 0;
/** Finished jobs are kept for their last poll, then forgotten (a few at most). */
const KEEP_FINISHED = 8;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function forgetOld(): void {
  const finished = [...jobs.entries()].filter(([, j]) => j.state.state !== 'running');
  for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(id);
}

/** Starts an import of `text` (all or nothing) and answers at once with the job to poll. */
export function startImportJob(ws: () => Workspace, input: ImportInput & { text: string }): ImportJob {
  forgetOld();
  const id = `import-${Date.now().toString(36)}-${++next}`;
  const job: Job = {
    cancelled: false,
    state: { jobId: id, state: 'running', phase: 'reading', doneChars: 0, totalChars: input.text.length, result: null, error: null },
  };
  jobs.set(id, job);
  void run(ws, job, input);
  return { ...job.state };
}

async function run(ws: () => Workspace, job: Job, input: ImportInput & { text: string }): Promise<void> {
  const set = (patch: Partial<ImportJob>) => (job.state = { ...job.state, ...patch });
  try {
    const workspace = ws();
    const sink = beginImport(workspace, input);
    const { text } = input;
    for (let at = 0; at < text.length; at += JOB_SLICE_CHARS) {
      await tick();
      if (job.cancelled) return void set({ state: 'cancelled' });
      sink.push(text.slice(at, at + JOB_SLICE_CHARS));
      set({ doneChars: Math.min(text.length, at + JOB_SLICE_CHARS) });
    }
    set({ phase: 'checking' });
    await tick();
    if (job.cancelled) return void set({ state: 'cancelled' });
    // From here on one synchronous run: the checks against the workspace as it is now, then the write.
    if (ws() !== workspace) throw new HeadroomError('conflict', 'the workspace was switched during the import; nothing was imported', 'file');
    const result = sink.finish();
    set({ state: 'done', phase: 'done', result });
  } catch (e) {
    set({ state: 'failed', error: toErrorShape(e) });
  }
}

function find(jobId: string): Job {
  const job = jobs.get(jobId);
  if (!job) throw new HeadroomError('not-found', `there is no import job "${jobId}"`, 'jobId');
  return job;
}

/** How far the job has come; with its result, or its refusal, once it ended. */
export function importJob(input: { jobId: string }): ImportJob {
  return { ...find(input.jobId).state };
}

/** Cancels a running job before it writes (a job already done or failed is answered as it is). */
export function cancelImportJob(input: { jobId: string }): ImportJob {
  const job = find(input.jobId);
  if (job.state.state === 'running') job.cancelled = true;
  return { ...job.state };
}
