/**
 * Numbers in audit messages, written the way an analyst checks them by hand: parameters in B
 * (389B), bytes in GB (321GB), counts and money with the scale words of the articles (1.1万亿,
 * 73万, 10亿 CNY), percentages with %, multiples with x; four significant digits.
 */
import * as I from '../metrics/interval';
import { scaledTrim, trimSig } from '../units/format';
type Interval = I.Interval;

/** `x` to four significant digits, without exponent or trailing zeros. */
export function sig(x: number, digits = 4): string {
  return trimSig(x, digits);
}

/** A plain number with the articles' scale words: 1614万, 1.1万亿, 1.953. */
export function scaled(x: number, digits = 4): string {
  return scaledTrim(x, 'chinese', digits);
}

/** Units written after the number as a word (`6万亿 tokens`, `[2.5, 3.5] companies`). */
function wordUnit(unit: string | null): boolean {
  return !!unit && !['bytes', 'parameters', 'percent', 'multiple', 'money', 'score'].includes(unit) && !unit.includes('/');
}

function bare(x: number, unit: string | null, currency: string | null | undefined, digits: number): string {
  if (!Number.isFinite(x)) return sig(x);
  switch (unit) {
    case 'bytes': {
      const a = Math.abs(x);
      if (a >= 1e12) return `${sig(x / 1e12, digits)}TB`;
      if (a >= 1e9) return `${sig(x / 1e9, digits)}GB`;
      if (a >= 1e6) return `${sig(x / 1e6, digits)}MB`;
      return `${sig(x, digits)} bytes`;
    }
    case 'parameters': return `${sig(x / 1e9, digits)}B`;
    case 'percent': return `${sig(x, digits)}%`;
    case 'multiple': return `${sig(x, digits)}x`;
    case 'money': return `${scaled(x, digits)}${currency ? ` ${currency}` : ''}`;
    default: return wordUnit(unit) ? scaled(x, digits) : sig(x, digits);
  }
}

/**
 * One number in the unit of a claim or fact: `321GB`, `389B`, `53.1%`, `23.5x`, `10亿 CNY`,
 * `6万亿 tokens`, `4 companies`.
 */
export function formatAmount(x: number, unit: string | null, currency?: string | null, digits = 4): string {
  const b = bare(x, unit, currency, digits);
  return wordUnit(unit) && Number.isFinite(x) ? `${b} ${unit}` : b;
}

/**
 * A point as one number, an interval as `[lo, hi]` with open sides `(-inf` / `+inf)`, a word
 * unit written once after it; enough digits that rounding does not blur the ends
 * (`[3889.5B, 3890.5B]`, not `[3890B, 3891B]`).
 */
export function formatRange(x: Interval, unit: string | null, currency?: string | null): string {
  if (x.lo === x.hi) return formatAmount(x.lo, unit, currency);
  // more digits while rounding moves an end by more than 1% of the width ([3889.5, 3890.5])
  let digits = 4;
  const off = (v: number, d: number): number => Math.abs(Number(v.toPrecision(d)) - v);
  while (digits < 8 && I.isBounded(x) && Math.max(off(x.lo, digits), off(x.hi, digits)) > 0.01 * (x.hi - x.lo)) digits++;
  const lo = Number.isFinite(x.lo) ? `[${bare(x.lo, unit, currency, digits)}` : '(-inf';
  const hi = Number.isFinite(x.hi) ? `${bare(x.hi, unit, currency, digits)}]` : '+inf)';
  return `${lo}, ${hi}${wordUnit(unit) ? ` ${unit}` : ''}`;
}
