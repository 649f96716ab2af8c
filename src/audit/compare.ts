/**
 * Comparing a computed interval with a stated one: pass when they overlap (the stated side
 * already carries its tolerance), warn when the gap is within WARN_BAND of the stated size,
 * fail beyond. A ratio between the two close to a power of ten is named in the message.
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

export interface Comparison {
  status: Exclude<FindingStatus, 'unverifiable'>;
  /** gap between the intervals relative to the nearer stated bound (0 when they overlap) */
  relativeGap: number;
  /** k when computed / stated is about 10^k (|k| >= 1), else null */
  powerOfTen: number | null;
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

export function compareIntervals(computed: I.Interval, stated: I.Interval, warnBand = WARN_BAND): Comparison {
  if (I.overlaps(computed, stated)) return { status: 'pass', relativeGap: 0, powerOfTen: null };
  const gap = I.distance(computed, stated);
  const near = computed.hi < stated.lo ? stated.lo : stated.hi;
  const rel = gap / Math.max(Math.abs(near), Number.EPSILON);
  const mc = magnitude(computed);
  const ms = magnitude(stated);
  const p = Number.isFinite(mc) && Number.isFinite(ms) ? powerOfTenRatio(mc, ms) : null;
  return { status: rel <= warnBand ? 'warn' : 'fail', relativeGap: rel, powerOfTen: p };
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
 * the stated 100%"). `fmt` writes a number in the claim's unit. Empty when the two overlap.
 */
export function describeGap(computed: I.Interval, written: I.Interval, fmt: (x: number) => string): string {
  if (I.overlaps(computed, written)) return '';
  const below = computed.hi < written.lo;
  const x = below ? computed.hi : computed.lo;
  const ref = below ? written.lo : written.hi;
  const lead = I.isPoint(computed) ? fmt(x) : `the ${below ? 'upper' : 'lower'} end ${fmt(x)} of the computed range`;
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
