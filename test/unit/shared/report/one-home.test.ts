/**
 * The renderer imports shared/'s prefix math instead of copying it, keeps one `isTyping`, and
 * the HTML reports share one escape (issue 18 §3). A copy that comes back fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../../shared/report/html-escape';

const ROOT = join(__dirname, '..', '..', '..', '..');
const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
const matching = (dirs: string[], re: RegExp) => dirs.flatMap(sources).filter((f) => re.test(readFileSync(join(ROOT, f), 'utf8')));

describe('one home', () => {
  it("the renderer takes an address family's bit count from shared/ip (maxLength), not its own 32 : 128", () => {
    expect(matching(['renderer'], /\? 32 : 128/)).toEqual([]);
  });
  it("the renderer computes a block's size with shared/ip, not its own shift", () => {
    expect(matching(['renderer'], /1n << BigInt\(bits - /)).toEqual([]);
  });
  it('isTyping is written once, in renderer/components/keyboard.ts', () => {
    expect(matching(['renderer'], /function isTyping\(/)).toEqual([join('renderer', 'components', 'keyboard.ts')]);
  });
  it('the HTML reports share one escape', () => {
    expect(matching(['shared', 'renderer', 'electron'], /const esc = \(/)).toEqual([]);
  });
});

describe('escapeHtml', () => {
  it('escapes what HTML text and quoted attributes need, and nothing else', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry's&lt;/a&gt;");
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('plain – text')).toBe('plain – text');
  });
});
