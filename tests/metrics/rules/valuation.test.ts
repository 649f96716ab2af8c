import { describe, expect, it } from 'vitest';
import { computeDerived } from '../../../src/metrics/derived';
import { annualizedRevenueRule, impliedRevenueRule, psRatioRule, requiredGrowthRule } from '../../../src/metrics/rules/valuation';
import { fact, FX } from '../facts';

const valuation = (id: string, quantity: string, entity = 'acme') =>
  fact({ id, entity, table: 'valuations', metric: 'valuation', quantity, as_of: '2026-01' });
const revenue2025 = (id: string, quantity: string, entity = 'acme') =>
  fact({ id, entity, metric: 'revenue', quantity, period_start: '2025-01-01', period_end: '2025-12-31' });
const multiple = (id: string, entity: string, quantity: string) =>
  fact({ id, entity, table: 'multiples', metric: 'ps_ratio', quantity, as_of: '2026-01' });

describe('psRatioRule', () => {
  it('value from the stated numbers, bounds from the wording: 200-300亿 / 10亿', () => {
    const [row] = computeDerived([valuation('v', '200-300亿元'), revenue2025('r', '10亿元')], FX, [psRatioRule]);
    // 200亿 / 10亿 = 20, 300亿 / 10亿 = 30; stated 250亿 / 10亿 = 25
    expect([row.low, row.high, row.value]).toEqual([20, 30, 25]);
  });
  it('no value over a revenue stated only as an order of magnitude: 200-300亿 / 亿元级别', () => {
    const [row] = computeDerived([valuation('v', '200-300亿元'), revenue2025('r', '亿元级别')], FX, [psRatioRule]);
    // 亿元级别 = [1亿, 10亿]: 200亿 / 10亿 = 20, 300亿 / 1亿 = 300; no single revenue to divide by
    expect([row.low, row.high, row.value]).toEqual([20, 300, null]);
    expect(row.note).toBe('no point value: r is stated only as an order of magnitude (亿元级别); 200-300亿元 (2026-01) over 亿元级别 revenue 2025-01-01..2025-12-31');
  });
  it('no value over a revenue stated only as a lower bound: 300亿 / 超10亿 = [0, 30]', () => {
    const [row] = computeDerived([valuation('v', '300亿元'), revenue2025('r', '超10亿元')], FX, [psRatioRule]);
    expect([row.low, row.high, row.value]).toEqual([0, 30, null]);
    expect(row.note).toMatch(/^no point value: r states only a lower bound \(超10亿元\), and the result falls as it rises; /);
  });
  it('a zero revenue is a row without a value, not a skipped pair', () => {
    const [row] = computeDerived([valuation('v', '100亿元'), revenue2025('r', '0亿元')], FX, [psRatioRule]);
    expect([row.value, row.low, row.high]).toEqual([null, null, null]);
    expect(row.note).toMatch(/^not computed: revenue r is 0: no multiple of sales; /);
  });
});

describe('annualizedRevenueRule', () => {
  it('Q1-Q3 x 4/3 and H1 x 2; full years and longer periods get no row', () => {
    const facts = [
      fact({ id: 'q3', metric: 'revenue', quantity: '5343.7万美元', period_start: '2025-01-01', period_end: '2025-09-30' }),
      fact({ id: 'h1', metric: 'revenue', quantity: '1.91亿元', period_start: '2025-01-01', period_end: '2025-06-30' }),
      revenue2025('fy', '3亿元'),
      fact({ id: 'two-years', metric: 'revenue', quantity: '3亿元', period_start: '2024-01-01', period_end: '2025-12-31' }),
      fact({ id: 'undated', metric: 'revenue', quantity: '3亿元' }),
    ];
    const rows = computeDerived(facts, FX, [annualizedRevenueRule]);
    expect(rows.map((r) => r.inputs[0])).toEqual(['q3', 'h1']);
    // 5343.7万 x 12/9 = 7124.9333万 USD; 1.91亿 x 12/6 = 3.82亿 CNY
    expect(rows[0].value).toBeCloseTo(71249333.33, 1);
    expect(rows[0].currency).toBe('USD');
    expect(rows[0].method).toBe('linear run-rate: 2025-01-01..2025-09-30 revenue x 12/9');
    expect([rows[1].value, rows[1].currency, rows[1].formula]).toEqual([3.82e8, 'CNY', 'revenue x 12/6']);
  });
});

describe('impliedRevenueRule', () => {
  it('valuation / stated multiple, for the same entity only', () => {
    const facts = [valuation('v', '200-300亿元'), multiple('m', 'acme', '约25倍'), multiple('other', 'peer', '40倍')];
    const rows = computeDerived(facts, FX, [impliedRevenueRule]);
    expect(rows).toHaveLength(1);
    // 200亿 / 25 = 8亿, 300亿 / 25 = 12亿, stated 250亿 / 25 = 10亿
    expect([rows[0].low, rows[0].high, rows[0].value]).toEqual([8e8, 12e8, 10e8]);
    expect([rows[0].currency, rows[0].inputs]).toEqual(['CNY', ['v', 'm']]);
  });
  it('a multiple of 0 gives a row without a value', () => {
    const [row] = computeDerived([valuation('v', '100亿元'), multiple('m', 'acme', '0倍')], FX, [impliedRevenueRule]);
    expect(row.value).toBeNull();
    expect(row.note).toBe('not computed: multiple m is 0: no revenue implied; 100亿元 / 0倍');
  });
});

describe('requiredGrowthRule', () => {
  // acme: 225亿 / 1亿 = P/S 225
  const base = [valuation('v', '225亿元'), revenue2025('r', '1亿元')];

  it('growth to a peer range in 2 and 3 years, bounds from the range and value from its midpoint', () => {
    const rows = computeDerived([...base, multiple('peer-ps', 'peer', '20-30倍')], FX, [requiredGrowthRule]);
    expect(rows.map((r) => r.id)).toEqual([expect.stringMatching(/^required-revenue-cagr-acme-[0-9a-f]{6}$/), expect.stringMatching(/^required-revenue-cagr-acme-[0-9a-f]{6}$/)]);
    expect(rows.map((r) => r.method)).toEqual([expect.stringContaining('horizon 2 years'), expect.stringContaining('horizon 3 years')]);
    // 2 years: (225/30)^(1/2) - 1 = 2.738613 - 1 = 1.738613; (225/20)^(1/2) - 1 = 3.354102 - 1 = 2.354102;
    // stated 25x: (225/25)^(1/2) - 1 = 3 - 1 = 2
    expect(rows[0].low).toBeCloseTo(1.738613, 6);
    expect(rows[0].high).toBeCloseTo(2.354102, 6);
    expect(rows[0].value).toBeCloseTo(2, 12);
    // 3 years at 25x: 9^(1/3) - 1 = 2.080084 - 1 = 1.080084
    expect(rows[1].value).toBeCloseTo(1.080084, 6);
    expect(rows[1].unit).toBe('rate');
    expect(rows[1].method).toBe('horizon 3 years, valuation held constant');
  });
  it('annualizes a partial-year revenue and names it', () => {
    const h1 = fact({ id: 'r', metric: 'revenue', quantity: '0.5亿元', period_start: '2025-01-01', period_end: '2025-06-30' });
    const rows = computeDerived([valuation('v', '225亿元'), h1, multiple('peer-ps', 'peer', '25倍')], FX, [requiredGrowthRule]);
    // 0.5亿 x 12/6 = 1亿, so the same 225x: (225/25)^(1/2) - 1 = 2
    expect(rows[0].value).toBeCloseTo(2, 12);
    expect(rows[0].method).toBe('linear run-rate: 2025-01-01..2025-06-30 revenue x 12/6; horizon 2 years, valuation held constant');
  });
  it('no row for a peer multiple at or above the company, its own multiple, or an open-ended P/S', () => {
    // 225x is not above 225-300x; acme's own 25x is not a peer
    expect(computeDerived([...base, multiple('hi', 'peer', '225-300倍'), multiple('own', 'acme', '25倍')], FX, [requiredGrowthRule])).toEqual([]);
    // 超225亿 / 1亿 = [225, +inf): no finite multiple to bring down
    const open = [valuation('v', '超225亿元'), revenue2025('r', '1亿元'), multiple('peer-ps', 'peer', '25倍')];
    expect(computeDerived(open, FX, [requiredGrowthRule])).toEqual([]);
  });
});
