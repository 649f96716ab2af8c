import { describe, expect, it } from 'vitest';
import { ExpressionError, expressionRefs, parseExpression } from '../../src/audit/expression';
import { evaluateExpression, type EvalEnv } from '../../src/audit/evaluate';
import { fact, FX } from '../metrics/facts';

const facts = [
  fact({ id: 'val', table: 'valuations', metric: 'valuation', quantity: '200-300亿元', as_of: '2026-01' }),
  fact({ id: 'rev-2025', metric: 'revenue', quantity: '10亿元', period_start: '2025-01-01', period_end: '2025-12-31' }),
  fact({ id: 'rev-h1', metric: 'revenue', quantity: '1.91亿元', period_start: '2025-01-01', period_end: '2025-06-30' }),
  fact({ id: 'usd-round', table: 'funding_rounds', metric: 'funding_amount', quantity: '400亿美元', as_of: '2026-01' }),
  fact({ id: 'step-3.5-total', table: 'model_specs', metric: 'total_parameters', quantity: '321B' }),
  fact({ id: 'g', table: 'deployments', metric: 'api_calls_growth', quantity: '170%' }),
  fact({ id: 'founded', table: 'model_specs', metric: 'founding_date', quantity: '2023年4月', unit: 'date' }),
];
const env: EvalEnv = { facts: new Map(facts.map((f) => [f.id, f])), assumptions: FX };
const ev = (src: string) => evaluateExpression(src, env);

describe('expression parser', () => {
  it('reads ids with dots and hyphens, and binary minus with spaces', () => {
    expect(expressionRefs(parseExpression('step-3.5-total - val')).map((r) => r.name)).toEqual(['step-3.5-total', 'val']);
  });
  it('respects precedence and parentheses: 2 + 3 * 4 = 14, (2 + 3) * 4 = 20, -2^2 = -4', () => {
    expect(ev('2 + 3 * 4').interval).toEqual({ lo: 14, hi: 14 });
    expect(ev('(2 + 3) * 4').interval).toEqual({ lo: 20, hi: 20 });
    expect(ev('-2 ^ 2').interval).toEqual({ lo: -4, hi: -4 });
    expect(ev('50%').interval).toEqual({ lo: 0.5, hi: 0.5 });
  });
  it('rejects bad syntax with the position', () => {
    expect(() => parseExpression('val / ')).toThrow(ExpressionError);
    expect(() => parseExpression('val $ rev')).toThrow(/unexpected character '\$' at character 5/);
    expect(() => parseExpression('(val')).toThrow(/expected '\)'/);
  });
});

describe('expression evaluation', () => {
  it('P/S: val / rev-2025 = [20, 30] (200亿/10亿, 300亿/10亿)', () => {
    const r = ev('val / rev-2025');
    expect(r.interval).toEqual({ lo: 20, hi: 30 });
    expect(r.currency).toBeNull();
    expect(r.inputs).toEqual(['val', 'rev-2025']);
  });
  it('annualize: 1.91亿 x 12/6 = 3.82亿', () => {
    expect(ev('annualize(rev-h1, 6)').interval?.lo).toBeCloseTo(3.82e8, 0);
  });
  it('convert names its FX assumption: 400亿 USD x 7 = 2800亿 CNY', () => {
    const r = ev("convert(usd-round, 'USD', 'CNY') / rev-2025");
    expect(r.interval?.lo).toBeCloseTo(280, 9);
    expect(r.assumptions).toEqual(['usd-cny-test']);
  });
  it('refuses mixing currencies without convert', () => {
    expect(() => ev('usd-round / rev-2025')).toThrow(/mixes USD and CNY/);
  });
  it('memory, compound, cagr, growth', () => {
    expect(ev("memory(step-3.5-total, 'int8')").interval?.lo).toBe(321e9); // 321B x 1 byte
    expect(ev('compound(g / 100, 3)').interval?.lo).toBeCloseTo(19.683, 9); // 2.7^3
    expect(ev('cagr(100, 121, 2)').interval?.lo).toBeCloseTo(0.1, 12); // sqrt(1.21) - 1
    expect(ev('growth(rev-h1, rev-2025)').interval?.lo).toBeCloseTo(10 / 1.91 - 1, 12);
    expect(() => ev("memory(step-3.5-total, 'int3')")).toThrow(/unknown precision/);
  });
  it('missing inputs (?id) make the result unverifiable; unknown ids and functions are errors', () => {
    const r = ev('val / ?openai-revenue');
    expect(r.interval).toBeNull();
    expect(r.missing).toEqual(['openai-revenue']);
    expect(() => ev('val / rev-2052')).toThrow(/unknown fact or assumption id 'rev-2052'/);
    expect(() => ev('sqrt(val)')).toThrow(/unknown function 'sqrt'/);
  });
  it('hull: either of two readings; count: the names listed', () => {
    // cagr(100, 400, 2) = 2 - 1 = 100%; cagr(100, 400, 4) = sqrt(2) - 1 = 41.4%; hull = [0.414, 1]
    const h = ev('hull(cagr(100, 400, 2), cagr(100, 400, 4))').interval!;
    expect(h.lo).toBeCloseTo(Math.SQRT2 - 1, 12);
    expect(h.hi).toBeCloseTo(1, 12);
    expect(ev("count('百度', '阿里', '腾讯', '字节跳动')").interval).toEqual({ lo: 4, hi: 4 });
    expect(ev("count('印奇') + count('a', 'b', 'c')").interval).toEqual({ lo: 4, hi: 4 });
    expect(() => ev('count(val)')).toThrow(/expected a quoted string/);
    expect(() => ev('count()')).toThrow(/at least one quoted name/);
  });
  it('age: years between a date fact (2023年4月 = days 19448..19477) and an ISO date', () => {
    // 2026-01-26 is day 20479: (20479 - 19477) / 365.2425 = 2.743383, (20479 - 19448) / 365.2425 = 2.822782
    const a = ev("age(founded, '2026-01-26')").interval!;
    expect(a.lo).toBeCloseTo(1002 / 365.2425, 9);
    expect(a.hi).toBeCloseTo(1031 / 365.2425, 9);
    // '2026-01' is the whole month, days 20454..20484: (20454 - 19477) / 365.2425 = 2.674935 to (20484 - 19448) / 365.2425 = 2.836472
    const m = ev("age(founded, '2026-01')").interval!;
    expect([m.lo * 365.2425, m.hi * 365.2425].map(Math.round)).toEqual([977, 1036]);
    expect(() => ev("age(founded, 'soon')")).toThrow(/'soon' is not an ISO date/);
  });
  it('assumption ids evaluate to their value', () => {
    expect(ev('usd-cny-test * 2').interval).toEqual({ lo: 14, hi: 14 });
  });
});

describe('expression limits', () => {
  it('rejects a 100,000-term sum with a located error instead of exhausting the stack', () => {
    const src = Array.from({ length: 100_000 }, () => 'a').join(' + ');
    // 100,000 names and 99,999 ' + ' = 399,997 characters, past the 2000 allowed: located at character 2001
    expect(() => parseExpression(src)).toThrow(/^expression of 399997 characters, longer than the 2000 allowed, at character 2001 of 'a \+ a/);
  });

  it('rejects more than 500 tokens within the length limit', () => {
    // '1+1+...+1': 251 numbers and 250 '+' = 501 tokens of one character each; the 501st is character 501
    const src = Array.from({ length: 251 }, () => '1').join('+');
    expect(() => parseExpression(src)).toThrow(/^expression of 501 numbers, names and operators, more than the 500 allowed, at character 501 of/);
    expect(() => parseExpression(Array.from({ length: 250 }, () => '1').join('+'))).not.toThrow();
  });

  it('rejects nesting deeper than 32 levels, naming where', () => {
    // 33 '(' : the 33rd is at character 33
    expect(() => parseExpression(`${'('.repeat(33)}1${')'.repeat(33)}`)).toThrow(/^nested deeper than 32 levels at character 33 of/);
    expect(parseExpression(`${'('.repeat(32)}1${')'.repeat(32)}`)).toEqual({ kind: 'num', value: 1, pos: 32 });
    expect(() => parseExpression('-'.repeat(40) + '1')).toThrow(/^nested deeper than 32 levels at character 33 of/);
  });
});
