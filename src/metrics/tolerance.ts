/**
 * From a stated quantity (value, bounds, qualifier) to an interval.
 *
 * Two readings:
 * - `stated`: the bounds the article states, nothing added. exact / approx / estimate / target /
 *   forecast -> [v, v] (or the stated range); range -> [low, high]; over / at-least -> [v, +inf);
 *   nearly -> [v (1 - 10%), v] (近 needs some lower bound: "nearly 2000万" is read as at least
 *   1800万); at-most -> [0, v] for v >= 0, (-inf, v] otherwise. Inputs of a derivation enter
 *   with this reading, so a computed interval is the hand computation on the written numbers
 *   (200-300亿 / 10亿 = [20, 30]).
 * - `tolerant`: the stated reading widened by what the qualifier admits. This is how a claimed
 *   result is read before it is compared with a computation:
 *   exact: plus/minus half a unit of the last written digit (8.4倍 -> [8.35, 8.45],
 *     50亿 -> [49.5亿, 50.5亿], 96.11% -> [96.105, 96.115]); a fraction (1/3) gets none;
 *   approx: +/-10% (约25倍 -> [22.5, 27.5]);
 *   estimate / target / forecast: the stated bounds +/-10%;
 *   nearly: [v (1 - 10%), v]; over / at-least: [v, +inf) unless `overCap` caps it at v x overCap;
 *   at-most: as stated; range: as given.
 *
 * The labels approx, estimate, target and forecast (from the qualifier column) keep the bounds
 * the quantity is written with: a label on a one-sided quantity (超百万辆 as a forecast: low 1e6,
 * no high) reads as the written bound (stated [1e6, +inf)), and the label's +/-10% widens only
 * the closed side(s) (tolerant [9e5, +inf)). 近 v under a label reads as [v (1 - 10%), v] like
 * 近 v itself, 不到 v as [0, v]; the written text tells which when only an upper bound is given.
 */
import type { Qualifier } from '../types';
import { parseQuantity } from '../units/parse';
import { normalizeQuantityText } from '../units/normalize';
import { interval, widenRelative, type Interval } from './interval';

/** Relative tolerance of 约 / 左右 and of estimates, targets and forecasts. */
export const APPROX_TOLERANCE = 0.1;
/** 近 v reads as [v (1 - NEARLY_TOLERANCE), v]. */
export const NEARLY_TOLERANCE = 0.1;

export type Reading = 'stated' | 'tolerant';

export interface StatedQuantity {
  /** the number as written (needed for the rounding tolerance of exact values) */
  quantity?: string | null;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
}

export interface ToleranceOptions {
  /** upper cap for over / at-least as a factor of v (e.g. 1.5); default none (+inf) */
  overCap?: number | null;
  /** rounding tolerance for exact values: 'rounding' (default) or 'none' */
  exact?: 'rounding' | 'none';
}

/**
 * Half a unit of the last written digit of `quantity`, in base units: `8.4倍` -> 0.05,
 * `50亿元` -> 0.5e8, `千亿` -> 0.5e11, `1/3` -> 0. Null when the text cannot be read.
 */
export function roundingHalfUnit(quantity: string): number | null {
  let parsed;
  try {
    parsed = parseQuantity(quantity);
  } catch {
    return null;
  }
  const text = normalizeQuantityText(quantity);
  if (/\d+\/\d+/.test(text)) return 0;
  const m = /\d+(?:\.(\d+))?/.exec(text);
  const decimals = m && m[1] ? m[1].length : 0;
  return 0.5 * Math.pow(10, -decimals) * Math.abs(parsed.scale);
}

/** Qualifiers that label a quantity without setting its bounds. */
const LABELS: readonly Qualifier[] = ['approx', 'estimate', 'target', 'forecast'];

/**
 * The bound a labelled quantity is written with, from its open side: only a lower bound ->
 * over; only an upper bound -> nearly when the text reads 近 v, else at-most; null when both
 * sides are given (a point or a range).
 */
function writtenBound(q: StatedQuantity): Qualifier | null {
  if (q.low !== null && q.high === null) return 'over';
  if (q.low === null && q.high !== null) {
    let written: Qualifier | null = null;
    if (q.quantity) {
      try { written = parseQuantity(q.quantity).qualifier; } catch { written = null; }
    }
    return written === 'nearly' ? 'nearly' : 'at-most';
  }
  return null;
}

function statedBounds(q: StatedQuantity): Interval {
  const v = q.value;
  if (LABELS.includes(q.qualifier)) {
    const bound = writtenBound(q);
    if (bound) return statedBounds({ ...q, qualifier: bound });
  }
  switch (q.qualifier) {
    case 'over':
    case 'at-least': {
      const lo = q.low ?? v;
      if (lo === null) throw new Error('over / at-least quantity without a value');
      return interval(lo, null);
    }
    case 'nearly': {
      const hi = q.high ?? v;
      if (hi === null) throw new Error('nearly quantity without a value');
      return interval(hi - Math.abs(hi) * NEARLY_TOLERANCE, hi);
    }
    case 'at-most': {
      const hi = q.high ?? v;
      if (hi === null) throw new Error('at-most quantity without a value');
      return interval(hi >= 0 ? 0 : null, hi);
    }
    default: {
      const lo = q.low ?? v;
      const hi = q.high ?? v;
      if (q.low === null && q.high === null && v === null) throw new Error('quantity without a value');
      return interval(lo, hi);
    }
  }
}

/** Interval of a stated quantity under the given reading (see the module comment). */
export function quantityInterval(q: StatedQuantity, reading: Reading = 'stated', opts: ToleranceOptions = {}): Interval {
  const base = statedBounds(q);
  if (reading === 'stated') return base;
  switch (q.qualifier) {
    case 'exact': {
      if (opts.exact === 'none' || !q.quantity) return base;
      const h = roundingHalfUnit(q.quantity);
      return h === null ? base : interval(base.lo - h, base.hi + h);
    }
    case 'approx':
    case 'estimate':
    case 'target':
    case 'forecast': {
      // an open side stays open: widenRelative keeps -inf / +inf as they are
      const wide = widenRelative(base, APPROX_TOLERANCE);
      const capped = opts.overCap && base.hi === Infinity && Number.isFinite(base.lo);
      return capped ? interval(wide.lo, base.lo * opts.overCap!) : wide;
    }
    case 'over':
    case 'at-least':
      return opts.overCap ? interval(base.lo, base.lo * opts.overCap) : base;
    default:
      return base;
  }
}

/** Interval of a fact (any object with value/low/high/qualifier/quantity). */
export function factInterval(fact: StatedQuantity, reading: Reading = 'stated', opts: ToleranceOptions = {}): Interval {
  return quantityInterval(fact, reading, opts);
}
