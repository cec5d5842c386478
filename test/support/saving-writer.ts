/**
 * Writer child for the reader-race test: holds a workspace open for writing and, as fast as it
 * can, adds a block and writes the snapshot (which resets the journal), printing `ack N` after
 * each add is durable. A reader in another process must never see fewer blocks than were acked
 * before it started to open the file.
 */
import { writeSync } from 'node:fs';
import { addPrefix } from '../../electron/core/services/registry';
import { Workspace } from '../../electron/core/workspace/workspace';

const [path, count] = process.argv.slice(2) as [string, string];

async function main(): Promise<void> {
  const ws = await Workspace.open(path);
  for (let i = 0; i < Number(count); i++) {
    addPrefix(ws, { prefix: `10.${(i >> 8) & 255}.${i & 255}.0/24` });
    writeSync(1, `ack ${i + 1}\n`);
    if (i % 2 === 0) ws.save();
    // A breath between changes, so that readers get their turns even on a busy machine.
    await new Promise((r) => setTimeout(r, 2));
  }
  ws.close();
}
void main();
