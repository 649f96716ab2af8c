import { describe, expect, it } from 'vitest';
import * as I from '../../src/metrics/interval';

const r = (x: I.Interval): [number, number] => [Number(x.lo.toPrecision(10)), Number(x.hi.toPrecision(10))];

describe('interval arithmetic', () => {
  it('adds and subtracts bound-wise', () => {
    // [1,2] + [10,20] = [11, 22]; [1,2] - [10,20] = [1-20, 2-10] = [-19, -8]
    expect(r(I.add(I.interval(1, 2), I.interval(10, 20)))).toEqual([11, 22]);
    expect(r(I.sub(I.interval(1, 2), I.interval(10, 20)))).toEqual([-19, -8]);
  });
  it('multiplies with sign changes', () => {
    // [-2,3] x [4,5]: products -8,-10,12,15 -> [-10, 15]
    expect(r(I.mul(I.interval(-2, 3), I.interval(4, 5)))).toEqual([-10, 15]);
  });
  it('divides: 200亿-300亿 / 10亿 = [20, 30]', () => {
    expect(r(I.div(I.interval(2e10, 3e10), I.point(1e9)))).toEqual([20, 30]);
  });
  it('refuses a divisor with 0 inside, opens a bound for 0 at an end', () => {
    expect(() => I.div(I.point(1), I.interval(-1, 1))).toThrow(I.IntervalError);
    expect(() => I.div(I.point(1), I.point(0))).toThrow(/containing 0/);
    // 1 / [0, 3] = [1/3, +inf)
    const x = I.div(I.point(1), I.interval(0, 3));
    expect(x.lo).toBeCloseTo(1 / 3, 12);
    expect(x.hi).toBe(Infinity);
  });
  it('handles open bounds: [5e9, +inf) / 94.16e8 x 100 = [53.1..., +inf)', () => {
    const x = I.scale(I.div(I.interval(5e9, null), I.point(9.416e9)), 100);
    expect(x.lo).toBeCloseTo(53.1011, 3); // 50 / 94.16 = 0.531011
    expect(x.hi).toBe(Infinity);
    expect(I.intervalJson(x)).toEqual({ low: x.lo, high: null });
  });
  it('contains, overlaps, width, distance, pow', () => {
    const a = I.interval(20, 30);
    expect(I.contains(a, 25)).toBe(true);
    expect(I.contains(a, 31)).toBe(false);
    expect(I.overlaps(a, I.interval(22.5, 27.5))).toBe(true);
    expect(I.overlaps(a, I.interval(31, 40))).toBe(false);
    expect(I.width(a)).toBe(10);
    expect(I.distance(a, I.interval(33, 40))).toBe(3);
    // [2.53, 2.7]^3 = [16.194277, 19.683]
    expect(r(I.pow(I.interval(2.53, 2.7), 3))).toEqual([16.194277, 19.683]);
  });
  it('rejects reversed bounds', () => {
    expect(() => I.interval(3, 1)).toThrow(/above/);
  });
  it('formats', () => {
    expect(I.formatInterval(I.interval(20, 30))).toBe('[20, 30]');
    expect(I.formatInterval(I.interval(5e9, null))).toBe('[5e+9, +inf)');
    expect(I.formatInterval(I.point(25))).toBe('25');
  });
  it('widens relative to each bound and keeps open sides open', () => {
    // [20, 30] +/-10%: [20 - 2, 30 + 3] = [18, 33]
    expect(r(I.widenRelative(I.interval(20, 30), 0.1))).toEqual([18, 33]);
    // [1e6, +inf) +/-10%: [1e6 - 1e5, +inf) = [9e5, +inf)
    expect(I.widenRelative(I.interval(1e6, null), 0.1)).toEqual({ lo: 9e5, hi: Infinity });
    // (-inf, 10] +/-10%: (-inf, 11]
    expect(I.widenRelative(I.interval(null, 10), 0.1)).toEqual({ lo: -Infinity, hi: 11 });
  });
});
