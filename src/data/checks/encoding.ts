/**
 * Text files must be UTF-8: decoding is strict (never U+FFFD), and a file that is not UTF-8 is
 * reported with the byte offset (and line) of the first bad byte. UTF-16 is recognised by its
 * byte order mark.
 */
import { isUtf8 } from 'node:buffer';

const STRICT = new TextDecoder('utf-8', { fatal: true });

export type Decoded = { ok: true; text: string } | { ok: false; offset: number; line: number; message: string };

/** Length of the UTF-8 sequence starting at `i`, or 0 when the bytes there are not valid UTF-8. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const c1 = b[i + 1];
    if (c === 0xe0 && c1 < 0xa0) return 0; // overlong
    if (c === 0xed && c1 > 0x9f) return 0; // surrogate
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const c1 = b[i + 1];
    if (c === 0xf0 && c1 < 0x90) return 0;
    if (c === 0xf4 && c1 > 0x8f) return 0;
    return 4;
  }
  return 0;
}

/** Offset of the first byte that is not part of valid UTF-8; -1 when all of it is. */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const n = sequenceLength(b, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) line++;
  return line;
}

/** Decodes `bytes` as UTF-8, or says where and why it is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const which = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    return { ok: false, offset: 0, line: 1, message: `not UTF-8: the file starts with a ${which} byte order mark (save it as UTF-8)` };
  }
  if (isUtf8(bytes)) return { ok: true, text: STRICT.decode(bytes) };
  const offset = Math.max(0, firstInvalidUtf8(bytes));
  const hex = bytes[offset]?.toString(16).toUpperCase().padStart(2, '0') ?? '??';
  return {
    ok: false, offset, line: lineAt(bytes, offset),
    message: `not UTF-8: invalid byte 0x${hex} at byte offset ${offset} (Latin-1, GBK or another encoding? save it as UTF-8)`,
  };
}
