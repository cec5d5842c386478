/**
 * What makes a file a Headroom workspace, and the seal that detects any changed byte.
 *
 * SQLite has no page checksums, so a byte flipped inside row data passes `integrity_check`.
 * Every snapshot is therefore sealed: bytes 72–91 of the SQLite header ("reserved for
 * expansion", which SQLite neither reads nor rewrites) hold the magic `HDRM` and the first
 * 16 bytes of a SHA-256 over the whole file with those 20 bytes zeroed.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

export const APPLICATION_ID = 0x48445231; // "HDR1"
export const SQLITE_MAGIC = 'SQLite format 3\u0000';
const SEAL_OFFSET = 72;
const SEAL_LENGTH = 20;
const SEAL_MAGIC = [0x48, 0x44, 0x52, 0x4d]; // "HDRM"

function digest(bytes: Uint8Array): Buffer {
  const hash = createHash('sha256');
  hash.update(bytes.subarray(0, SEAL_OFFSET));
  hash.update(new Uint8Array(SEAL_LENGTH));
  hash.update(bytes.subarray(SEAL_OFFSET + SEAL_LENGTH));
  return hash.digest();
}

/** Writes the seal into the header in place. */
export function sealSnapshot(bytes: Uint8Array): void {
  const d = digest(bytes);
  bytes.set(SEAL_MAGIC, SEAL_OFFSET);
  bytes.set(d.subarray(0, SEAL_LENGTH - SEAL_MAGIC.length), SEAL_OFFSET + SEAL_MAGIC.length);
}

export type SealState = 'valid' | 'absent' | 'mismatch';

export function checkSeal(bytes: Uint8Array): SealState {
  if (bytes.length < 100) return 'absent';
  const magicOk = SEAL_MAGIC.every((b, i) => bytes[SEAL_OFFSET + i] === b);
  if (!magicOk) return 'absent';
  const d = digest(bytes);
  for (let i = 0; i < SEAL_LENGTH - SEAL_MAGIC.length; i++) {
    if (bytes[SEAL_OFFSET + SEAL_MAGIC.length + i] !== d[i]) return 'mismatch';
  }
  return 'valid';
}

/**
 * checkSeal of the file at `path`, read in chunks (a reader that needs only the seal's verdict,
 * like `headroom free` on the query index, does not hold a 270 MB file). Also returns the seal.
 */
export function checkSealOfFile(path: string): { state: SealState; seal: string } {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha256');
    const buf = new Uint8Array(1 << 20);
    const head = new Uint8Array(100);
    let at = 0;
    for (;;) {
      const got = readSync(fd, buf, 0, buf.length, null);
      if (got === 0) break;
      const chunk = buf.subarray(0, got);
      if (at < head.length) head.set(chunk.subarray(0, Math.min(got, head.length - at)), at);
      // The seal's own bytes count as zeros.
      const from = Math.max(SEAL_OFFSET, at);
      const to = Math.min(SEAL_OFFSET + SEAL_LENGTH, at + got);
      if (from < to) {
        hash.update(chunk.subarray(0, from - at));
        hash.update(new Uint8Array(to - from));
        hash.update(chunk.subarray(to - at));
      } else hash.update(chunk);
      at += got;
    }
    const seal = Buffer.from(head.subarray(SEAL_OFFSET, SEAL_OFFSET + SEAL_LENGTH)).toString('hex');
    if (at < 100 || !SEAL_MAGIC.every((b, i) => head[SEAL_OFFSET + i] === b)) return { state: 'absent', seal };
    const d = hash.digest();
    for (let i = 0; i < SEAL_LENGTH - SEAL_MAGIC.length; i++) if (head[SEAL_OFFSET + SEAL_MAGIC.length + i] !== d[i]) return { state: 'mismatch', seal };
    return { state: 'valid', seal };
  } finally {
    closeSync(fd);
  }
}

/** The stored seal as hex: it identifies these exact bytes (valid only when checkSeal is 'valid'). */
export function sealHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(SEAL_OFFSET, SEAL_OFFSET + SEAL_LENGTH)).toString('hex');
}

export function hasSqliteHeader(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  for (let i = 0; i < 16; i++) if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;
}

export function headerPageSize(bytes: Uint8Array): number {
  const raw = (bytes[16]! << 8) | bytes[17]!;
  return raw === 1 ? 65536 : raw;
}

/** Page count from the header (valid when the change counter matches "version-valid-for"). */
export function headerPageCount(bytes: Uint8Array): number | null {
  if (bytes.length < 100) return null;
  return u32(bytes, 24) === u32(bytes, 92) ? u32(bytes, 28) : null;
}

export function headerApplicationId(bytes: Uint8Array): number {
  return u32(bytes, 68);
}

export function headerUserVersion(bytes: Uint8Array): number {
  return u32(bytes, 60);
}
