/**
 * Growth arithmetic over intervals. Rates are fractions (0.372 for 37.2%); multiples are
 * factors (20 for "20倍").
 */
import { add, div, interval, mul, point, pow, sub, type Interval } from './interval';

const ONE = point(1);

/** Period-over-period growth rate: next / prev - 1. */
export function growthRate(prev: Interval, next: Interval): Interval {
  return sub(div(next, prev), ONE);
}

/** Growth multiple: next / prev. */
export function growthMultiple(prev: Interval, next: Interval): Interval {
  return div(next, prev);
}

/** Factor after `periods` periods of growth `rate` each: (1 + rate)^periods. */
export function compound(rate: Interval, periods: number): Interval {
  return pow(add(ONE, rate), periods);
}

/** Compound annual growth rate from `start` to `end` over `years`: (end / start)^(1/years) - 1. */
export function cagr(start: Interval, end: Interval, years: number): Interval {
  if (!(years > 0)) throw new Error(`cagr: years must be positive, got ${years}`);
  return sub(pow(div(end, start), 1 / years), ONE);
}

/** Value after `years` at growth `rate`: start x (1 + rate)^years. */
export function cagrForward(start: Interval, rate: Interval, years: number): Interval {
  return mul(start, compound(rate, years));
}

/** Base value implied by an end value and a CAGR over `years`: end / (1 + rate)^years. */
export function cagrBackward(end: Interval, rate: Interval, years: number): Interval {
  return div(end, compound(rate, years));
}

/** Percent (170) to a rate (1.7). */
export function percentToRate(p: Interval): Interval {
  return interval(p.lo / 100, p.hi / 100);
}
