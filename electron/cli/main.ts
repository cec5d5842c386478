/**
 * `headroom`: the command line (../shared/CLI.md). Exit 0 on success, 1 when the input is
 * refused (message on stderr naming the field), 2 for a usage error.
 */
import { parseArgs } from 'node:util';
import { errorLine, toErrorShape } from '../../shared/errors';
import { UsageError, withWorkspace, type Command, type Io } from './command';
import { asnRangeCommands } from './commands/asn-ranges';
import { dhcpCommands } from './commands/dhcp';
import { facilityCommands } from './commands/facility';
import { forecastCommands } from './commands/forecast';
import { linkCommands } from './commands/links';
import { registryCommands } from './commands/registry';
import { requestsCommands } from './commands/requests';
import { routingCommands } from './commands/routing';
import { workspaceCommands } from './commands/workspace';

export const commands: Command[] = [
  ...workspaceCommands,
  ...registryCommands,
  ...asnRangeCommands,
  ...facilityCommands,
  ...requestsCommands,
  ...forecastCommands,
  ...routingCommands,
  ...linkCommands,
  ...dhcpCommands,
];

function usageText(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return ['usage: headroom <command> ...', '', ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`)].join('\n');
}

function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  const two = `${argv[0] ?? ''} ${argv[1] ?? ''}`;
  const byTwo = commands.find((c) => c.name === two);
  if (byTwo) return { command: byTwo, rest: argv.slice(2) };
  const byOne = commands.find((c) => c.name === argv[0]);
  return byOne ? { command: byOne, rest: argv.slice(1) } : null;
}

/**
 * parseArgs, except that a negative number ("-1", "-0.5") is a value, never an option: `asn add
 * WS -1` is refused by the ASN check (exit 1, naming the field), and `--value -5` reaches the
 * range check, instead of both ending as a usage error about an unknown option.
 */
function parseWithNegatives(args: string[], options: NonNullable<Command['options']>) {
  const NEGATIVE = /^-\d/;
  const stash: string[] = [];
  const marked: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if (a === '--') {
      // After "--" everything is a positional already.
      marked.push(...args.slice(i));
      break;
    }
    if (a.startsWith('--') && !a.includes('=') && options[a.slice(2)]?.type === 'string' && next !== undefined && NEGATIVE.test(next)) {
      marked.push(`${a}=${next}`);
      i++;
    } else if (NEGATIVE.test(a)) {
      stash.push(a);
      marked.push(`\u0000${stash.length - 1}`);
    } else marked.push(a);
  }
  const parsed = parseArgs({ args: marked, options, allowPositionals: true, strict: true });
  const restore = (v: string) => (v.startsWith('\u0000') ? (stash[Number(v.slice(1))] ?? v) : v);
  return { values: parsed.values, positionals: parsed.positionals.map(restore) };
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    (argv.length === 0 ? io.err : io.out)(usageText());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`headroom: unknown command "${argv.slice(0, 2).join(' ')}"\n${usageText()}`);
    return 2;
  }
  const { command, rest } = found;
  // Printed after the result or the refusal, each once: a command may open WS more than once.
  const warnings: string[] = [];
  const warn = (message: string) => {
    if (!warnings.includes(message)) warnings.push(message);
  };
  const printWarnings = () => {
    for (const w of warnings) io.err(`headroom: warning: ${w}`);
  };
  try {
    let parsed;
    try {
      parsed = parseWithNegatives(rest, command.options ?? {});
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const [min, max] = command.positionals;
    if (parsed.positionals.length < min) throw new UsageError('missing arguments');
    if (parsed.positionals.length > max) throw new UsageError(`unexpected argument "${parsed.positionals[max]}"`);
    await command.run({
      args: parsed.positionals,
      opts: parsed.values as Record<string, string | boolean | undefined>,
      io,
      withWorkspace: (path, mode, fn) => withWorkspace(path, mode, fn, warn),
      warn,
    });
    printWarnings();
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`headroom ${command.name}: ${e.message}\nusage: headroom ${command.usage}`);
      return 2;
    }
    const shape = toErrorShape(e);
    io.err(`headroom: ${errorLine(shape)}`);
    printWarnings();
    return 1;
  }
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};
