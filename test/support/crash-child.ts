/**
 * Crash-test child: makes mutations through the CLI entry point, one after another, and prints
 * `ack <cidr>` (synchronously) after each command has exited 0, i.e. after the CLI considered
 * the change durable. The parent kills it with SIGKILL at a random moment.
 */
import { writeSync } from 'node:fs';
import { runCli } from '../../electron/cli/main';
import { formatPrefix, parsePrefix } from '../../shared/ip/prefix';

const [ws, round] = process.argv.slice(2) as [string, string];
const quiet = { out: () => {}, err: (t: string) => writeSync(2, `${t}\n`) };

async function main(): Promise<void> {
  for (let i = 0; i < 65536; i++) {
    const cidr = formatPrefix(parsePrefix(`2001:db8:${Number(round).toString(16)}:${i.toString(16)}::/64`));
    const code = await runCli(['prefix', 'add', ws, cidr, '--description', `round ${round} change ${i}`], quiet);
    if (code === 0) writeSync(1, `ack ${cidr}\n`);
    if (code === 0 && i % 7 === 3) {
      // An acknowledged undo: the change must stay gone (the next change drops the redo).
      // While the undo runs, the state of this block is not acknowledged either way.
      writeSync(1, `pending ${cidr}\n`);
      if ((await runCli(['undo', ws], quiet)) === 0) writeSync(1, `undo ${cidr}\n`);
    } else if (code === 0 && i % 7 === 5) {
      // Undo then redo: in between the state is not acknowledged either way.
      writeSync(1, `pending ${cidr}\n`);
      if ((await runCli(['undo', ws], quiet)) === 0 && (await runCli(['redo', ws], quiet)) === 0) writeSync(1, `ack ${cidr}\n`);
    }
  }
}
void main();
