/**
 * Dates are shown and typed as ISO YYYY-MM-DD everywhere (issue 14, item 7): no screen uses a
 * browser date input, which shows mm/dd/yyyy in an en-US Chromium. renderer/components/DateInput
 * is the one date field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(__dirname, '..', '..', '..', 'renderer');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('date fields', () => {
  it('no renderer file uses <input type="date">', () => {
    const offenders = sources(RENDERER).filter((f) => /type=["']date["']/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => f.slice(RENDERER.length + 1))).toEqual([]);
  });
});
