/**
 * Scale words and exact decimal scaling. 万 = 1e4, 亿 = 1e8 and their products (千亿 = 1e11,
 * 万亿 = 1e12); K = 1e3, M = 1e6, B = 1e9, T = 1e12 (decimal, as the data README defines).
 * Arithmetic goes through big.js so that 5343.7万 is exactly 53437000.
 */
import Big from 'big.js';
import Nzh from 'nzh';

const CHINESE_SCALE: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };
const LATIN_SCALE: Record<string, number> = { K: 1e3, k: 1e3, M: 1e6, B: 1e9, b: 1e9, T: 1e12 };

/** Characters that are Chinese scale words (simplified script). */
export const CHINESE_SCALE_CHARS = '十百千万亿';
/** Characters of Chinese numerals (digits and scales), simplified script. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * Multiplier of a scale word: a run of Chinese scale characters (their product: 千亿 = 1e11)
 * or one Latin letter K/M/B/T. The empty word is 1. Throws on anything else.
 */
export function scaleFactor(word: string): Big {
  if (word === '') return new Big(1);
  if (word.length === 1 && word in LATIN_SCALE) return new Big(LATIN_SCALE[word]);
  let f = new Big(1);
  for (const ch of word) {
    const m = CHINESE_SCALE[ch];
    if (m === undefined) throw new Error(`unknown scale word '${word}'`);
    f = f.times(m);
  }
  return f;
}

/** `digits` (a decimal literal) times `scale`, exactly, as a number. */
export function scaleDecimal(digits: string, scale: Big): number {
  return new Big(digits).times(scale).toNumber();
}

/**
 * Decodes a numeral written in Chinese characters (simplified script): 六 = 6,
 * 二十二 = 22, 三千八百九十 = 3890, 两 = 2. Throws when the text is no numeral.
 */
export function decodeChineseNumeral(text: string): number {
  if (text === '') throw new Error('empty numeral');
  for (const ch of text) {
    if (!CHINESE_NUMERAL_CHARS.includes(ch)) throw new Error(`'${text}' is not a Chinese numeral`);
  }
  const plain = text.replace(/两/g, '二');
  if (/^[零〇]+$/.test(plain)) return 0;
  const n = Number(Nzh.cn.decodeS(plain));
  if (!Number.isFinite(n) || n === 0) {
    throw new Error(`'${text}' is not a Chinese numeral`);
  }
  return n;
}

/**
 * Splits a Chinese numeral into mantissa and scale. A numeral made only of scale characters is
 * all scale (千亿 -> 1 x 1e11, 百万 -> 1 x 1e6); otherwise a trailing 万/亿 run is the scale
 * (三千八百九十亿 -> 3890 x 1e8) and the rest is decoded (五万七千 -> 57000 x 1).
 */
export function splitChineseNumeral(text: string): { mantissa: number; scale: Big } {
  if ([...text].every((ch) => CHINESE_SCALE_CHARS.includes(ch))) {
    return { mantissa: 1, scale: scaleFactor(text) };
  }
  const m = /^(.*?)([万亿]*)$/.exec(text)!;
  return { mantissa: decodeChineseNumeral(m[1]), scale: scaleFactor(m[2]) };
}
