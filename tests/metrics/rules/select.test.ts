import { describe, expect, it } from 'vitest';
import { div, interval, point } from '../../../src/metrics/interval';
import { evaluate, inCurrency, operand, zeroDivisor } from '../../../src/metrics/rules/select';
import { fact, FX } from '../facts';

describe('operand and evaluate', () => {
  it('one formula on the intervals and on the stated values', () => {
    const dau = operand(fact({ id: 'd', quantity: '近2000万' }))!;
    const inst = operand(fact({ id: 'i', quantity: '超4200万' }))!;
    expect(dau).toEqual({ interval: interval(1.8e7, 2e7), value: 2e7 }); // 近 reads as [90%, 100%] of 2000万
    const e = evaluate(div, dau, inst);
    // [1800万, 2000万] / [4200万, +inf) = [0, 0.476190]; stated 2000 / 4200 = 0.476190
    expect(e.interval!.lo).toBe(0);
    expect(e.interval!.hi).toBeCloseTo(0.476190, 6);
    expect(e.value).toBeCloseTo(0.476190, 6);
    expect(e.problem).toBeNull();
  });
  it('undefined on both readings: nulls and the reason', () => {
    const e = evaluate(div, { interval: point(1), value: 1 }, { interval: point(0), value: 0 });
    expect([e.interval, e.value]).toEqual([null, null]);
    expect(e.problem).toMatch(/division by an interval containing 0/);
    expect(zeroDivisor(e, { interval: point(0), value: 0 }, 'revenue r is 0').problem).toBe('revenue r is 0');
  });
  it('an input without a stated value keeps the bounds and gives no value', () => {
    const e = evaluate(div, { interval: interval(2, 4), value: null }, { interval: point(2), value: 2 });
    expect(e).toEqual({ interval: interval(1, 2), value: null, problem: 'an input has no stated value' });
  });
});

describe('inCurrency', () => {
  it('converts both readings and records the conversion with its assumption', () => {
    const f = fact({ id: 'r', quantity: '1-2亿美元', as_of: '2026-01' });
    const c = inCurrency(f, 'CNY', FX)!;
    // [1亿, 2亿] USD x 7 = [7亿, 14亿] CNY; stated 1.5亿 x 7 = 10.5亿
    expect(c.x).toEqual({ interval: interval(7e8, 14e8), value: 10.5e8 });
    expect(c.assumptions).toEqual(['usd-cny-test']);
    expect(c.conversion).toMatchObject({ from: 'USD', to: 'CNY', rate: 7, assumption: 'usd-cny-test', asOf: '2026-01' });
    expect(inCurrency(f, 'USD', FX)!.conversion).toBeNull(); // same currency: nothing to record
  });
});
