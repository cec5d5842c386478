/**
 * Where the app may write a file the planner chose in a save dialog (a download of an RPSL file,
 * a request draft, a report): anywhere but the open workspace and the files Headroom keeps beside
 * a workspace (docs/workspace-files.md, "Files the planner names").
 */
import { workspaceFileRole } from '../workspace/files';
import { realPathOf } from '../workspace/fsutil';

export type SaveTarget = { ok: true; path: string } | { ok: false; message: string };

/** Checks the path a save dialog returned, against the workspace open in the app (if any). */
export function checkSaveTarget(chosen: string, openWorkspace: string | null): SaveTarget {
  const role = workspaceFileRole(chosen, openWorkspace ? [openWorkspace] : []);
  if (role) return { ok: false, message: `${chosen} is ${role}; saving there would destroy it. Choose another file.` };
  return { ok: true, path: realPathOf(chosen) };
}
