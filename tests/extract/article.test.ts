import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { decodeArticle, invalidUtf8Offset, readArticleFile } from '../../src/extract/article';

describe('reading an article file', () => {
  it('rejects an empty file', () => {
    expect(() => decodeArticle(new Uint8Array(), 'a.txt')).toThrow(/a\.txt: empty file/);
    expect(() => decodeArticle(Buffer.from(' \n\t'), 'a.txt')).toThrow(/only white space/);
  });

  it('rejects a binary file naming the offset of the NUL byte', () => {
    expect(() => decodeArticle(Buffer.from([0x41, 0x42, 0x00, 0x43]), 'b.bin')).toThrow(/binary file \(NUL byte at byte offset 2\)/);
  });

  it('rejects bytes that are not UTF-8, naming the byte offset', () => {
    // '营' is 3 bytes (e8 90 a5), so the GBK pair d3 41 after it starts at offset 3 (0x41 cannot continue 0xd3)
    const buf = Buffer.concat([Buffer.from('营', 'utf8'), Buffer.from([0xd3, 0x41])]);
    expect(invalidUtf8Offset(buf)).toBe(3);
    expect(() => decodeArticle(buf, 'gbk.txt')).toThrow(/not UTF-8: invalid byte 0xd3 at byte offset 3/);
    // a truncated sequence at the end, and an overlong encoding of '/'
    expect(invalidUtf8Offset(Buffer.from([0x61, 0xe8, 0x90]))).toBe(1);
    expect(invalidUtf8Offset(Buffer.from([0xc0, 0xaf]))).toBe(0);
    expect(invalidUtf8Offset(Buffer.from('智譜 AI 3.5亿', 'utf8'))).toBe(-1);
  });

  it('drops a byte order mark and reads a missing file as an error', () => {
    expect(decodeArticle(Buffer.from('\uFEFF营收', 'utf8'), 'x')).toBe('营收');
    const missing = path.join(os.tmpdir(), 'benchval-no-such-article.txt');
    if (fs.existsSync(missing)) fs.rmSync(missing);
    expect(() => readArticleFile(missing)).toThrow(/no such file/);
  });
});
