/**
 * Reading an article file for extraction: it must be a non-empty UTF-8 text. A binary file (a
 * NUL byte) or bytes that are not UTF-8 are an error naming the byte offset; a byte order mark
 * is dropped.
 */
import * as fs from 'fs';
import { firstInvalidUtf8 } from '../data/checks/encoding';
import { displayPath } from '../data/paths';

export class ArticleError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${displayPath(file)}: ${message}`);
    this.name = 'ArticleError';
  }
}

/** Offset of the first byte that does not belong to a valid UTF-8 sequence, or -1 (the data files' check). */
export { firstInvalidUtf8 as invalidUtf8Offset };

/** Checks raw bytes as article text; returns the text (without a byte order mark). */
export function decodeArticle(buf: Uint8Array, file: string): string {
  if (buf.length === 0) throw new ArticleError(file, 'empty file (expected the article text)');
  const nul = buf.indexOf(0);
  if (nul >= 0) throw new ArticleError(file, `binary file (NUL byte at byte offset ${nul}), expected UTF-8 text`);
  const bad = firstInvalidUtf8(buf);
  if (bad >= 0) throw new ArticleError(file, `not UTF-8: invalid byte 0x${buf[bad].toString(16).padStart(2, '0')} at byte offset ${bad}`);
  let text = Buffer.from(buf).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ArticleError(file, 'empty file (only white space)');
  return text;
}

/** Reads an article file (see decodeArticle); a missing file is an ArticleError too. */
export function readArticleFile(file: string): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ArticleError(file, code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (e as Error).message})`);
  }
  return decodeArticle(buf, file);
}
