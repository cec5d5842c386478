/**
 * Which workspace a client (the app, the web bridge, a CLI command) has open. The app keeps one
 * session for its lifetime; each CLI command opens one, runs, and closes it.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { ClosedUnsaved, WorkspaceState } from '../../../shared/contract';
import { HeadroomError, type WarningShape } from '../../../shared/errors';
import { atomicWriteFile, realPathOf } from '../workspace/fsutil';
import { QueryIndex } from '../workspace/query-index';
import { SCHEMA_VERSION } from '../workspace/schema';
import { loadSqlJs } from '../workspace/sqljs';
import { checkSealOfFile } from '../workspace/fileformat';
import { readVerifiedSeal, Workspace, type WorkspaceOptions } from '../workspace/workspace';
import { seedDemo } from './demo';

/**
 * Where the app's New Workspace puts the file (issue 14, item 7): exactly where the planner says,
 * so a full path; a bare or relative name is refused (it would land wherever Headroom happened
 * to be started). A name without an ending gets `.headroom`.
 */
export function newWorkspacePath(path: string): string {
  const t = path.trim();
  if (t === '') throw new HeadroomError('invalid', 'give the full path of the new workspace file, such as /home/me/isp-plan.headroom', 'path');
  if (!isAbsolute(t) && !/^~[\\/]/.test(t)) {
    throw new HeadroomError('invalid', `"${t}" is not a full path; give the folder too, such as /home/me/${basename(t) || 'isp-plan.headroom'}`, 'path');
  }
  const full = t.startsWith('~') ? join(homedir(), t.slice(2)) : t;
  if (existsSync(full) && statSync(full).isDirectory())
    throw new HeadroomError('invalid', `${full} is a folder; add the file name, such as ${join(full, 'isp-plan.headroom')}`, 'path');
  // A name without any ending gets `.headroom`; any other name is checked as it is (Workspace.create
  // refuses a workspace's own side files).
  return basename(full).includes('.') ? full : `${full}.headroom`;
}

export interface SessionOptions extends WorkspaceOptions {
  /** Where the recent-files list lives (the app's user-data folder); none for the CLI. */
  stateDir?: string;
  /** The app autosaves this long after the last change (ms); 0 = only on close. */
  autosaveMs?: number;
  /** Told each time an autosave fails (the web bridge prints it on stderr). */
  onWarning?: (message: string) => void;
}

/**
 * The checks a full open makes (what `headroom util` meets), asked of a query-index read
 * (`headroom free`) too: the file's checksum matches its contents (a byte changed in place,
 * its time kept, is found), and this very snapshot passed PRAGMA integrity_check before (the
 * `.verified` marker a full open writes). Otherwise the workspace is opened as usual, which
 * runs the check, reports any damage, and lets the next query use the index.
 */
function passesOpenChecks(path: string, index: QueryIndex): boolean {
  if (readVerifiedSeal(path) !== index.seal) return false;
  try {
    const { state, seal } = checkSealOfFile(path);
    return state === 'valid' && seal === index.seal && index.describesFile(path);
  } catch {
    return false;
  }
}

/** After a failed autosave, the next try comes this long after (ms), changes or not. */
export const AUTOSAVE_RETRY_MS = 15_000;

export class Session {
  private ws: Workspace | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** A read-only open whose database is loaded on first use (openForQuery). */
  private deferred: (() => Workspace) | null = null;
  private index: QueryIndex | null = null;
  /** A workspace closed by a switch whose final save failed (its journal holds the changes). */
  private closedUnsaved: ClosedUnsaved | null = null;

  constructor(readonly options: SessionOptions = {}) {}

  /** The workspace if its database is loaded (never loads it). */
  get workspace(): Workspace | null {
    return this.ws;
  }

  /** The open workspace; `no-workspace` when there is none. */
  require(): Workspace {
    if (this.deferred) {
      const load = this.deferred;
      this.deferred = null;
      this.ws = load();
    }
    if (!this.ws) throw new HeadroomError('no-workspace', 'no workspace is open: create or open one first');
    return this.ws;
  }

  /**
   * The current query index (query-index.ts) of a workspace opened with openForQuery, or null:
   * then the database answers.
   */
  queryIndex(): QueryIndex | null {
    return this.index;
  }

  /**
   * The standing warning of the open workspace: its file could not be rewritten (saveProblem),
   * so every change since the last save is held by the journal alone. Null when all is saved.
   */
  warning(): WarningShape | null {
    const problem = this.ws?.saveProblem;
    return problem ? { code: 'not-saved', message: problem.message } : null;
  }

  current(): WorkspaceState | null {
    return this.ws || this.deferred ? this.stateOf(this.require()) : null;
  }

  /** The workspace's state, with the notice of a file a switch left unsaved. */
  private stateOf(ws: Workspace): WorkspaceState {
    return { ...ws.state(), closedUnsaved: this.closedUnsaved };
  }

  /**
   * Opens read-only for queries. When the query index beside the file is current, the database
   * is loaded only if an operation needs more than the index holds: `headroom free` over a /8
   * with a million blocks never loads it. Otherwise this is `open(path, true)`.
   */
  async openForQuery(path: string): Promise<void> {
    const SQL = await loadSqlJs();
    const full = realPathOf(path);
    const index = QueryIndex.open(full, SCHEMA_VERSION);
    if (!index || !passesOpenChecks(full, index)) {
      await this.open(full, true);
      return;
    }
    this.closeCurrent();
    this.index = index;
    this.deferred = () => Workspace.openWith(SQL, full, { ...this.options, readOnly: true });
  }

  async open(path: string, readOnly = false): Promise<WorkspaceState> {
    // Opening the file this session already has open: close it first (saving it), or the new
    // open would find this session's own lock and the app would lock itself out of its file.
    const current = this.ws ?? null;
    if (current && realPathOf(current.path) === realPathOf(path)) this.closeCurrent();
    const ws = await Workspace.open(path, { ...this.options, readOnly });
    this.replace(ws);
    // Opened again: its journal has replayed what the failed save left there.
    if (this.closedUnsaved && realPathOf(this.closedUnsaved.path) === realPathOf(ws.path)) this.closedUnsaved = null;
    return this.stateOf(ws);
  }

  async create(path: string, demo = false): Promise<WorkspaceState> {
    const ws = await Workspace.create(newWorkspacePath(path), this.options, demo ? seedDemo : undefined);
    this.replace(ws);
    return this.stateOf(ws);
  }

  /** Writes the open workspace to a new file and continues there. */
  async saveAs(path: string): Promise<WorkspaceState> {
    const current = this.require();
    const target = current.exportTo(path);
    const ws = await Workspace.open(target, this.options);
    this.replace(ws);
    return this.stateOf(ws);
  }

  private replace(ws: Workspace): void {
    this.closeCurrent();
    this.ws = ws;
    const autosave = this.options.autosaveMs ?? 0;
    if (autosave > 0 && !ws.readOnly) {
      const schedule = (ms: number) => {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          this.timer = null;
          if (this.ws !== ws) return;
          try {
            ws.save();
          } catch {
            // Not swallowed: ws.saveProblem holds it (the app's banner, every call's warning),
            // the session's owner is told, and the save is tried again, changes or not.
            const problem = ws.saveProblem;
            if (problem) this.options.onWarning?.(problem.message);
            schedule(Math.max(autosave, AUTOSAVE_RETRY_MS));
          }
        }, ms);
        // A retry alone does not keep a process alive that has nothing else to do.
        if (ms !== autosave) this.timer.unref?.();
      };
      ws.onChange = () => schedule(autosave);
    }
    this.remember(ws.path);
  }

  private closeCurrent(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.deferred = null;
    this.index = null;
    const closing = this.ws;
    this.ws = null;
    if (!closing) return;
    closing.close();
    // close() does not throw when its final save fails (the journal keeps the changes), so a
    // switch would otherwise leave that file behind without a word.
    const problem = closing.saveProblem;
    if (problem && !closing.readOnly) {
      const changes = problem.unsavedChanges === 1 ? 'its 1 change since the last save is' : `its ${problem.unsavedChanges} changes since the last save are`;
      this.closedUnsaved = {
        path: closing.path,
        message:
          `${basename(closing.path)} was closed without saving to its file: ${problem.reason}. Nothing is lost: ${changes} safe in its journal (${problem.journalPath}). ` +
          'Free some disk space, then open it again: the journal is written into the file.',
      };
      this.options.onWarning?.(this.closedUnsaved.message);
    }
  }

  close(): void {
    this.closeCurrent();
  }

  // ------------------------------------------------------------- recent files

  private recentFile(): string | null {
    return this.options.stateDir ? join(this.options.stateDir, 'recent.json') : null;
  }

  recent(): string[] {
    const f = this.recentFile();
    if (!f || !existsSync(f)) return [];
    try {
      const list = JSON.parse(readFileSync(f, 'utf8')) as unknown;
      return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }

  private remember(path: string): void {
    const f = this.recentFile();
    if (!f) return;
    const full = resolve(path);
    const list = [full, ...this.recent().filter((p) => p !== full)].slice(0, 10);
    try {
      mkdirSync(dirname(f), { recursive: true });
      atomicWriteFile(f, Buffer.from(JSON.stringify(list, null, 2)));
    } catch {
      /* the recent list is a convenience */
    }
  }
}
