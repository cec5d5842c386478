/**
 * Rewrites a PDF as 7-bit ASCII text with the same content: every stream gets the standard
 * ASCII85Decode filter in front of its own filters (ISO 32000-1 §7.4.3), bytes above 0x7F in
 * strings become octal escapes (§7.3.4.2), and the cross-reference table is rebuilt. A
 * 7-bit-clean PDF survives any text channel: the export formats hand the CLI a string, which it
 * writes as UTF-8, and for ASCII that is the same bytes. The file grows by about a quarter.
 *
 * Handles the classic layout Chromium (Skia) writes: `N G obj` objects, one xref table, a
 * trailer. Cross-reference streams and object streams (PDF 1.5) are refused, not guessed at.
 */

export class PdfRewriteError extends Error {}

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelim = (c: number) => '()<>[]{}/%'.includes(String.fromCharCode(c));

/** Bytes as a string of char codes 0–255 (no decoding). */
function bytesToBinary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

function skipWs(s: string, i: number): number {
  for (;;) {
    while (i < s.length && isWs(s.charCodeAt(i))) i++;
    if (s[i] !== '%') return i;
    while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
  }
}

/** End (exclusive) of the literal string that opens at `i`. */
function skipLiteral(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new PdfRewriteError('unterminated string');
}

/** End (exclusive) of the value (dictionary, array, string, name, number, keyword) at `i`. */
function skipValue(s: string, i: number): number {
  i = skipWs(s, i);
  if (s.startsWith('<<', i)) {
    i += 2;
    for (;;) {
      i = skipWs(s, i);
      if (s.startsWith('>>', i)) return i + 2;
      if (i >= s.length) throw new PdfRewriteError('unterminated dictionary');
      i = skipValue(s, i);
    }
  }
  if (s[i] === '[') {
    i++;
    for (;;) {
      i = skipWs(s, i);
      if (s[i] === ']') return i + 1;
      if (i >= s.length) throw new PdfRewriteError('unterminated array');
      i = skipValue(s, i);
    }
  }
  if (s[i] === '(') return skipLiteral(s, i);
  if (s[i] === '<') {
    const end = s.indexOf('>', i);
    if (end < 0) throw new PdfRewriteError('unterminated hex string');
    return end + 1;
  }
  const start = i;
  if (s[i] === '/') i++;
  while (i < s.length && !isWs(s.charCodeAt(i)) && !isDelim(s.charCodeAt(i))) i++;
  if (i === start) throw new PdfRewriteError(`unexpected "${s[i] ?? 'end of file'}" at byte ${i}`);
  return i;
}

/** The top-level entries of the dictionary at `i` (value text kept verbatim, references whole). */
function parseDict(s: string, i: number): { entries: [string, string][]; end: number } {
  i = skipWs(s, i);
  if (!s.startsWith('<<', i)) throw new PdfRewriteError(`expected a dictionary at byte ${i}`);
  i += 2;
  const entries: [string, string][] = [];
  for (;;) {
    i = skipWs(s, i);
    if (s.startsWith('>>', i)) return { entries, end: i + 2 };
    const keyEnd = skipValue(s, i);
    const key = s.slice(i, keyEnd);
    if (!key.startsWith('/')) throw new PdfRewriteError(`expected a name at byte ${i}`);
    const vStart = skipWs(s, keyEnd);
    let vEnd = skipValue(s, vStart);
    const ref = /^\s+\d+\s+R(?![^\s()<>[\]{}/%])/.exec(s.slice(vEnd, vEnd + 24));
    if (/^\d+$/.test(s.slice(vStart, vEnd)) && ref) vEnd += ref[0].length;
    entries.push([key, s.slice(vStart, vEnd)]);
    i = vEnd;
  }
}

const Z85 = (n: number): string => {
  const c = new Array<string>(5);
  for (let k = 4; k >= 0; k--) {
    c[k] = String.fromCharCode(33 + (n % 85));
    n = Math.floor(n / 85);
  }
  return c.join('');
};

/** ASCII85 (PostScript/PDF flavour) of the bytes, ending with `~>`, in lines of at most 80 characters. */
export function ascii85(data: string): string {
  const parts: string[] = [];
  let i = 0;
  for (; i + 4 <= data.length; i += 4) {
    const n = ((data.charCodeAt(i) << 24) | (data.charCodeAt(i + 1) << 16) | (data.charCodeAt(i + 2) << 8) | data.charCodeAt(i + 3)) >>> 0;
    parts.push(n === 0 ? 'z' : Z85(n));
  }
  const rest = data.length - i;
  if (rest > 0) {
    let n = 0;
    for (let k = 0; k < 4; k++) n = n * 256 + (k < rest ? data.charCodeAt(i + k) : 0);
    parts.push(Z85(n).slice(0, rest + 1));
  }
  const text = parts.join('');
  const lines: string[] = [];
  for (let k = 0; k < text.length; k += 80) lines.push(text.slice(k, k + 80));
  lines.push('~>');
  return lines.join('\n');
}

/** Bytes above 0x7F (only legal inside strings once comments are dropped) as octal escapes. */
const escapeHigh = (s: string): string => s.replace(/[\x80-\xff]/g, (c) => `\\${c.charCodeAt(0).toString(8)}`);

function streamDict(entries: [string, string][], length: number): string {
  const out: string[] = [];
  const filter = entries.find(([k]) => k === '/Filter')?.[1];
  const parms = entries.find(([k]) => k === '/DecodeParms')?.[1];
  const inner = (v: string) => (v.startsWith('[') ? v.slice(1, -1).trim() : v);
  for (const [k, v] of entries) {
    if (k === '/Length' || k === '/Filter' || k === '/DecodeParms') continue;
    out.push(`${k} ${v}`);
  }
  out.push(`/Filter ${filter ? `[/ASCII85Decode ${inner(filter)}]` : '/ASCII85Decode'}`);
  if (parms) out.push(`/DecodeParms [null ${inner(parms)}]`);
  out.push(`/Length ${length}`);
  return `<<${out.join('\n')}>>`;
}

/** The PDF as 7-bit ASCII text that any PDF reader reads as the same document. */
export function pdfToAscii(bytes: Uint8Array): string {
  const s = bytesToBinary(bytes);
  const version = /^%PDF-(\d\.\d)/.exec(s);
  if (!version) throw new PdfRewriteError('not a PDF (no %PDF- header)');
  if (/\/Type\s*\/(XRef|ObjStm)\b/.test(s)) throw new PdfRewriteError('cross-reference or object streams are not supported');
  const objects = new Map<number, { gen: number; body: string }>();
  const objRe = /(\d+)\s+(\d+)\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = objRe.exec(s)) !== null) {
    const num = Number(m[1]);
    const gen = Number(m[2]);
    const vStart = skipWs(s, m.index + m[0].length);
    const vEnd = skipValue(s, vStart);
    let after = skipWs(s, vEnd);
    let body: string;
    if (s.startsWith('stream', after)) {
      const { entries } = parseDict(s, vStart);
      let dataStart = after + 'stream'.length;
      if (s[dataStart] === '\r') dataStart++;
      if (s[dataStart] === '\n') dataStart++;
      const len = entries.find(([k]) => k === '/Length')?.[1];
      let dataEnd: number;
      if (len !== undefined && /^\d+$/.test(len) && s.startsWith('endstream', skipWs(s, dataStart + Number(len)))) dataEnd = dataStart + Number(len);
      else {
        const e = s.indexOf('endstream', dataStart);
        if (e < 0) throw new PdfRewriteError(`object ${num}: no endstream`);
        dataEnd = s[e - 1] === '\n' ? (s[e - 2] === '\r' ? e - 2 : e - 1) : s[e - 1] === '\r' ? e - 1 : e;
      }
      const encoded = ascii85(s.slice(dataStart, dataEnd));
      body = `${escapeHigh(streamDict(entries, encoded.length))}\nstream\n${encoded}\nendstream`;
      after = skipWs(s, s.indexOf('endstream', dataEnd) + 'endstream'.length);
    } else body = escapeHigh(s.slice(vStart, vEnd));
    if (!s.startsWith('endobj', after)) throw new PdfRewriteError(`object ${num}: no endobj`);
    objects.set(num, { gen, body });
    objRe.lastIndex = after + 'endobj'.length;
  }
  const trailerAt = s.lastIndexOf('trailer');
  if (trailerAt < 0 || objects.size === 0) throw new PdfRewriteError('no trailer');
  const size = Math.max(...objects.keys()) + 1;
  const trailer = parseDict(s, trailerAt + 'trailer'.length).entries.filter(([k]) => !['/Size', '/Prev', '/XRefStm'].includes(k));

  let out = `%PDF-${version[1]}\n`;
  const offsets = new Map<number, number>();
  for (const num of [...objects.keys()].sort((a, b) => a - b)) {
    const o = objects.get(num)!;
    offsets.set(num, out.length);
    out += `${num} ${o.gen} obj\n${o.body}\nendobj\n`;
  }
  const xrefAt = out.length;
  const rows = [`xref\n0 ${size}\n`, '0000000000 65535 f \n'];
  for (let n = 1; n < size; n++) {
    const at = offsets.get(n);
    rows.push(at === undefined ? '0000000000 00000 f \n' : `${String(at).padStart(10, '0')} ${String(objects.get(n)!.gen).padStart(5, '0')} n \n`);
  }
  out += rows.join('');
  out += `trailer\n<</Size ${size}\n${trailer.map(([k, v]) => `${k} ${escapeHigh(v)}`).join('\n')}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return out;
}
