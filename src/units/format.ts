/**
 * The one formatting core: every number a person reads (CLI tables, the report, notebooks, chart
 * labels, audit messages) is written by the functions of this module. `--json` outputs keep the
 * full numbers and never pass through here.
 *
 * API (values in base units, as stored):
 *
 *   formatNumber(value, unit, currency?, opts?)   one value in its unit
 *     money        'USD 2.94bn', 'CNY 5.0bn', 'HKD 95.5bn'   (opts.money 'code', the default)
 *                  '29.4亿美元', '50亿元', '955亿港元'           (opts.money 'chinese')
 *     multiple     '25.0x', '704x'
 *     percent      '53.1%' (stored in percent: 53.1)     rate  '26.0%' (stored as a fraction: 0.26)
 *     parameters   '11.0B parameters'; tokens '128K tokens'; bytes '8.00GB'
 *     money/token  'CNY 1.00/M tokens'; counts '42.0m devices' ('4200万 devices' in 'chinese')
 *   formatInterval({ low, high, value? }, unit, currency?, opts?)
 *                  '20–30x', 'USD 12.2–19.2bn', '≥ 704x', '≤ CNY 100bn', a point when low = high;
 *                  opts.point adds the stated value: '20–30x (point 25.0x)'
 *   formatColumn(values, unit, currency?, opts?)   one scale for a whole column (never 万 next to
 *                  亿, never m next to bn): ['USD 2.94bn', 'USD 0.07bn']
 *   precisionOf('5343.7万美元') = 5: the significant digits a source wrote; pass it as
 *                  opts.digits to show a stated number no more precisely than it was given
 *                  (never fewer than 2: '50亿元' -> 'CNY 5.0bn').
 *
 * Options: `money` ('code' | 'chinese'), `digits` (significant digits, default 3), `scale` (force a
 * scale, as formatColumn does). Significant digits keep trailing zeros for a single value
 * ('25.0x') and are trimmed at both ends of an interval of whole numbers ('20–30x'); a number
 * with more integer digits than `digits` is rounded to a whole number, never written with an
 * exponent (1234x). A missing value is '—'.
 *
 * The older helpers (formatQuantity, formatValue, formatRange, formatChineseScale,
 * formatLatinScale) and the audit's and charts' number helpers (src/audit/numbers.ts,
 * src/charts/quantityText.ts) are built on the primitives here.
 */
import Big from 'big.js';
import type { Currency } from '../types';

export type MoneyStyle = 'code' | 'chinese';

export interface FormatOptions {
  /** 'code': `USD 2.94bn` (default); 'chinese': `29.4亿美元` */
  money?: MoneyStyle;
  /** significant digits (default 3) */
  digits?: number;
  /** a fixed scale for every value (see formatColumn); a key of SCALES */
  scale?: ScaleName;
}

export interface IntervalOptions extends FormatOptions {
  /** append the stated value: `20–30x (point 25.0x)` */
  point?: boolean;
}

export const DEFAULT_DIGITS = 3;

/** Scale words by style, largest first. */
const LATIN_MONEY: Array<[number, string]> = [[1e12, 'tn'], [1e9, 'bn'], [1e6, 'm'], [1e3, 'k']];
const CHINESE: Array<[number, string]> = [[1e12, '万亿'], [1e8, '亿'], [1e4, '万']];
const LATIN_UPPER: Array<[number, string]> = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];

export type ScaleName = 'tn' | 'bn' | 'm' | 'k' | '万亿' | '亿' | '万' | 'T' | 'B' | 'M' | 'K' | '';
const SCALE_FACTOR: Record<ScaleName, number> = {
  tn: 1e12, bn: 1e9, m: 1e6, k: 1e3, 万亿: 1e12, 亿: 1e8, 万: 1e4, T: 1e12, B: 1e9, M: 1e6, K: 1e3, '': 1,
};

const CHINESE_CURRENCY: Record<Currency, string> = { CNY: '元', USD: '美元', HKD: '港元' };

// ---------------------------------------------------------------------------------------------
// primitives

/**
 * `x` to `digits` significant digits without an exponent, trailing zeros kept (25 -> '25.0'); a
 * number with more integer digits than `digits` is rounded to a whole number (1234.5 -> '1235').
 */
export function fixedSig(x: number, digits = DEFAULT_DIGITS): string {
  if (!Number.isFinite(x)) return x > 0 ? '+inf' : x < 0 ? '-inf' : '—';
  if (x === 0) return digits > 1 ? `0.${'0'.repeat(digits - 1)}` : '0';
  if (Math.abs(x) >= 10 ** digits) return new Big(Math.round(x)).toFixed(0);
  const r = Number(x.toPrecision(digits));
  const magnitude = Math.floor(Math.log10(Math.abs(r)));
  if (magnitude >= digits - 1) return new Big(r).toFixed(0);
  return new Big(r).toFixed(Math.min(20, digits - 1 - magnitude));
}

/** `x` to `digits` significant digits, trailing zeros dropped (25 -> '25', 1.953 -> '1.953'). */
export function trimSig(x: number, digits = DEFAULT_DIGITS): string {
  if (!Number.isFinite(x)) return x > 0 ? '+inf' : x < 0 ? '-inf' : '—';
  if (x === 0) return '0';
  const r = Number(x.toPrecision(digits));
  const abs = Math.abs(r);
  if (abs >= 1e-4 && abs < 1e15) {
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
    return r.toFixed(Math.min(decimals, 20)).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  }
  return String(r);
}

/** Up to four decimals, trailing zeros dropped (1/3 -> '0.3333'). */
function decimal4(v: number): string {
  return new Big(v).round(4).toFixed().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** The largest step that `abs` reaches, or none. */
function pickScale(abs: number, steps: Array<[number, string]>): [number, string] {
  for (const s of steps) if (abs >= s[0]) return s;
  return [1, ''];
}

/** A number with the first scale word of `steps` it reaches, `digits` significant digits trimmed. */
export function scaledTrim(x: number, steps: 'chinese' | 'latin' | 'upper', digits = DEFAULT_DIGITS): string {
  const table = steps === 'chinese' ? CHINESE : steps === 'latin' ? LATIN_MONEY : LATIN_UPPER;
  const [f, w] = pickScale(Math.abs(x), table);
  return `${trimSig(x / f, digits)}${w}`;
}

/** Significant digits of a number as a source writes it: '5343.7万美元' -> 5, '50亿元' -> 1, '25倍' -> 2. */
export function precisionOf(written: string | null | undefined): number | null {
  if (!written) return null;
  const m = /\d+(?:\.\d+)?/.exec(written.replace(/,/g, ''));
  if (!m) return null;
  const digits = m[0].replace('.', '').replace(/^0+/, '');
  const intPart = m[0].split('.')[0];
  // trailing zeros of a whole number are not significant (50 -> 1); of a decimal they are (5.0 -> 2)
  const sig = m[0].includes('.') ? digits.length : intPart.replace(/^0+/, '').replace(/0+$/, '').length;
  return Math.max(1, sig);
}

/** Digits for a stated number: the precision it was written with, at least 2 (50亿 -> 'CNY 5.0bn'). */
export function statedDigits(written: string | null | undefined): number {
  return Math.max(2, precisionOf(written) ?? DEFAULT_DIGITS);
}

// ---------------------------------------------------------------------------------------------
// scales

function moneySteps(style: MoneyStyle): Array<[number, string]> {
  return style === 'chinese' ? CHINESE : LATIN_MONEY;
}

function stepsFor(unit: string | null, style: MoneyStyle): Array<[number, string]> | null {
  switch (unit) {
    case 'money': return moneySteps(style);
    case 'parameters': case 'tokens': return LATIN_UPPER;
    case 'percent': case 'multiple': case 'rate': case 'bytes': case 'money/token':
    case 'score': case 'rank': case 'seconds': case 'hours': case 'months': case 'years':
      return null;
    default: return moneySteps(style);
  }
}

/** The scale a value (or the largest of a column) takes in `unit`. */
export function scaleFor(maxAbs: number, unit: string | null, opts: FormatOptions = {}): ScaleName {
  const steps = stepsFor(unit, opts.money ?? 'code');
  if (!steps || !Number.isFinite(maxAbs)) return '';
  return pickScale(maxAbs, steps)[1] as ScaleName;
}

// ---------------------------------------------------------------------------------------------
// values

function moneyText(num: string, scale: ScaleName, currency: Currency | null | undefined, style: MoneyStyle): string {
  if (style === 'chinese') return `${num}${scale}${currency ? CHINESE_CURRENCY[currency] : ''}`;
  return `${currency ?? '(no currency)'} ${num}${scale}`;
}

function bytesText(x: number, digits: number, fmt: (v: number, d: number) => string): string {
  const a = Math.abs(x);
  if (a >= 1e12) return `${fmt(x / 1e12, digits)}TB`;
  if (a >= 1e9) return `${fmt(x / 1e9, digits)}GB`;
  if (a >= 1e6) return `${fmt(x / 1e6, digits)}MB`;
  return `${fmt(x, digits)} bytes`;
}

/** `num` with its unit around it (the number already scaled by `scale`). */
function wrap(num: string, unit: string | null, currency: Currency | null | undefined, scale: ScaleName, style: MoneyStyle): string {
  switch (unit) {
    case 'money': return moneyText(num, scale, currency, style);
    case 'multiple': return `${num}x`;
    case 'percent': case 'rate': return `${num}%`;
    case 'money/token': return `${currency ?? '(no currency)'} ${num}/M tokens`;
    case null: case undefined: case '': return `${num}${scale}`;
    default: return `${num}${scale} ${unit}`;
  }
}

/** The number shown for `x` in `unit` before scaling: rate (a fraction) in percent, money/token per million. */
function displayed(x: number, unit: string | null): number {
  if (unit === 'rate') return x * 100;
  if (unit === 'money/token') return x * 1e6;
  return x;
}

const DAY_MS = 86_400_000;

/** A `date` value (days since 1970-01-01) as `YYYY-MM-DD`. */
function isoDay(days: number): string {
  return new Date(Math.round(days) * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM` when [low, high] are the first and last day of one month, else null. */
function wholeMonth(low: number, high: number): string | null {
  const a = new Date(low * DAY_MS);
  const b = new Date((high + 1) * DAY_MS);
  const first = a.getUTCDate() === 1 && b.getUTCDate() === 1;
  const next = (a.getUTCMonth() + 1) % 12 === b.getUTCMonth() && b.getTime() - a.getTime() <= 31 * DAY_MS;
  return Number.isInteger(low) && Number.isInteger(high) && first && next ? isoDay(low).slice(0, 7) : null;
}

/** One value in its unit (see the module comment). */
export function formatNumber(value: number | null | undefined, unit: string | null, currency?: Currency | null, opts: FormatOptions = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const digits = opts.digits ?? DEFAULT_DIGITS;
  const style = opts.money ?? 'code';
  if (!Number.isFinite(value)) return value > 0 ? '+inf' : '-inf';
  if (unit === 'bytes') return bytesText(value, digits, fixedSig);
  if (unit === 'date') return isoDay(value);
  const x = displayed(value, unit);
  const scale = opts.scale ?? scaleFor(Math.abs(x), unit, opts);
  return wrap(fixedSig(x / SCALE_FACTOR[scale], digits), unit, currency, scale, style);
}

/** Money: 'USD 2.94bn' or '29.4亿美元'. */
export function formatMoney(value: number | null, currency: Currency | null, opts: FormatOptions = {}): string {
  return formatNumber(value, 'money', currency, opts);
}

/** A multiple: 25 -> '25.0x'. */
export function formatMultiple(value: number | null, opts: FormatOptions = {}): string {
  return formatNumber(value, 'multiple', null, opts);
}

/** A percentage kept in percent: 53.101 -> '53.1%'. */
export function formatPercent(value: number | null, opts: FormatOptions = {}): string {
  return formatNumber(value, 'percent', null, opts);
}

export interface IntervalLike {
  low: number | null;
  high: number | null;
  /** the stated value (shown with `point`, and when both bounds are missing) */
  value?: number | null;
}

/**
 * Each end to `digits` significant digits; when both are whole numbers at that precision, no
 * decimals at all ('20–30', '12.2–19.2', '5.45–14.0').
 */
function pairText(lo: number, hi: number, digits: number): [string, string] {
  const a = fixedSig(lo, digits);
  const b = fixedSig(hi, digits);
  const whole = (s: string) => /^-?\d+(\.0+)?$/.test(s);
  if (whole(a) && whole(b)) return [String(Math.round(Number(a))), String(Math.round(Number(b)))];
  return [a, b];
}

/**
 * An interval in one unit and one scale: '20–30x', 'USD 12.2–19.2bn', '122–192亿美元', '≥ 704x',
 * '≤ CNY 100bn'; a single value when low = high; `opts.point` appends the stated value.
 */
export function formatInterval(r: IntervalLike, unit: string | null, currency?: Currency | null, opts: IntervalOptions = {}): string {
  const digits = opts.digits ?? DEFAULT_DIGITS;
  const style = opts.money ?? 'code';
  const one = (v: number | null | undefined) => formatNumber(v, unit, currency, opts);
  const pointText = opts.point && r.value !== null && r.value !== undefined ? ` (point ${one(r.value)})` : '';
  const { low, high } = r;
  if (low !== null && high !== null && Number.isFinite(low) && Number.isFinite(high)) {
    if (low === high) return one(low);
    if (unit === 'date') return wholeMonth(low, high) ?? `${one(low)} – ${one(high)}${pointText}`;
    if (unit === 'bytes') return `${one(low)}–${one(high)}${pointText}`;
    const lo = displayed(low, unit);
    const hi = displayed(high, unit);
    const scale = opts.scale ?? scaleFor(Math.max(Math.abs(lo), Math.abs(hi)), unit, opts);
    const [a, b] = pairText(lo / SCALE_FACTOR[scale], hi / SCALE_FACTOR[scale], digits);
    return `${wrap(`${a}–${b}`, unit, currency, scale, style)}${pointText}`;
  }
  if (low !== null && Number.isFinite(low)) return `≥ ${one(low)}${pointText}`;
  if (high !== null && Number.isFinite(high)) return `≤ ${one(high)}${pointText}`;
  return one(r.value ?? null);
}

/**
 * A whole column in one scale, chosen by its largest value: [2.94e9, 7.12e7] USD ->
 * ['USD 2.94bn', 'USD 0.0712bn']. Missing values are '—'.
 */
export function formatColumn(values: ReadonlyArray<number | null>, unit: string | null, currency?: Currency | null, opts: FormatOptions = {}): string[] {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v)).map((v) => Math.abs(displayed(v, unit)));
  const scale = opts.scale ?? scaleFor(finite.length ? Math.max(...finite) : 0, unit, opts);
  return values.map((v) => formatNumber(v, unit, currency, { ...opts, scale }));
}

/** The scale formatColumn would choose for these values (for intervals in the same column). */
export function columnScale(values: ReadonlyArray<number | null>, unit: string | null, opts: FormatOptions = {}): ScaleName {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v)).map((v) => Math.abs(displayed(v, unit)));
  return opts.scale ?? scaleFor(finite.length ? Math.max(...finite) : 0, unit, opts);
}

// ---------------------------------------------------------------------------------------------
// older helpers, built on the core

/** Number with a Chinese scale word and up to four decimals: 5e9 -> '50亿', 53437000 -> '5343.7万'. */
export function formatChineseScale(value: number): string {
  const [f, w] = pickScale(Math.abs(value), CHINESE);
  return decimal4(value / f) + w;
}

/** Number with a K/M/B/T suffix and up to four decimals: 1.1e10 -> '11B', 128000 -> '128K'. */
export function formatLatinScale(value: number): string {
  const [f, w] = pickScale(Math.abs(value), LATIN_UPPER);
  return decimal4(value / f) + w;
}

/** Human-readable value with unit and currency: formatNumber with the default options. */
export function formatQuantity(value: number | null, unit: string | null, currency?: Currency | null, opts: FormatOptions = {}): string {
  if (value !== null && !Number.isNaN(value) && !Number.isFinite(value)) throw new Error(`cannot format ${value}`);
  return formatNumber(value, unit, currency, opts);
}

/** One value in the unit's display form; `rate` (a fraction) shows as percent. */
export function formatValue(value: number | null, unit: string, currency: Currency | null = null, opts: FormatOptions = {}): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return formatNumber(value, unit, currency, opts);
}

export interface RangeLike {
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string;
  currency: Currency | null;
  /** the number as written; when given, a single value keeps the precision it was written with */
  quantity?: string | null;
}

/**
 * `20–30x (point 25.0x)`, `≥ CNY 5.0bn`, `≤ 5.00x` or a single value. The point is the stated
 * value: a fact's number as written (the midpoint of a written range), a derived row's formula
 * on its inputs' stated values.
 */
export function formatRange(r: RangeLike, opts: FormatOptions = {}): string {
  const digits = opts.digits ?? (r.quantity ? statedDigits(r.quantity) : DEFAULT_DIGITS);
  const point = r.low !== null && r.high !== null && r.low !== r.high;
  return formatInterval(r, r.unit, r.currency, { ...opts, digits, point });
}
