/**
 * Comparing a computed interval with a stated one.
 *
 * - A two-sided stated value (`约25倍` -> [22.5, 27.5], `10-20倍`): pass when the two overlap
 *   (the stated side already carries its tolerance).
 * - A one-sided stated value, a direction or a bound (`>0`, `>=100%`, `<100%`, `超50%`), with
 *   `wholeOnSide` (claims): pass only when the whole computed interval lies on the stated side;
 *   when it straddles the bound, warn (part of what was computed meets the statement and part
 *   does not, see `describeStraddle`). Without it (facts against facts) overlap passes.
 * - Otherwise warn when the gap is within WARN_BAND of the stated size, fail beyond. A ratio
 *   between the two close to a power of ten is named in the message.
 *
 * A stated end may be excluded (`Ends`): `>0` excludes 0, and an order of magnitude `亿元级别`
 * ([1亿, 10亿)) excludes 10亿, where the next class begins. A computed value on an excluded end
 * does not meet it: the gap is 0, so it is a warn.
 *
 * Messages describe the gap against the stated value as written (the point, or the nearer end
 * of a written range), not against the tolerance bound, so they can be redone by hand:
 * "321GB is 64.2x the stated 5GB", "23.5x is 17.5% above the stated 20x".
 */
import * as I from '../metrics/interval';
import type { FindingStatus } from './findings';
import { sig } from './numbers';

/** A gap up to 10% of the stated magnitude is a warn rather than a fail. */
export const WARN_BAND = 0.1;

/** Gaps of at least this factor are written as "N x the stated value" rather than a percentage. */
export const FACTOR_WORDING = 2;

/** Which finite ends of a stated interval are excluded (`>0`: lo; `亿元级别` [1亿, 10亿): hi). */
export interface Ends {
  lo: boolean;
  hi: boolean;
}

export const CLOSED: Ends = { lo: false, hi: false };

export interface Comparison {
  status: Exclude<FindingStatus, 'unverifiable'>;
  /** gap between the intervals relative to the nearer stated bound (0 when they meet) */
  relativeGap: number;
  /** k when computed / stated is about 10^k (|k| >= 1), else null */
  powerOfTen: number | null;
  /** the stated value is one-sided and the computed interval lies on both sides of its bound */
  straddles: boolean;
}

function magnitude(x: I.Interval): number {
  const m = I.mid(x);
  return Number.isFinite(m) ? Math.abs(m) : NaN;
}

/** Power of ten k (|k| >= 1) with a / b within 10% of 10^k, else null. */
export function powerOfTenRatio(a: number, b: number): number | null {
  if (!(a > 0 && b > 0)) return null;
  const l = Math.log10(a / b);
  const k = Math.round(l);
  if (k === 0 || Math.abs(l - k) > Math.log10(1.1)) return null;
  return k;
}

/** The side of a one-sided stated interval: above its low end or below its high end; null when two-sided or unbounded. */
export function statedSide(stated: I.Interval): 'above' | 'below' | null {
  if (Number.isFinite(stated.lo) && stated.hi === Infinity) return 'above';
  if (stated.lo === -Infinity && Number.isFinite(stated.hi)) return 'below';
  return null;
}

/** Whether x meets the stated interval (its excluded ends left out). */
export function meets(x: number, stated: I.Interval, ends: Ends = CLOSED): boolean {
  const aboveLo = ends.lo ? x > stated.lo : x >= stated.lo;
  const belowHi = ends.hi ? x < stated.hi : x <= stated.hi;
  return aboveLo && belowHi;
}

/** Whether some point of `computed` meets the stated interval. */
export function meetsSome(computed: I.Interval, stated: I.Interval, ends: Ends = CLOSED): boolean {
  if (!I.overlaps(computed, stated)) return false;
  const lo = Math.max(computed.lo, stated.lo);
  const hi = Math.min(computed.hi, stated.hi);
  // the overlap is [lo, hi]; it holds a point that meets unless it is only an excluded end
  return lo < hi || meets(lo, stated, ends);
}

/** Whether every point of `computed` meets the stated interval. */
export function meetsAll(computed: I.Interval, stated: I.Interval, ends: Ends = CLOSED): boolean {
  return meets(computed.lo, stated, ends) && meets(computed.hi, stated, ends);
}

export interface CompareOptions {
  /** stated ends that do not meet the statement (default none) */
  ends?: Ends;
  /**
   * A one-sided stated value must hold the whole computed interval (the claims audit); without
   * it any overlap passes (two facts read with their tolerance agree when they overlap).
   */
  wholeOnSide?: boolean;
}

export function compareIntervals(computed: I.Interval, stated: I.Interval, warnBand = WARN_BAND, opts: CompareOptions = {}): Comparison {
  const ends = opts.ends ?? CLOSED;
  const pass: Comparison = { status: 'pass', relativeGap: 0, powerOfTen: null, straddles: false };
  const some = meetsSome(computed, stated, ends);
  if (opts.wholeOnSide && statedSide(stated) !== null) {
    if (meetsAll(computed, stated, ends)) return pass;
    if (some) return { status: 'warn', relativeGap: 0, powerOfTen: null, straddles: true };
  } else if (some) {
    return pass;
  }
  const gap = I.distance(computed, stated);
  const near = computed.hi <= stated.lo ? stated.lo : stated.hi;
  const rel = gap / Math.max(Math.abs(near), Number.EPSILON);
  const mc = magnitude(computed);
  const ms = magnitude(stated);
  const p = Number.isFinite(mc) && Number.isFinite(ms) ? powerOfTenRatio(mc, ms) : null;
  return { status: rel <= warnBand ? 'warn' : 'fail', relativeGap: rel, powerOfTen: p, straddles: false };
}

function upTo(x: number, fmt: (x: number) => string): string {
  return Number.isFinite(x) ? `up to ${fmt(x)}` : 'with no upper end';
}

function downTo(x: number, fmt: (x: number) => string): string {
  return Number.isFinite(x) ? `down to ${fmt(x)}` : 'with no lower end';
}

/**
 * Which part of a computed range meets a one-sided stated value and which does not, for a
 * range that straddles its bound: "the part at or above 100% (up to 177.4%) meets it, the
 * part below 100% (down to -30.16%) does not". Empty when the stated value is two-sided.
 */
export function describeStraddle(computed: I.Interval, stated: I.Interval, ends: Ends, fmt: (x: number) => string): string {
  const side = statedSide(stated);
  if (side === 'above') {
    const b = fmt(stated.lo);
    const yes = ends.lo ? `above ${b}` : `at or above ${b}`;
    const no = ends.lo ? `at or below ${b}` : `below ${b}`;
    return `the part ${yes} (${upTo(computed.hi, fmt)}) meets it, the part ${no} (${downTo(computed.lo, fmt)}) does not`;
  }
  if (side === 'below') {
    const b = fmt(stated.hi);
    const yes = ends.hi ? `below ${b}` : `at or below ${b}`;
    const no = ends.hi ? `at or above ${b}` : `above ${b}`;
    return `the part ${yes} (${downTo(computed.lo, fmt)}) meets it, the part ${no} (${upTo(computed.hi, fmt)}) does not`;
  }
  return '';
}

/** The point of `x` nearest to `v`. */
export function nearestIn(x: I.Interval, v: number): number {
  return Math.min(Math.max(v, x.lo), x.hi);
}

/**
 * How a computed interval misses the stated value as written (`written`: the stated bounds
 * without tolerance), in words: "321GB is 64.2x the stated 5GB", "389B is 1/10 of the stated
 * 3890B", "23.5x is 17.5% above the stated 20x", "-17B is below the stated 0". For a computed
 * range its nearer end is compared ("the upper end 97.4% of the computed range is 2.62% below
 * the stated 100%"); a value on an excluded end "is exactly the end 10亿 CNY that the stated
 * value excludes". `fmt` writes a number in the claim's unit. Empty when the two meet.
 */
export function describeGap(computed: I.Interval, written: I.Interval, fmt: (x: number) => string, ends: Ends = CLOSED): string {
  if (meetsSome(computed, written, ends)) return '';
  const below = computed.hi <= written.lo;
  const x = below ? computed.hi : computed.lo;
  const ref = below ? written.lo : written.hi;
  const lead = I.isPoint(computed) ? fmt(x) : `the ${below ? 'upper' : 'lower'} end ${fmt(x)} of the computed range`;
  if (x === ref) return `${lead} is exactly the end ${fmt(ref)} that the stated value excludes`;
  if (ref === 0 || !Number.isFinite(ref)) return `${lead} is ${below ? 'below' : 'above'} the stated ${fmt(ref)}`;
  if (x / ref > 0) {
    const factor = Math.max(x / ref, ref / x);
    if (factor >= FACTOR_WORDING) {
      return x / ref >= 1
        ? `${lead} is ${sig(factor)}x the stated ${fmt(ref)}`
        : `${lead} is 1/${sig(factor)} of the stated ${fmt(ref)}`;
    }
  }
  const pct = (Math.abs(x - ref) / Math.abs(ref)) * 100;
  return `${lead} is ${sig(pct, 3)}% ${below ? 'below' : 'above'} the stated ${fmt(ref)}`;
}
