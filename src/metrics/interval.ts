/**
 * Closed intervals of reals for arithmetic on stated quantities. An open bound is
 * -Infinity / +Infinity in memory and `null` in JSON (see `intervalJson`).
 *
 * All operations are the usual interval arithmetic: [a,b] + [c,d] = [a+c, b+d],
 * [a,b] - [c,d] = [a-d, b-c], products take the min/max of the four bound products
 * (0 x Infinity counts as 0), division multiplies by [1/d, 1/c] and refuses a divisor that
 * contains 0 strictly inside.
 */

export interface Interval {
  lo: number;
  hi: number;
}

/** Bounds as JSON: null for an open side. */
export interface IntervalJson {
  low: number | null;
  high: number | null;
}

export class IntervalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntervalError';
  }
}

/** Interval from bounds; null means open on that side. */
export function interval(lo: number | null, hi: number | null): Interval {
  const l = lo === null ? -Infinity : lo;
  const h = hi === null ? Infinity : hi;
  if (Number.isNaN(l) || Number.isNaN(h)) throw new IntervalError(`interval bound is NaN ([${lo}, ${hi}])`);
  if (l > h) throw new IntervalError(`interval lower bound ${l} is above upper bound ${h}`);
  return { lo: l, hi: h };
}

/** Degenerate interval [v, v]. */
export function point(v: number): Interval {
  return interval(v, v);
}

export function isPoint(a: Interval): boolean {
  return a.lo === a.hi;
}

export function isBounded(a: Interval): boolean {
  return Number.isFinite(a.lo) && Number.isFinite(a.hi);
}

function mulBound(x: number, y: number): number {
  return x === 0 || y === 0 ? 0 : x * y;
}

export function add(a: Interval, b: Interval): Interval {
  return interval(a.lo + b.lo, a.hi + b.hi);
}

export function neg(a: Interval): Interval {
  return interval(-a.hi, -a.lo);
}

export function sub(a: Interval, b: Interval): Interval {
  return add(a, neg(b));
}

export function mul(a: Interval, b: Interval): Interval {
  const p = [mulBound(a.lo, b.lo), mulBound(a.lo, b.hi), mulBound(a.hi, b.lo), mulBound(a.hi, b.hi)];
  return interval(Math.min(...p), Math.max(...p));
}

/**
 * a / b. A divisor with 0 strictly inside (or equal to [0, 0]) is an IntervalError; a divisor
 * with 0 as one end gives an open bound (1 / [0, 3] = [1/3, +inf)).
 */
export function div(a: Interval, b: Interval): Interval {
  if ((b.lo < 0 && b.hi > 0) || (b.lo === 0 && b.hi === 0)) {
    throw new IntervalError(`division by an interval containing 0 ([${b.lo}, ${b.hi}])`);
  }
  if (b.lo === 0 || b.hi === 0) {
    const recip = b.lo === 0 ? interval(1 / b.hi, null) : interval(null, 1 / b.lo);
    return mul(a, recip);
  }
  // quotients of the bounds directly (not a x 1/b), so 3e10 / 1e9 is exactly 30;
  // an infinite-by-infinite quotient is undefined and left out (the others bound the result)
  const q = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi].filter((x) => !Number.isNaN(x));
  return interval(Math.min(...q), Math.max(...q));
}

/** Multiplies by a constant. */
export function scale(a: Interval, k: number): Interval {
  return mul(a, point(k));
}

/** a^k for a >= 0 and real k (monotone for k >= 0, reversed for k < 0). */
export function pow(a: Interval, k: number): Interval {
  if (a.lo < 0) throw new IntervalError(`power of an interval with negative values ([${a.lo}, ${a.hi}])`);
  if (k < 0 && a.lo === 0) throw new IntervalError('negative power of an interval containing 0');
  const x = Math.pow(a.lo, k);
  const y = Math.pow(a.hi, k);
  return interval(Math.min(x, y), Math.max(x, y));
}

export function contains(a: Interval, x: number): boolean {
  return a.lo <= x && x <= a.hi;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

/** hi - lo (Infinity when open). */
export function width(a: Interval): number {
  return a.hi - a.lo;
}

/** Midpoint; the finite bound for a half-open interval; NaN when both sides are open. */
export function mid(a: Interval): number {
  if (isBounded(a)) return (a.lo + a.hi) / 2;
  if (Number.isFinite(a.lo)) return a.lo;
  if (Number.isFinite(a.hi)) return a.hi;
  return NaN;
}

/** Smallest interval holding both. */
export function hull(a: Interval, b: Interval): Interval {
  return interval(Math.min(a.lo, b.lo), Math.max(a.hi, b.hi));
}

/** Distance between two intervals: 0 when they overlap. */
export function distance(a: Interval, b: Interval): number {
  if (overlaps(a, b)) return 0;
  return a.hi < b.lo ? b.lo - a.hi : a.lo - b.hi;
}

/** Widens by a relative fraction of each bound's magnitude: [lo - |lo| f, hi + |hi| f]. */
export function widenRelative(a: Interval, f: number): Interval {
  return interval(a.lo - Math.abs(a.lo) * f, a.hi + Math.abs(a.hi) * f);
}

/** Widens by an absolute amount on each side. */
export function widenAbsolute(a: Interval, d: number): Interval {
  return interval(a.lo - d, a.hi + d);
}

export function intervalJson(a: Interval): IntervalJson {
  return { low: Number.isFinite(a.lo) ? a.lo : null, high: Number.isFinite(a.hi) ? a.hi : null };
}

/** Bounds rounded to `digits` significant digits, for display and tests. */
export function roundInterval(a: Interval, digits = 6): Interval {
  const r = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : x);
  return { lo: r(a.lo), hi: r(a.hi) };
}

function num(x: number): string {
  if (x === Infinity) return '+inf';
  if (x === -Infinity) return '-inf';
  const abs = Math.abs(x);
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) return x.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(4)));
}

/** `[20, 30]`, `[5e9, +inf)`, `25` for a point. */
export function formatInterval(a: Interval): string {
  if (isPoint(a)) return num(a.lo);
  const left = Number.isFinite(a.lo) ? '[' : '(';
  const right = Number.isFinite(a.hi) ? ']' : ')';
  return `${left}${num(a.lo)}, ${num(a.hi)}${right}`;
}
