import { describe, expect, it } from 'vitest';
import { boundSide, isOrderOfMagnitude, noSingleNumber } from '../../../src/metrics/rules/statedNumber';
import { fact } from '../facts';

describe('noSingleNumber', () => {
  it('an order of magnitude, in either script', () => {
    expect(isOrderOfMagnitude('亿元级别')).toBe(true);
    expect(isOrderOfMagnitude('億級')).toBe(true);
    expect(isOrderOfMagnitude('10亿元')).toBe(false);
    expect(noSingleNumber(fact({ id: 'r', quantity: '亿元级别' }))).toBe('r is stated only as an order of magnitude (亿元级别)');
  });
  it('a bare scale word only when the qualifier column reads it as a bound (a size class)', () => {
    expect(noSingleNumber(fact({ id: 'p', quantity: '千亿', qualifier: 'at-least', low: 1e11, high: null })))
      .toBe('p is stated only as an order of magnitude (千亿)');
    // 百万辆 as a target is the number one million; 超百万辆 states its own bound
    expect(noSingleNumber(fact({ id: 't', quantity: '百万辆', qualifier: 'target' }))).toBeNull();
    expect(noSingleNumber(fact({ id: 'o', quantity: '超百万辆' }))).toBeNull();
  });
  it('a vague amount; plain numbers, ranges and 近 state a number', () => {
    expect(noSingleNumber(fact({ id: 'b', quantity: '数亿美元' }))).toBe('b is stated only as a vague amount (数亿美元)');
    for (const q of ['50亿元', '200-300亿元', '近4万辆', '超4200万台', '两款']) expect(noSingleNumber(fact({ id: 'x', quantity: q }))).toBeNull();
  });
});

describe('boundSide', () => {
  it('lower for 超 and 以上, upper for 不到 and 前八, none for 近, points and ranges', () => {
    expect(boundSide(fact({ id: 'a', quantity: '超4200万台' }))).toBe('lower');
    expect(boundSide(fact({ id: 'b', quantity: '80%以上' }))).toBe('lower');
    expect(boundSide(fact({ id: 'c', quantity: '不到5万' }))).toBe('upper');
    expect(boundSide(fact({ id: 'd', quantity: '前八' }))).toBe('upper');
    expect(boundSide(fact({ id: 'e', quantity: '近4万辆' }))).toBeNull();
    expect(boundSide(fact({ id: 'f', quantity: '50亿元' }))).toBeNull();
    expect(boundSide(fact({ id: 'g', quantity: '200-300亿元' }))).toBeNull();
  });
});
