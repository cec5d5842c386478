/**
 * `headroom calc NAME --in JSON [--schema]` (CLI.md): a pure calculator of specs/facility.md,
 * no workspace involved. `--in` takes the JSON itself, `@file.json`, or `-` for stdin.
 * Output: the calculator's output object with its `warnings`, as one JSON document.
 */
import { readFileSync } from 'node:fs';
import { HeadroomError } from '../../../shared/errors';
import { CALCULATOR_NAMES, calculatorJsonSchema, calculators, isCalculatorName } from '../../../shared/facility/calculators';
import { jsonOut, UsageError, type Command } from '../command';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}

async function inputText(arg: string): Promise<string> {
  if (arg === '-') return readStdin();
  if (arg.startsWith('@')) {
    try {
      return readFileSync(arg.slice(1), 'utf8');
    } catch (e) {
      throw new HeadroomError('invalid', `cannot read ${arg.slice(1)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'in');
    }
  }
  return arg;
}

export const calcCommands: Command[] = [
  {
    name: 'calc',
    usage: `calc NAME --in JSON|@FILE|- [--schema]   (NAME: ${CALCULATOR_NAMES.join(', ')})`,
    summary: 'a facility calculator (specs/facility.md): JSON in, JSON out with warnings',
    options: { in: { type: 'string' }, schema: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io }) {
      const name = args[0]!;
      if (!isCalculatorName(name)) throw new UsageError(`unknown calculator "${name}" (one of ${CALCULATOR_NAMES.join(', ')})`);
      if (opts.schema) return jsonOut(io, calculatorJsonSchema(name));
      if (typeof opts.in !== 'string') throw new UsageError('--in JSON is required (or --schema)');
      const text = await inputText(opts.in);
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch (e) {
        throw new HeadroomError('invalid', `not valid JSON (${(e as Error).message})`, 'in');
      }
      const result = calculators[name].run(input);
      if (!result.ok) {
        const { field, message } = result.error;
        throw new HeadroomError('invalid', message, field);
      }
      jsonOut(io, { ...(result.value as Record<string, unknown>), warnings: result.warnings });
    },
  },
];
