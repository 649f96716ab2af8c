import { describe, expect, it } from 'vitest';
import { checkDerivation } from '../../src/audit/derivation';
import { statedInterval } from '../../src/audit/stated';
import { compareIntervals, powerOfTenRatio } from '../../src/audit/compare';
import type { Claim } from '../../src/audit/claims';
import type { EvalEnv } from '../../src/audit/evaluate';
import * as I from '../../src/metrics/interval';
import { fact, FX } from '../metrics/facts';

const facts = [
  fact({ id: 'val', table: 'valuations', metric: 'valuation', quantity: '200-300亿元', as_of: '2026-01', source: 'a' }),
  fact({ id: 'rev', metric: 'revenue', quantity: '10亿元', period_start: '2025-01-01', period_end: '2025-12-31', source: 'a' }),
  fact({ id: 'total', entity: 'm', table: 'model_specs', metric: 'total_parameters', quantity: '321B', source: 'a' }),
  fact({ id: 'active', entity: 'm', table: 'model_specs', metric: 'active_parameters', quantity: '38B', source: 'a' }),
  fact({ id: 'big', entity: 'm', table: 'model_specs', metric: 'total_parameters', quantity: '3890亿', source: 'b' }),
];
const env: EvalEnv = { facts: new Map(facts.map((f) => [f.id, f])), assumptions: FX };
const claim = (p: Partial<Claim>): Claim => ({
  id: 'c', source: 'a', claim: 'test claim', evidence: 'x', stated: '约25倍', unit: 'multiple', expression: 'val / rev',
  tolerance: null, note: null, file: 'claims.csv', line: 2, ...p,
});

describe('stated values', () => {
  it('reads qualifiers, comparisons and tolerance overrides', () => {
    expect(statedInterval('约25倍').interval).toEqual({ lo: 22.5, hi: 27.5 });
    expect(statedInterval('>0').interval).toEqual({ lo: 0, hi: Infinity });
    expect(statedInterval('<=5').interval).toEqual({ lo: -Infinity, hi: 5 });
    expect(statedInterval('0', '±0.5').interval).toEqual({ lo: -0.5, hi: 0.5 });
    expect(statedInterval('25倍', '10%').interval).toEqual({ lo: 22.5, hi: 27.5 });
    expect(() => statedInterval('25倍', 'lots')).toThrow(/bad tolerance/);
  });
});

describe('compare', () => {
  it('pass on overlap, warn within 10%, fail beyond', () => {
    expect(compareIntervals(I.interval(20, 30), I.interval(22.5, 27.5)).status).toBe('pass');
    // 21 vs [10, 20]: gap 1 / 20 = 5% -> warn
    expect(compareIntervals(I.point(21), I.interval(10, 20)).status).toBe('warn');
    // 23.5 vs [10, 20]: gap 3.5 / 20 = 17.5% -> fail
    const c = compareIntervals(I.point(23.5), I.interval(10, 20));
    expect(c.status).toBe('fail');
    expect(c.relativeGap).toBeCloseTo(0.175, 12);
  });
  it('detects power-of-ten ratios', () => {
    expect(powerOfTenRatio(3890e9, 389e9)).toBe(1);
    expect(powerOfTenRatio(5e9, 321e9)).toBeNull(); // 64.2x is not close to 10 or 100
    expect(powerOfTenRatio(2, 1)).toBeNull();
  });
});

describe('derivation check', () => {
  it('passes the P/S claim with the computed interval [20, 30]', () => {
    const f = checkDerivation(claim({}), env);
    expect(f.status).toBe('pass');
    expect([f.computed?.low, f.computed?.high]).toEqual([20, 30]); // 200亿/10亿, 300亿/10亿
    expect([f.stated?.low, f.stated?.high]).toEqual([22.5, 27.5]);
    expect(f.entities).toEqual(['acme']);
  });
  it('fails a claim of 15x on the same inputs (gap 5 / 15 = 33%)', () => {
    const f = checkDerivation(claim({ stated: '15倍' }), env);
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/\[20, 30\]/);
  });
  it('passes 8.4倍 for 321B / 38B = 8.447, fails 8.2倍', () => {
    expect(checkDerivation(claim({ stated: '8.4倍', expression: 'total / active' }), env).status).toBe('pass');
    expect(checkDerivation(claim({ stated: '8.2倍', expression: 'total / active' }), env).status).toBe('warn'); // gap 0.197/8.25 = 2.4%
    expect(checkDerivation(claim({ stated: '6倍', expression: 'total / active' }), env).status).toBe('fail');
  });
  it('fails memory far below the weights and names a power-of-ten slip', () => {
    expect(checkDerivation(claim({ stated: '5GB', unit: 'bytes', expression: "memory(total, 'int8')" }), env).status).toBe('fail');
    const f = checkDerivation(claim({ stated: '3890B', unit: 'parameters', expression: 'big' }), env);
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/10\^-1/);
  });
  it('is unverifiable with a missing input', () => {
    const f = checkDerivation(claim({ expression: 'val / ?revenue-2026' }), env);
    expect(f.status).toBe('unverifiable');
    expect(f.computed).toBeNull();
    expect(f.message).toMatch(/revenue-2026/);
  });
});
