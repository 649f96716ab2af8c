/**
 * Display of values in base units. Money and counts use Chinese scale words with the currency
 * code after the number (5e9 CNY -> "50亿 CNY", 53437000 USD -> "5343.7万 USD",
 * 4.2e7 devices -> "4200万 devices"); parameters and tokens use K/M/B/T (1.1e10 -> "11B
 * parameters", 128000 -> "128K tokens"); money per token is shown per million tokens
 * (1e-6 CNY -> "1 CNY/M tokens"); percent as "96.11%", multiples as "25x". At most four
 * decimals, trailing zeros dropped. A missing value shows as "—".
 */
import Big from 'big.js';
import type { Currency } from '../types';

const CN_STEPS: Array<[number, string]> = [[1e12, '万亿'], [1e8, '亿'], [1e4, '万']];
const LATIN_STEPS: Array<[number, string]> = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];

function decimal(v: Big): string {
  return v.round(4).toFixed().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

function scaled(value: number, steps: Array<[number, string]>): string {
  const abs = Math.abs(value);
  for (const [factor, word] of steps) {
    if (abs >= factor) return decimal(new Big(value).div(factor)) + word;
  }
  return decimal(new Big(value));
}

/** Number with a Chinese scale word: 5e9 -> "50亿", 53437000 -> "5343.7万". */
export function formatChineseScale(value: number): string {
  return scaled(value, CN_STEPS);
}

/** Number with a K/M/B/T suffix: 1.1e10 -> "11B", 128000 -> "128K". */
export function formatLatinScale(value: number): string {
  return scaled(value, LATIN_STEPS);
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

/** Human-readable value with unit and currency (see the module comment for the forms). */
export function formatQuantity(value: number | null, unit: string | null, currency?: Currency | null): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) throw new Error(`cannot format ${value}`);
  switch (unit) {
    case 'money':
      return `${formatChineseScale(value)} ${currency ?? '(no currency)'}`;
    case 'money/token':
      return `${decimal(new Big(value).times(1e6))} ${currency ?? '(no currency)'}/M tokens`;
    case 'percent':
      return `${decimal(new Big(value))}%`;
    case 'multiple':
      return `${decimal(new Big(value))}x`;
    case 'parameters':
    case 'tokens':
      return `${formatLatinScale(value)} ${unit}`;
    case 'date':
      return isoDay(value);
    case null:
    case undefined:
    case '':
      return formatChineseScale(value);
    default:
      return `${formatChineseScale(value)} ${unit}`;
  }
}

/** One value in the unit's display form; `rate` (a fraction) shows as percent. */
export function formatValue(value: number | null, unit: string, currency: Currency | null = null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === 'rate') return `${Number((value * 100).toFixed(1))}%`;
  return formatQuantity(value, unit, currency);
}

export interface RangeLike {
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string;
  currency: Currency | null;
}

/**
 * `20x – 30x (point 25x)`, `≥ 50亿 CNY`, `≤ 5x` or a single value. The point is the stated
 * value: a fact's number as written (the midpoint of a written range), a derived row's formula
 * on its inputs' stated values.
 */
export function formatRange(r: RangeLike): string {
  const f = (v: number | null) => formatValue(v, r.unit, r.currency);
  if (r.unit === 'date' && r.low !== null && r.high !== null) {
    const month = wholeMonth(r.low, r.high);
    if (month) return month;
  }
  if (r.low !== null && r.high !== null) {
    if (r.low === r.high) return f(r.low);
    return `${f(r.low)} – ${f(r.high)} (point ${f(r.value)})`;
  }
  if (r.low !== null) return `≥ ${f(r.low)}`;
  if (r.high !== null) return `≤ ${f(r.high)}`;
  return f(r.value);
}
