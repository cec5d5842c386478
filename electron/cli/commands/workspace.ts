import { Workspace } from '../../core/workspace/workspace';
import { currentUser, alignRows, jsonOut, type Command } from '../command';
import { seedDemo } from '../../core/services/demo';
import { HeadroomError } from '../../../shared/errors';

/** `undo WS` / `redo WS`: one definition, two directions. */
function undoRedo(kind: 'undo' | 'redo'): Command {
  return {
    name: kind,
    usage: `${kind} WS`,
    summary: kind === 'undo' ? 'undo the last change' : 'redo the last undone change',
    positionals: [1, 1],
    async run({ args, io, withWorkspace }) {
      const entry = await withWorkspace(args[0]!, 'write', (call) => call(kind === 'undo' ? 'workspace.undo' : 'workspace.redo', {}));
      if (!entry) throw new HeadroomError('conflict', `${kind}: there is nothing to ${kind}`);
      io.out(`${kind === 'undo' ? 'undone' : 'redone'}: ${entry.summary}`);
    },
  };
}

export const workspaceCommands: Command[] = [
  {
    name: 'init',
    usage: 'init WS [--demo]',
    summary: 'create a new workspace (refused if WS exists)',
    options: { demo: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, warn }) {
      const ws = await Workspace.create(args[0]!, { who: currentUser() }, opts.demo ? seedDemo : undefined);
      const path = ws.path;
      ws.close();
      io.out(path);
      if (ws.saveProblem) warn(ws.saveProblem.message);
    },
  },
  {
    name: 'info',
    usage: 'info WS [--json]',
    summary: 'schema version, counts, file size, last saved',
    options: { json: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      const info = await withWorkspace(args[0]!, 'read', (call) => call('workspace.info', {}));
      if (opts.json) return jsonOut(io, info);
      const lines = alignRows([
        ['path', info.path],
        ['schema version', String(info.schemaVersion)],
        ['prefixes', String(info.counts.prefixes)],
        ['address spaces', String(info.counts.spaces)],
        ['ASNs', String(info.counts.asns)],
        ['changes (actions)', String(info.counts.actions)],
        ['file size', `${info.fileBytes} bytes`],
        ['last saved', info.lastSaved ?? 'never'],
        ['journal entries', String(info.journalEntries)],
      ]);
      for (const l of lines) io.out(l);
    },
  },
  {
    name: 'history',
    usage: 'history WS [--limit N] [--json]',
    summary: 'the audit log, newest first',
    options: { json: { type: 'boolean' }, limit: { type: 'string' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      let limit = 50;
      if (opts.limit !== undefined) {
        if (!/^[1-9]\d*$/.test(String(opts.limit))) throw new HeadroomError('invalid', 'must be a whole number of at least 1', 'limit');
        limit = Number(opts.limit);
      }
      const entries = await withWorkspace(args[0]!, 'read', (call) => call('workspace.history', { limit }));
      if (opts.json) return jsonOut(io, entries);
      for (const l of alignRows(entries.map((e) => [`#${e.id}`, e.at.slice(0, 19).replace('T', ' '), e.who, e.state, e.summary]))) io.out(l);
    },
  },
  undoRedo('undo'),
  undoRedo('redo'),
  {
    name: 'check',
    usage: 'check WS',
    summary: 'integrity check; exit 1 with a message if the file is damaged',
    positionals: [1, 1],
    async run({ args, io, withWorkspace }) {
      const result = await withWorkspace(args[0]!, 'read', (call) => call('workspace.check', {}));
      if (!result.ok) throw new HeadroomError('corrupt', `integrity check failed: ${result.messages.join('; ')}`, 'path', args[0]);
      io.out('ok');
    },
  },
];
