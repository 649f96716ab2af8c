import { describe, expect, it } from 'vitest';
import { add, div, interval, neg, point, scale, sub } from '../../../src/metrics/interval';
import { asOperand, evaluate, inCurrency, operand, zeroDivisor } from '../../../src/metrics/rules/select';
import { fact, FX } from '../facts';

describe('operand and evaluate', () => {
  it('one formula on the intervals and on the stated values', () => {
    const dau = operand(fact({ id: 'd', quantity: '近2000万' }))!;
    const all = operand(fact({ id: 'a', quantity: '4200万' }))!;
    expect(dau).toEqual({ interval: interval(1.8e7, 2e7), value: 2e7, bounds: [], noValue: null }); // 近 reads as [90%, 100%] of 2000万
    const e = evaluate(div, dau, all);
    // [1800万, 2000万] / 4200万 = [0.428571, 0.476190]; stated 2000 / 4200 = 0.476190
    expect(e.interval!.lo).toBeCloseTo(0.428571, 6);
    expect(e.interval!.hi).toBeCloseTo(0.476190, 6);
    expect(e.value).toBeCloseTo(0.476190, 6);
    expect(e.problem).toBeNull();
  });
  it('a one-sided input the result rises with keeps its number as a bound of the result', () => {
    const inst = operand(fact({ id: 'i', quantity: '超4200万' }))!;
    expect(inst.bounds).toEqual([{ side: 'lower', what: 'i states only a lower bound (超4200万)' }]);
    // 超4200万 / 8000万 = [0.525, +inf); stated 4200 / 8000 = 0.525, the lower end
    const e = evaluate(div, inst, operand(fact({ id: 'g', quantity: '8000万' }))!);
    expect([e.interval, e.value, e.problem]).toEqual([interval(0.525, null), 0.525, null]);
    expect(e.bounds).toEqual(inst.bounds);
  });
  it('a one-sided input as a divisor or subtrahend gives no value, the interval stays', () => {
    const dau = operand(fact({ id: 'd', quantity: '近2000万' }))!;
    const inst = operand(fact({ id: 'i', quantity: '超4200万' }))!;
    const share = evaluate(div, dau, inst);
    // [1800万, 2000万] / [4200万, +inf) = [0, 0.476190]: 2000 / 4200 would be its top, not a stated number
    expect(share.interval!.lo).toBe(0);
    expect(share.interval!.hi).toBeCloseTo(0.476190, 6);
    expect(share.value).toBeNull();
    expect(share.problem).toBe('no point value: i states only a lower bound (超4200万), and the result falls as it rises');
    // 8000万 - 超4200万 = (-inf, 3800万]
    const gap = evaluate(sub, operand(fact({ id: 'g', quantity: '8000万' }))!, inst);
    expect([gap.interval, gap.value]).toEqual([interval(null, 3.8e7), null]);
    // 不到5万 is an upper bound: x 2 keeps it (value 10万, the top of [0, 10万]), minus it does not
    const under = operand(fact({ id: 'u', quantity: '不到5万' }))!;
    expect(under.bounds).toEqual([{ side: 'upper', what: 'u states only an upper bound (不到5万)' }]);
    expect(evaluate((x) => scale(x, 2), under).value).toBe(1e5);
    expect(evaluate(neg, under).value).toBeNull();
  });
  it('a lower and an upper bound together give no value', () => {
    const over = operand(fact({ id: 'o', quantity: '超3万' }))!;
    const under = operand(fact({ id: 'u', quantity: '不到5万' }))!;
    // [3万, +inf) + [0, 5万] = [3万, +inf); 3万 + 5万 = 8万 is neither end
    const e = evaluate(add, over, under);
    expect([e.interval, e.value]).toEqual([interval(3e4, null), null]);
    expect(e.problem).toMatch(/^no point value: o states only a lower bound \(超3万\) and u states only an upper bound \(不到5万\)/);
  });
  it('an order of magnitude or a vague amount has no value; the reason travels through a chain', () => {
    const level = operand(fact({ id: 'rev', quantity: '亿元级别' }))!;
    // 亿元级别 reads as [1亿, 10亿]; there is no single number to compute with
    expect([level.interval, level.value, level.noValue]).toEqual([interval(1e8, 1e9), null, 'rev is stated only as an order of magnitude (亿元级别)']);
    const yearly = asOperand(evaluate((x) => scale(x, 2), level))!; // [2亿, 20亿], still no value
    const ps = evaluate(div, operand(fact({ id: 'v', quantity: '200-300亿元' }))!, yearly);
    // 200亿 / 20亿 = 10, 300亿 / 2亿 = 150
    expect([ps.interval, ps.value]).toEqual([interval(10, 150), null]);
    expect(ps.problem).toBe('no point value: rev is stated only as an order of magnitude (亿元级别)');
    expect(operand(fact({ id: 'b', quantity: '数亿美元' }))!.noValue).toBe('b is stated only as a vague amount (数亿美元)');
  });
  it('undefined on both readings: nulls and the reason', () => {
    const e = evaluate(div, { interval: point(1), value: 1 }, { interval: point(0), value: 0 });
    expect([e.interval, e.value]).toEqual([null, null]);
    expect(e.problem).toMatch(/division by an interval containing 0/);
    expect(zeroDivisor(e, { interval: point(0), value: 0 }, 'revenue r is 0').problem).toBe('revenue r is 0');
  });
  it('an input without a stated value keeps the bounds and gives no value', () => {
    const e = evaluate(div, { interval: interval(2, 4), value: null }, { interval: point(2), value: 2 });
    expect([e.interval, e.value, e.problem]).toEqual([interval(1, 2), null, 'no point value: an input has no stated value']);
  });
});

describe('inCurrency', () => {
  it('converts both readings and records the conversion with its assumption', () => {
    const f = fact({ id: 'r', quantity: '1-2亿美元', as_of: '2026-01' });
    const c = inCurrency(f, 'CNY', FX)!;
    // [1亿, 2亿] USD x 7 = [7亿, 14亿] CNY; stated 1.5亿 x 7 = 10.5亿
    expect([c.x.interval, c.x.value]).toEqual([interval(7e8, 14e8), 10.5e8]);
    expect(c.assumptions).toEqual(['usd-cny-test']);
    expect(c.conversion).toMatchObject({ from: 'USD', to: 'CNY', rate: 7, assumption: 'usd-cny-test', asOf: '2026-01' });
    expect(inCurrency(f, 'USD', FX)!.conversion).toBeNull(); // same currency: nothing to record
  });
  it('keeps the side of a one-sided amount: 超1亿美元 x 7 is still a lower bound', () => {
    const c = inCurrency(fact({ id: 'o', quantity: '超1亿美元', as_of: '2026-01' }), 'CNY', FX)!;
    expect([c.x.interval, c.x.value, c.x.bounds?.map((b) => b.side)]).toEqual([interval(7e8, null), 7e8, ['lower']]);
  });
});
