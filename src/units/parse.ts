/**
 * Parser for amounts as Chinese coverage writes them, in simplified or traditional script:
 * `超50亿元`, `5343.7萬美元`, `200-300亿元`, `近4万辆`, `11B`, `96.11%`, `1元/百万token`, `千亿`.
 *
 * Grammar (after normalisation): [qualifier] [每秒] [-] number [多|余|+] [unit] [qualifier] [级|级别]
 * where number is a decimal with an optional scale (万, 亿, 千亿, K, M, B, T), a range of two
 * such (`-`, `~`, `至`, `到`; a left side without scale takes the right side's scale), a fraction
 * (`1/3`), a Chinese numeral (`千亿`, `两`, `三千八百九十亿`) or a vague numeral (`数亿`).
 *
 * Readings:
 * - value is the stated number in base units; for a range the midpoint.
 * - over / at-least: low = value, high = null; nearly / at-most: low = null, high = value;
 *   exact and approx: low = high = value; range: the two ends as written (a reversed range is
 *   returned as written, low > high, for the caller to reject).
 * - vague `数` or `几` before a scale S (`数亿`, `数十亿`) reads as "several": low 2S, high 9S,
 *   value the midpoint 5.5S, qualifier `estimate`.
 * - an order of magnitude `亿元级别` / `百万级` reads as low S, high 10S, value S, `estimate`.
 * - half, `半` or `半数` (超半数, 过半), reads as 50 percent.
 * - ranks: `第二名` is 2 rank, `前八` (top eight) is at-most 8; `登顶` (reached the top) and `榜首`
 *   (top of the list) are rank 1.
 * - money per token (`1元/百万token`) is divided by its denominator: 1e-6 CNY per token.
 * - calendar dates `2025年7月31日` and `2023年4月` are unit `date`, in days since 1970-01-01 (UTC):
 *   a day is that day (exact), a month the range of its days (2023年4月 is [19448, 19477]).
 * - `每秒` before or `/s` after a unit makes it a rate: `每秒350个token` is 350 tokens/s.
 * `scale` is the factor from the written digits to the base value (5343.7万 -> 1e4,
 * 千亿 -> 1e11, 1元/百万token -> 1e-6).
 */
import Big from 'big.js';
import type { Currency, Qualifier } from '../types';
import { normalizeQuantityText } from './normalize';
import { combineQualifiers, boundsFor, INFIX_OVER, stripPrefixQualifier, stripSuffixQualifier } from './qualifier';
import { scaleFactor, splitChineseNumeral, CHINESE_NUMERAL_CHARS } from './scale';
import { CURRENCY_WORDS, lookupUnitWord } from './unit-words';

export interface ParsedQuantity {
  /** the text as given */
  text: string;
  /** stated number in base units; midpoint of a range */
  value: number;
  /** lower bound in base units; null when unbounded below */
  low: number | null;
  /** upper bound in base units; null when unbounded above */
  high: number | null;
  qualifier: Qualifier;
  /** base unit the text implies (money, parameters, percent, ...); null when it names none */
  unit: string | null;
  /** currency named by the text, for money */
  currency: Currency | null;
  /** factor from the written digits to the base value */
  scale: number;
}

/** Error for text that is no quantity; `text` is the input, `reason` what went wrong. */
export class QuantityParseError extends Error {
  constructor(public readonly text: string, public readonly reason: string) {
    super(`cannot parse '${text}': ${reason}`);
    this.name = 'QuantityParseError';
  }
}

const NUM = '\\d+(?:\\.\\d+)?';
const SCALE = '(?:[十百千万亿]+|[KkMBbT](?=$|[^A-Za-z]|token))';
const SEP = '(?:-|–|—|~|至|到)';
const RANGE_RE = new RegExp(`^(${NUM})(${SCALE})?${SEP}(${NUM})(${SCALE})?`);
const SINGLE_RE = new RegExp(`^(${NUM})(${SCALE})?`);
const SCALE_RE = new RegExp(`^${SCALE}`);
const FRACTION_RE = /^(\d+)\/(\d+)(?![\d.])/;
const VAGUE_RE = /^[数几]([十百千万亿]+)/;
const CHINESE_RE = new RegExp(`^[${CHINESE_NUMERAL_CHARS}]+`);
const LEVEL_RE = /(级别|级)$/;

interface NumberPart {
  low: Big;
  high: Big;
  value: Big;
  scale: Big;
  kind: 'single' | 'range' | 'vague';
  /** a 多/余/+ after the digits (30多款): over */
  over: boolean;
  rest: string;
}

const HALF_RE = /^半数?/;

function readNumber(s: string, fail: (why: string) => never): NumberPart {
  const half = HALF_RE.exec(s);
  if (half) {
    const v = new Big(50);
    return { low: v, high: v, value: v, scale: new Big(1), kind: 'single', over: false, rest: s.slice(half[0].length) || '%' };
  }
  let m = RANGE_RE.exec(s);
  if (m) {
    const rightScale = scaleFactor(m[4] ?? '');
    const leftScale = m[2] !== undefined ? scaleFactor(m[2]) : rightScale;
    if (m[2] !== undefined && m[4] === undefined) fail(`range '${m[0]}' has a scale only on its left side`);
    const low = new Big(m[1]).times(leftScale);
    const high = new Big(m[3]).times(rightScale);
    return { low, high, value: low.plus(high).div(2), scale: rightScale, kind: 'range', over: false, rest: s.slice(m[0].length) };
  }
  m = FRACTION_RE.exec(s);
  if (m) {
    if (/^0+$/.test(m[2])) fail('division by zero');
    const v = new Big(m[1]).div(m[2]);
    return { low: v, high: v, value: v, scale: new Big(1), kind: 'single', over: false, rest: s.slice(m[0].length) };
  }
  m = SINGLE_RE.exec(s);
  if (m) {
    const v = new Big(m[1]);
    let rest = s.slice(m[0].length);
    let scale = scaleFactor(m[2] ?? '');
    let over = false;
    const infix = INFIX_OVER.find((w) => rest.startsWith(w));
    if (infix !== undefined) {
      over = true;
      rest = rest.slice(infix.length);
      const sm = m[2] === undefined ? SCALE_RE.exec(rest) : null;
      if (sm) { scale = scaleFactor(sm[0]); rest = rest.slice(sm[0].length); }
    }
    const x = v.times(scale);
    return { low: x, high: x, value: x, scale, kind: 'single', over, rest };
  }
  m = VAGUE_RE.exec(s);
  if (m) {
    const scale = scaleFactor(m[1]);
    const low = scale.times(2);
    const high = scale.times(9);
    return { low, high, value: low.plus(high).div(2), scale, kind: 'vague', over: false, rest: s.slice(m[0].length) };
  }
  m = CHINESE_RE.exec(s);
  if (m) {
    let split;
    try { split = splitChineseNumeral(m[0]); } catch (e) { fail((e as Error).message); }
    const x = new Big(split.mantissa).times(split.scale);
    return { low: x, high: x, value: x, scale: split.scale, kind: 'single', over: false, rest: s.slice(m[0].length) };
  }
  return fail('no number found');
}

interface UnitPart {
  unit: string | null;
  currency: Currency | null;
  factor: Big;
}

function readUnit(rest: string, perSecond: boolean, fail: (why: string) => never): UnitPart {
  let unit: UnitPart;
  if (rest === '') {
    unit = { unit: null, currency: null, factor: new Big(1) };
  } else {
    const cur = CURRENCY_WORDS.find(([w]) => rest.startsWith(w));
    if (cur && rest.length === cur[0].length) {
      unit = { unit: 'money', currency: cur[1], factor: new Big(1) };
    } else if (cur && rest[cur[0].length] === '/') {
      const per = rest.slice(cur[0].length + 1).replace(/^每/, '');
      const pm = new RegExp(`^(${NUM})?(${SCALE})?(tokens?|个token)$`, 'i').exec(per);
      if (!pm || (pm[1] === undefined && pm[2] === undefined && per === '')) fail(`unknown unit '${rest}'`);
      const denom = new Big(pm[1] ?? '1').times(scaleFactor(pm[2] ?? ''));
      if (denom.eq(0)) fail('division by zero');
      unit = { unit: 'money/token', currency: cur[1], factor: new Big(1).div(denom) };
    } else {
      const w = lookupUnitWord(rest);
      if (!w) fail(`unknown unit '${rest}'`);
      unit = { unit: w.unit, currency: w.currency ?? null, factor: new Big(w.factor ?? 1) };
    }
  }
  if (perSecond) {
    if (unit.unit === null || unit.unit.includes('/')) fail(`'每秒' needs a plain unit, found '${rest}'`);
    unit = { ...unit, unit: `${unit.unit}/s` };
  }
  return unit;
}

const DATE_RE = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/;
const DAY_MS = 86_400_000;

/** A calendar date written 2025年7月31日 or 2023年4月, in days since 1970-01-01; null when not one. */
function readDate(s: string, text: string): ParsedQuantity | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  const first = Date.UTC(y, mo - 1, m[3] === undefined ? 1 : Number(m[3])) / DAY_MS;
  const back = new Date(first * DAY_MS);
  if (mo < 1 || mo > 12 || back.getUTCMonth() !== mo - 1 || (m[3] !== undefined && back.getUTCDate() !== Number(m[3]))) {
    throw new QuantityParseError(text, 'not a calendar date');
  }
  if (m[3] !== undefined) return { text, value: first, low: first, high: first, qualifier: 'exact', unit: 'date', currency: null, scale: 1 };
  const last = Date.UTC(y, mo, 0) / DAY_MS;
  return { text, value: (first + last) / 2, low: first, high: last, qualifier: 'range', unit: 'date', currency: null, scale: 1 };
}

/** Words that name first place without a numeral: reached the top, top of the list. */
export const TOP_OF_LIST: ReadonlySet<string> = new Set(['登顶', '榜首']);

/** Parses an amount as written in Chinese coverage into base units; throws QuantityParseError. */
export function parseQuantity(text: string): ParsedQuantity {
  const fail = (why: string): never => { throw new QuantityParseError(text, why); };
  if (typeof text !== 'string' || text.trim() === '') fail('empty quantity');
  let s = normalizeQuantityText(text);
  const date = readDate(s, text);
  if (date) return date;
  if (TOP_OF_LIST.has(s)) return { text, value: 1, low: 1, high: 1, qualifier: 'exact', unit: 'rank', currency: null, scale: 1 };
  let level = false;
  const lm = LEVEL_RE.exec(s);
  if (lm && s.length > lm[0].length) { level = true; s = s.slice(0, s.length - lm[0].length); }
  let pre: Qualifier | null;
  let post: Qualifier | null;
  try {
    const p = stripPrefixQualifier(s);
    const q = stripSuffixQualifier(p.rest);
    pre = p.qualifier;
    post = q.qualifier;
    s = q.rest;
  } catch (e) {
    return fail((e as Error).message);
  }
  let perSecond = false;
  if (s.startsWith('每秒')) { perSecond = true; s = s.slice(2); }
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('负')) { sign = -1; s = s.slice(1); }

  const num = readNumber(s, fail);
  const unit = readUnit(num.rest, perSecond, fail);

  let qualifier: Qualifier;
  try {
    const stated = combineQualifiers(text, pre, post, num.over ? 'over' : null);
    const implied: Qualifier = num.kind === 'range' ? 'range' : num.kind === 'vague' || level ? 'estimate' : 'exact';
    if (num.kind === 'vague' && stated) fail(`a vague numeral cannot take the qualifier '${stated}'`);
    qualifier = stated ?? implied;
  } catch (e) {
    if (e instanceof QuantityParseError) throw e;
    return fail((e as Error).message);
  }

  const k = unit.factor.times(sign);
  const value = num.value.times(k).toNumber();
  let low: number | null;
  let high: number | null;
  if (num.kind === 'range' || num.kind === 'vague') {
    low = num.low.times(k).toNumber();
    high = num.high.times(k).toNumber();
  } else if (level) {
    low = value;
    high = num.value.times(10).times(k).toNumber();
  } else {
    ({ low, high } = boundsFor(qualifier, value));
  }
  if (sign < 0 && low !== null && high !== null && num.kind !== 'range') [low, high] = [high, low];
  return {
    text,
    value,
    low,
    high,
    qualifier,
    unit: unit.unit,
    currency: unit.currency,
    scale: num.scale.times(unit.factor).toNumber(),
  };
}
