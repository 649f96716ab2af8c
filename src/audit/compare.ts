/**
 * Comparing a computed interval with a stated one: pass when they overlap (the stated side
 * already carries its tolerance), warn when the gap is within WARN_BAND of the stated size,
 * fail beyond. A ratio between the two close to a power of ten is named in the message.
 */
import * as I from '../metrics/interval';
import type { FindingStatus } from './findings';

/** A gap up to 10% of the stated magnitude is a warn rather than a fail. */
export const WARN_BAND = 0.1;

export interface Comparison {
  status: Exclude<FindingStatus, 'unverifiable'>;
  /** gap between the intervals relative to the stated magnitude (0 when they overlap) */
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
