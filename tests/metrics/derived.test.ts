import { describe, expect, it } from 'vitest';
import { computeDerived, derivedFrame, finishDerived } from '../../src/metrics/derived';
import { fact, FX } from './facts';

const facts = [
  fact({ id: 'v', table: 'valuations', metric: 'valuation', quantity: '200-300亿元', as_of: '2026-01-26' }),
  fact({ id: 'r', metric: 'revenue', quantity: '10亿元', period_start: '2025-01-01', period_end: '2025-12-31' }),
  fact({ id: 'old-r', metric: 'revenue', quantity: '5亿元', period_start: '2020-01-01', period_end: '2020-12-31' }),
  fact({ id: 'peer-cap', entity: 'peer', table: 'valuations', metric: 'market_cap', quantity: '900亿港元', as_of: '2026-01' }),
  fact({ id: 'peer-r', entity: 'peer', metric: 'revenue', quantity: '1.8亿元', period_start: '2025-01-01', period_end: '2025-06-30' }),
  fact({ id: 'peer-loss', entity: 'peer', metric: 'net_loss', quantity: '9亿元', period_start: '2025-01-01', period_end: '2025-06-30' }),
  fact({ id: 'm-total', entity: 'm', table: 'model_specs', metric: 'total_parameters', quantity: '321B' }),
  fact({ id: 'm-active', entity: 'm', table: 'model_specs', metric: 'active_parameters', quantity: '38B' }),
  fact({ id: 's-base', entity: 'm', table: 'benchmarks', metric: 'score', quantity: '97.3', unit: 'score', benchmark: 'B1' }),
  fact({ id: 's-var', entity: 'm', table: 'benchmarks', metric: 'score', quantity: '99.9', unit: 'score', benchmark: 'B1', variant: 'PaCoRe' }),
  fact({ id: 's-other', entity: 'n', table: 'benchmarks', metric: 'score', quantity: '98.1', unit: 'score', benchmark: 'B1' }),
];

describe('computeDerived', () => {
  const rows = computeDerived(facts, FX);
  const one = (metric: string) => rows.filter((r) => r.metric === metric);

  it('P/S for a valuation and a revenue of matching dates only', () => {
    const ps = one('ps_ratio');
    expect(ps).toHaveLength(1); // the 2020 revenue is too old for a 2026 valuation
    expect([ps[0].low, ps[0].high]).toEqual([20, 30]); // 200亿/10亿, 300亿/10亿
    expect(ps[0].inputs).toEqual(['v', 'r']);
    expect(ps[0].formula).toBe('valuation / revenue');
  });
  it('market cap to annualized sales across currencies, naming the FX assumption', () => {
    const m = one('market_cap_to_sales');
    expect(m).toHaveLength(1);
    // 900亿 HKD x 0.9 = 810亿 CNY; 1.8亿 x 2 = 3.6亿; 810 / 3.6 = 225
    expect(m[0].value).toBeCloseTo(225, 9);
    expect(m[0].assumptions).toEqual(['hkd-cny-test']);
    expect(m[0].method).toMatch(/linear run-rate/);
  });
  it('revenue growth with a partial year annualized', () => {
    const g = one('revenue_growth_multiple').find((r) => r.entity === 'acme');
    // 2020 -> 2025 are consecutive rows: 10亿 / 5亿 = 2
    expect(g?.value).toBe(2);
  });
  it('loss ratio per matching period: 9亿 / 1.8亿 = 5', () => {
    expect(one('loss_to_revenue').map((r) => r.value)).toEqual([5]);
  });
  it('active share, total/active and bf16 memory for the model', () => {
    expect(one('active_parameter_share')[0].value).toBeCloseTo(11.838, 3); // 38/321
    expect(one('total_to_active_parameters')[0].value).toBeCloseTo(8.447, 3); // 321/38
    expect(one('weight_memory_bf16')[0].value).toBe(642e9); // 321B x 2
  });
  it('variant gain and gap to the best', () => {
    expect(one('variant_gain')[0].value).toBeCloseTo(2.6, 10); // 99.9 - 97.3
    const gap = one('score_gap_to_best');
    expect(gap).toHaveLength(1);
    expect(gap[0].entity).toBe('m');
    expect(gap[0].value).toBeCloseTo(-0.8, 10); // 97.3 - 98.1
  });
  it('ids are unique and the frame has one row per derived metric', () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const df = derivedFrame(facts, FX) as { shape: [number, number] };
    expect(df.shape[0]).toBe(rows.length);
  });
});

describe('finishDerived', () => {
  it('publishes 12 significant digits, dropping floating-point noise', () => {
    // 0.1 + 0.2 = 0.30000000000000004 in binary floating point; 3 / 0.1 = 30.000000000000004
    const [row] = finishDerived([{
      metric: 'ratio', entity: 'x', detail: 'noise', unit: 'multiple', formula: 'a / b', inputs: ['a', 'b'],
      interval: { lo: 0.1 + 0.2, hi: 3 / 0.1 },
    }]);
    expect([row.low, row.high]).toEqual([0.3, 30]);
    expect(row.value).toBe(15.15); // (0.3 + 30) / 2
  });
});
