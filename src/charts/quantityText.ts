/**
 * Short Latin renderings of stated quantities for chart labels. Drawn chart text stays
 * Latin (see context.ts), so `超4200万台` is drawn as "over 42M"; the text as written is
 * in every tooltip.
 */
import type { Interval } from '../metrics/interval';
import type { Fact } from '../types';
import { trimSig } from '../units/format';

/** Up to 4 significant digits, no trailing zeros: 52.5, 3.6, 42. */
export function shortNumber(x: number): string {
  return trimSig(x, 4);
}

/** 4.2e7 -> "42M", 4e4 -> "40k", 1.3e8 -> "130M", 2.3e9 -> "2.3bn", 1000 -> "1000". */
export function compactCount(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e9) return `${shortNumber(x / 1e9)}bn`;
  if (a >= 1e6) return `${shortNumber(x / 1e6)}M`;
  if (a >= 1e4) return `${shortNumber(x / 1e3)}k`;
  return shortNumber(x);
}

/** Vega expression for axis labels in the style of compactCount (1k, 40M, 2bn). */
export const COMPACT_LABEL =
  "abs(datum.value) >= 1e9 ? format(datum.value / 1e9, '~g') + 'bn' : abs(datum.value) >= 1e6 ? format(datum.value / 1e6, '~g') + 'M' : abs(datum.value) >= 1e4 ? format(datum.value / 1e3, '~g') + 'k' : format(datum.value, '~g')";

const QUALIFIER_WORD: Record<string, string> = {
  over: 'over', 'at-least': 'at least', nearly: 'nearly', 'at-most': 'at most', approx: 'about', estimate: 'est.',
};

/** Suffix of a unit in a label: "%" for percent, "x" for multiples, else nothing. */
function unitSuffix(unit: string): string {
  return unit === 'percent' ? '%' : unit === 'multiple' ? 'x' : '';
}

/**
 * The stated quantity in Latin: qualifier word, compact number, and "%" / "x" for percent and
 * multiples. A range is "lo-hi"; a lower bound the qualifier column does not name (超 read
 * from the quantity) is "over".
 */
export function latinQuantity(f: Pick<Fact, 'value' | 'low' | 'high' | 'qualifier' | 'unit'>): string {
  const suffix = unitSuffix(f.unit);
  if (f.low !== null && f.high !== null && f.low !== f.high) return `${compactCount(f.low)}-${compactCount(f.high)}${suffix}`;
  const v = f.value ?? f.low ?? f.high;
  if (v === null) return 'no value';
  let word = QUALIFIER_WORD[f.qualifier];
  if (!word && f.low !== null && f.high === null) word = 'over';
  if (!word && f.high !== null && f.low === null) word = 'up to';
  return `${word ? word + ' ' : ''}${compactCount(v)}${suffix}`;
}

/**
 * A percent interval as a label: "52.5%", "over 52.5%" (open above), "3.6-4%", and
 * "nearly 4%" when the current value was stated as nearly (近).
 */
export function percentText(p: Interval, qualifier: string): string {
  if (!Number.isFinite(p.hi)) return `over ${shortNumber(p.lo)}%`;
  if (!Number.isFinite(p.lo) || qualifier === 'at-most') return `up to ${shortNumber(p.hi)}%`;
  if (qualifier === 'nearly') return `nearly ${shortNumber(p.hi)}%`;
  if (p.lo === p.hi) return `${shortNumber(p.lo)}%`;
  return `${shortNumber(p.lo)}-${shortNumber(p.hi)}%`;
}
