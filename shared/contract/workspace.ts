import { z } from 'zod';
import { mutation, query, sessionOp } from './define';

export interface WorkspaceState {
  path: string;
  name: string;
  readOnly: boolean;
  /** Why the session is read-only (locked by another process, opened read-only). */
  readOnlyReason: string | null;
  schemaVersion: number;
  undo: { id: number; summary: string } | null;
  redo: { id: number; summary: string } | null;
  /** Set while the file itself could not be rewritten: every change is safe in the journal. */
  saveProblem: SaveProblem | null;
  /** A damaged last journal entry found when this session opened the file (kept aside). */
  journalDamage: JournalDamage | null;
  /**
   * A workspace this session closed (to open another) whose final save failed: its changes are
   * safe in its own journal and come back when it is opened again. Set by the session.
   */
  closedUnsaved?: ClosedUnsaved | null;
}

/** The file a switch left behind unsaved, and why, in plain words. */
export interface ClosedUnsaved {
  path: string;
  message: string;
}

/**
 * The snapshot (the workspace file itself) could not be written, for example on a full disk.
 * Every change was still journaled and fsynced before it was reported done, so nothing is lost;
 * the file lags until a save succeeds (docs/workspace-files.md, "When a save fails").
 */
export interface SaveProblem {
  /** Plain words: what could not be written, why, and that the journal holds the changes. */
  message: string;
  /** Why the file could not be written, in plain words with the system's code ("the disk is full (ENOSPC)"). */
  reason: string;
  /** When the first failed save of this run happened (ISO 8601, UTC). */
  since: string;
  /** The journal file that holds the changes the file lacks. */
  journalPath: string;
  /** How many changes are held only by the journal. */
  unsavedChanges: number;
}

/** The last journal entry was damaged (a torn write): it was not replayed, and was kept aside. */
export interface JournalDamage {
  /** Plain words: what was lost and where its bytes were kept. */
  message: string;
  /** How many bytes the damaged tail held. */
  bytes: number;
  /** The entry as far as it can be read ("change 7: Add 192.0.2.0/24, by ana at …"), or null. */
  entry: string | null;
  /** The file the damaged bytes were copied to, beside the workspace. */
  keptAt: string;
}

export interface WorkspaceInfo {
  path: string;
  schemaVersion: number;
  counts: { prefixes: number; spaces: number; asns: number; events: number; actions: number };
  fileBytes: number;
  lastSaved: string | null;
  journalEntries: number;
  readOnly: boolean;
}

export interface HistoryEntry {
  id: number;
  at: string;
  who: string;
  op: string;
  summary: string;
  /** done | undone | dropped (undone, then a new change) | applied (an undo or redo itself) */
  state: 'done' | 'undone' | 'dropped' | 'applied';
  changes: number;
}

export interface CheckResult {
  ok: boolean;
  messages: string[];
}

const pathField = z.string().trim().min(1, 'a file path is required');

export const workspaceOps = {
  'workspace.current': query<WorkspaceState | null>()(z.object({}), 'The open workspace, or null'),
  'workspace.info': query<WorkspaceInfo>()(z.object({}), 'Schema version, counts, file size, last saved'),
  'workspace.history': query<HistoryEntry[]>()(
    z.object({
      limit: z.number().int().min(1).max(10000).optional(),
      offset: z.number().int().min(0).optional(),
    }),
    'The audit log, newest first',
  ),
  'workspace.check': query<CheckResult>()(z.object({}), 'Integrity check of the open workspace'),
  'workspace.undo': mutation<HistoryEntry | null>()(z.object({}), 'Undo the last change'),
  'workspace.redo': mutation<HistoryEntry | null>()(z.object({}), 'Redo the last undone change'),
  'workspace.save': mutation<{ savedAt: string }>()(z.object({}), 'Write the snapshot now'),
  'workspace.open': sessionOp<WorkspaceState>()(z.object({ path: pathField, readOnly: z.boolean().optional() }), 'Open a workspace file'),
  'workspace.create': sessionOp<WorkspaceState>()(
    z.object({ path: pathField, demo: z.boolean().optional() }),
    'Create a new workspace file (refused if it exists) and open it',
  ),
  'workspace.saveAs': sessionOp<WorkspaceState>()(z.object({ path: pathField }), 'Write the open workspace to a new file and continue there'),
  'workspace.recent': query<string[]>()(z.object({}), 'Recently opened workspace files'),
};
