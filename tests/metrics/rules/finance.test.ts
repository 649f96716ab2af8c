import { describe, expect, it } from 'vitest';
import { computeDerived } from '../../../src/metrics/derived';
import { FUNDING_SHARE_SLACK_DAYS, fundingShareRule, lossRatioRule, revenueCagrRule, revenueGrowthRule } from '../../../src/metrics/rules/finance';
import { fact, FX } from '../facts';

const year = (id: string, y: number, quantity: string, entity = 'acme') =>
  fact({ id, entity, metric: 'revenue', quantity, period_start: `${y}-01-01`, period_end: `${y}-12-31` });
const zeroUsd = (id: string, y: number) => ({ ...year(id, y, '0'), unit: 'money', currency: 'USD' as const });

describe('revenueGrowthRule', () => {
  it('adjacent years of the same length: 346万 -> 3052万 = x8.820809', () => {
    const rows = computeDerived([year('a', 2023, '346万美元'), year('b', 2024, '3052万美元')], FX, [revenueGrowthRule]);
    expect(rows.map((r) => r.inputs)).toEqual([['a', 'b']]);
    expect(rows[0].value).toBeCloseTo(8.820809, 6); // 3052 / 346
    expect(rows[0].method).toBeNull();
  });
  it('a partial year right after a full year by linear run-rate: (1.91亿 x 2) / 3.12亿 = 1.224359', () => {
    const h1 = fact({ id: 'h1', metric: 'revenue', quantity: '1.91亿元', period_start: '2025-01-01', period_end: '2025-06-30' });
    const [row] = computeDerived([year('fy', 2024, '3.12亿元'), h1], FX, [revenueGrowthRule]);
    expect(row.value).toBeCloseTo(1.224359, 6); // 3.82 / 3.12
    expect(row.formula).toBe('(revenue x 12/6) / previous revenue');
  });
  it('two halves of a year compare as stated (same length)', () => {
    const h = (id: string, s: string, e: string, q: string) => fact({ id, metric: 'revenue', quantity: q, period_start: s, period_end: e });
    const [row] = computeDerived([h('h1', '2025-01-01', '2025-06-30', '2亿元'), h('h2', '2025-07-01', '2025-12-31', '3亿元')], FX, [revenueGrowthRule]);
    expect(row.value).toBe(1.5); // 3 / 2, no annualizing
  });
  it('no row for periods with a gap, of different lengths, or a full year after a partial one', () => {
    const h2 = fact({ id: 'h2', metric: 'revenue', quantity: '1亿元', period_start: '2023-07-01', period_end: '2023-12-31' });
    const facts = [year('y2020', 2020, '5亿元'), year('y2022', 2022, '8亿元'), h2, year('y2024', 2024, '10亿元')];
    // 2020 -> 2022 leaves 2021 out; H2 2023 -> 2024 goes from a half to a full year
    expect(computeDerived(facts, FX, [revenueGrowthRule])).toEqual([]);
  });
  it('growth from a revenue of 0 is a row with the reason, not a skipped pair', () => {
    const [row] = computeDerived([zeroUsd('z', 2022), year('b', 2023, '346万美元')], FX, [revenueGrowthRule]);
    expect([row.value, row.low, row.high]).toEqual([null, null, null]);
    expect(row.note).toBe('not computed: previous revenue z is 0: growth from 0 is undefined; 2022-01-01..2022-12-31 -> 2023-01-01..2023-12-31');
  });
});

describe('revenueCagrRule', () => {
  it('full years two or more years apart: 0.57亿 (2022) -> 3.12亿 (2024)', () => {
    const facts = [year('y22', 2022, '0.57亿元'), year('y23', 2023, '1.25亿元'), year('y24', 2024, '3.12亿元')];
    const rows = computeDerived(facts, FX, [revenueCagrRule]);
    expect(rows.map((r) => r.inputs)).toEqual([['y22', 'y24']]); // adjacent years get growth, not CAGR
    // (3.12 / 0.57)^(1/2) - 1 = 5.473684^(1/2) - 1 = 2.339591 - 1 = 1.339591 (134.0% a year)
    expect(rows[0].value).toBeCloseTo(1.339591, 6);
    expect([rows[0].unit, rows[0].formula]).toEqual(['rate', '(revenue / base revenue)^(1/2) - 1']);
  });
  it('the base converted into the end currency with the FX assumption named', () => {
    // 1亿 USD x 7 = 7亿 CNY (usd-cny-test, the only USD/CNY rate); 28亿 / 7亿 = 4 over 2 years: 4^(1/2) - 1 = 1
    const [row] = computeDerived([year('usd', 2022, '1亿美元'), year('cny', 2024, '28亿元')], FX, [revenueCagrRule]);
    expect(row.value).toBeCloseTo(1, 12);
    expect(row.assumptions).toEqual(['usd-cny-test']);
  });
  it('a base of 0 is a row with the reason; partial years get no CAGR', () => {
    const q3 = fact({ id: 'q3', metric: 'revenue', quantity: '5343.7万美元', period_start: '2025-01-01', period_end: '2025-09-30' });
    const rows = computeDerived([zeroUsd('z', 2022), year('y24', 2024, '3052万美元'), q3], FX, [revenueCagrRule]);
    expect(rows).toHaveLength(1);
    expect(rows[0].value).toBeNull();
    expect(rows[0].note).toMatch(/^not computed: base revenue z is 0: growth from 0 is undefined; /);
  });
});

describe('lossRatioRule', () => {
  it('loss / revenue of the same period; a revenue of 0 gives a row with the reason', () => {
    const loss = (id: string, y: number, q: string) => fact({ id, metric: 'net_loss', quantity: q, period_start: `${y}-01-01`, period_end: `${y}-12-31` });
    const facts = [zeroUsd('r22', 2022), year('r23', 2023, '346万美元'), loss('l22', 2022, '7370万美元'), loss('l23', 2023, '2.69亿美元'), loss('l24', 2024, '1亿美元')];
    const rows = computeDerived(facts, FX, [lossRatioRule]);
    expect(rows.map((r) => r.inputs)).toEqual([['l22', 'r22'], ['l23', 'r23']]); // 2024 has no revenue
    expect(rows[0].value).toBeNull();
    expect(rows[0].note).toBe('not computed: revenue r22 is 0: loss per unit of revenue is undefined; 2022-01-01..2022-12-31');
    expect(rows[1].value).toBeCloseTo(77.745665, 6); // 26900 / 346
  });
});

describe('fundingShareRule', () => {
  const total = fact({ id: 'total', entity: 'industry', table: 'market', metric: 'industry_funding', quantity: '100亿元', period_start: '2025-01-01', period_end: '2025-12-31' });
  const round = (id: string, quantity: string, as_of: string | null) => fact({ id, table: 'funding_rounds', metric: 'funding_amount', quantity, as_of });

  it('a round inside the year, open-ended: 超20亿 / 100亿 = [20%, +inf), stated 20%', () => {
    const [row] = computeDerived([total, round('in', '超20亿元', '2025-06-01')], FX, [fundingShareRule]);
    expect([row.low, row.high, row.value]).toEqual([20, null, 20]);
    expect(row.note).toBe('round 2025-06-01 within 2025-01-01..2025-12-31');
  });
  it(`a round up to ${FUNDING_SHARE_SLACK_DAYS} days after the year is flagged; later, undated or another currency gets no row`, () => {
    const facts = [total, round('late', '10亿元', '2026-01-15'), round('later', '10亿元', '2026-03-01'), round('undated', '10亿元', null), round('usd', '1亿美元', '2025-06-01')];
    const rows = computeDerived(facts, FX, [fundingShareRule]);
    expect(rows.map((r) => r.inputs[0])).toEqual(['late']);
    expect(rows[0].value).toBe(10); // 10亿 / 100亿 x 100
    expect(rows[0].note).toBe('round dated 2026-01-15, after the period 2025-01-01..2025-12-31 of the total');
  });
});
