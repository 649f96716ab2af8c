import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from '../../../src/data/checks/encoding';

describe('UTF-8 decoding', () => {
  it('decodes UTF-8 and strips nothing but the byte order mark', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFid,阶跃\n', 'utf8'))).toEqual({ ok: true, text: 'id,阶跃\n' });
  });

  it('finds the first bad byte: lone continuation, truncated sequence, overlong form, surrogate', () => {
    // 'ab' then 0x80: offset 2
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0x80]))).toBe(2);
    // 阶 is E9 98 B6; cut after two bytes, then 'x': the sequence starts at 1
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe9, 0x98, 0x78]))).toBe(1);
    // C0 AF is an overlong '/'
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0);
    // ED A0 80 encodes a surrogate
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from('阶跃星辰 🚀', 'utf8'))).toBe(-1);
  });

  it('names the byte, its offset and line', () => {
    // line 1 'a,b\n' (4 bytes), then 'caf' and Latin-1 é (0xE9) at offset 7 on line 2
    const r = decodeUtf8(Buffer.concat([Buffer.from('a,b\ncaf'), Buffer.from([0xe9])]));
    expect(r).toEqual({ ok: false, offset: 7, line: 2, message: expect.stringMatching(/^not UTF-8: invalid byte 0xE9 at byte offset 7 /) });
  });

  it('recognises UTF-16 by its byte order mark', () => {
    const r = decodeUtf8(Buffer.from([0xfe, 0xff, 0x00, 0x61]));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/UTF-16BE byte order mark/);
  });
});
