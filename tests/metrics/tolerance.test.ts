import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/units/parse';
import { quantityInterval, roundingHalfUnit } from '../../src/metrics/tolerance';

function read(text: string, reading: 'stated' | 'tolerant' = 'tolerant'): [number, number] {
  const q = parseQuantity(text);
  const x = quantityInterval({ quantity: text, value: q.value, low: q.low, high: q.high, qualifier: q.qualifier }, reading);
  return [Number(x.lo.toPrecision(10)), Number(x.hi.toPrecision(10))];
}

describe('qualifier tolerance', () => {
  it('exact: half a unit of the last written digit', () => {
    expect(roundingHalfUnit('8.4倍')).toBeCloseTo(0.05, 12);
    expect(roundingHalfUnit('50亿元')).toBe(0.5e8);
    expect(roundingHalfUnit('1/3')).toBe(0);
    expect(read('8.4倍')).toEqual([8.35, 8.45]);
    // 96.11% -> +/-0.005
    expect(read('96.11%')).toEqual([96.105, 96.115]);
  });
  it('approx: +/-10% (约25倍 -> [22.5, 27.5])', () => {
    expect(read('约25倍')).toEqual([22.5, 27.5]);
  });
  it('nearly: [0.9 v, v] (近2000万 -> [1800万, 2000万])', () => {
    expect(read('近2000万人次')).toEqual([1.8e7, 2e7]);
    expect(read('近2000万人次', 'stated')).toEqual([1.8e7, 2e7]);
  });
  it('over: [v, +inf)', () => {
    expect(read('超50亿元')).toEqual([5e9, Infinity]);
  });
  it('range as given, stated reading adds nothing to exact values', () => {
    expect(read('10-20倍')).toEqual([10, 20]);
    expect(read('8.4倍', 'stated')).toEqual([8.4, 8.4]);
  });
  it('estimate: stated bounds +/-10% (亿元级别 -> [0.9亿, 11亿])', () => {
    expect(read('亿元级别')).toEqual([9e7, 1.1e9]);
  });
});
