import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/units/parse';
import { quantityInterval, roundingHalfUnit } from '../../src/metrics/tolerance';
import type { Qualifier } from '../../src/types';

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

/** A quantity read as the loader keeps it under a label of the qualifier column. */
function labelled(text: string, label: Qualifier, reading: 'stated' | 'tolerant', opts = {}): [number, number] {
  const q = parseQuantity(text);
  const x = quantityInterval({ quantity: text, value: q.value, low: q.low, high: q.high, qualifier: label }, reading, opts);
  return [Number(x.lo.toPrecision(10)), Number(x.hi.toPrecision(10))];
}

describe('labels (approx, estimate, target, forecast) keep the written bounds', () => {
  it('超百万辆 as a forecast stays open above', () => {
    // 超百万辆: low 1e6, no high -> stated [1e6, +inf)
    expect(labelled('超百万辆', 'forecast', 'stated')).toEqual([1e6, Infinity]);
    // forecast tolerance 10% on the closed side only: 1e6 - 1e5 = 9e5 -> [9e5, +inf)
    expect(labelled('超百万辆', 'forecast', 'tolerant')).toEqual([9e5, Infinity]);
    // with an over cap of 1.5: upper bound 1e6 x 1.5 = 1.5e6
    expect(labelled('超百万辆', 'forecast', 'tolerant', { overCap: 1.5 })).toEqual([9e5, 1.5e6]);
  });
  it('突破555.4亿美元 and 过半 as forecasts, 超50亿元 as a target', () => {
    // 555.4亿 = 5.554e10; tolerant lower bound 5.554e10 x 0.9 = 4.9986e10
    expect(labelled('突破555.4亿美元', 'forecast', 'stated')).toEqual([5.554e10, Infinity]);
    expect(labelled('突破555.4亿美元', 'forecast', 'tolerant')).toEqual([4.9986e10, Infinity]);
    // 过半 = over 50%: [50, +inf), tolerant [45, +inf)
    expect(labelled('过半', 'forecast', 'stated')).toEqual([50, Infinity]);
    expect(labelled('过半', 'forecast', 'tolerant')).toEqual([45, Infinity]);
    expect(labelled('超50亿元', 'target', 'tolerant')).toEqual([4.5e9, Infinity]);
  });
  it('upper bounds under a label: 近 keeps its lower bound, 不到 starts at 0', () => {
    // 近4万 -> [3.6万, 4万] stated; estimate +/-10%: [3.24万, 4.4万]
    expect(labelled('近4万辆', 'estimate', 'stated')).toEqual([36000, 40000]);
    expect(labelled('近4万辆', 'estimate', 'tolerant')).toEqual([32400, 44000]);
    // 不到10亿元 -> [0, 10亿]; target: [0, 11亿]
    expect(labelled('不到10亿元', 'target', 'stated')).toEqual([0, 1e9]);
    expect(labelled('不到10亿元', 'target', 'tolerant')).toEqual([0, 1.1e9]);
  });
  it('points and ranges under a label are unchanged', () => {
    // 约25倍 as written: [22.5, 27.5]; with a forecast label the same
    expect(read('约25倍')).toEqual([22.5, 27.5]);
    expect(labelled('约25倍', 'forecast', 'tolerant')).toEqual([22.5, 27.5]);
    expect(labelled('约25倍', 'forecast', 'stated')).toEqual([25, 25]);
    // 200-300亿元 as an estimate: [2e10 x 0.9, 3e10 x 1.1] = [1.8e10, 3.3e10]
    expect(labelled('200-300亿元', 'estimate', 'tolerant')).toEqual([1.8e10, 3.3e10]);
    // 1000万 as a target: [9e6, 1.1e7]
    expect(labelled('1000万', 'target', 'tolerant')).toEqual([9e6, 1.1e7]);
  });
  it('a bound column on a point: 80% at-least -> [80, +inf)', () => {
    const x = quantityInterval({ quantity: '80%', value: 80, low: 80, high: null, qualifier: 'at-least' }, 'tolerant');
    expect([x.lo, x.hi]).toEqual([80, Infinity]);
  });
});
