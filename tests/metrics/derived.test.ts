import { describe, expect, it } from 'vitest';
import { computeDerived, conversionDrafts, derivedFrame, finishDerived, markMixedBases, shortPeriod, type DerivedDraft } from '../../src/metrics/derived';
import type { Fact } from '../../src/types';
import { fact, FX } from './facts';

const facts = [
  fact({ id: 'v', table: 'valuations', metric: 'valuation', quantity: '200-300亿元', as_of: '2026-01-26' }),
  fact({ id: 'r', metric: 'revenue', quantity: '10亿元', period_start: '2025-01-01', period_end: '2025-12-31' }),
  fact({ id: 'old-r', metric: 'revenue', quantity: '5亿元', period_start: '2020-01-01', period_end: '2020-12-31' }),
  fact({ id: 'peer-cap', entity: 'peer', table: 'valuations', metric: 'market_cap', quantity: '900亿港元', as_of: '2026-01' }),
  fact({ id: 'peer-r-2024', entity: 'peer', metric: 'revenue', quantity: '3亿元', period_start: '2024-01-01', period_end: '2024-12-31' }),
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
    expect(ps[0].value).toBe(25); // stated value of 200-300亿 is 250亿: 250亿/10亿
    expect(ps[0].inputs).toEqual(['v', 'r']);
    expect(ps[0].formula).toBe('valuation / revenue');
  });
  it('market cap to annualized sales across currencies, naming the FX assumption', () => {
    const m = one('market_cap_to_sales');
    expect(m).toHaveLength(1);
    // 1.8亿 CNY / 0.9 CNY per HKD = 2亿 HKD; x 12/6 = 4亿 HKD; 900亿 / 4亿 = 225
    expect(m[0].value).toBeCloseTo(225, 9);
    expect(m[0].assumptions).toEqual(['hkd-cny-test']);
    expect(m[0].method).toMatch(/linear run-rate/);
  });
  it('revenue growth with a partial year annualized', () => {
    const g = one('revenue_growth_multiple');
    // only the adjacent pair 2024 -> 2025 H1: (1.8亿 x 12/6) / 3亿 = 3.6 / 3 = 1.2
    expect(g.map((r) => r.inputs)).toEqual([['peer-r-2024', 'peer-r']]);
    expect(g[0].value).toBeCloseTo(1.2, 12);
    expect(g[0].formula).toBe('(revenue x 12/6) / previous revenue');
    expect(g[0].method).toMatch(/linear run-rate: 2025-01-01\.\.2025-06-30 revenue x 12\/6/);
  });
  it('revenue five years apart gets a CAGR, not a period-over-period growth', () => {
    const c = one('revenue_cagr');
    // 5亿 (2020) -> 10亿 (2025): 2^(1/5) - 1 = 1.148698 - 1 = 0.148698
    expect(c.map((r) => r.inputs)).toEqual([['old-r', 'r']]);
    expect(c[0].value).toBeCloseTo(0.148698, 6);
    expect(c[0].formula).toBe('(revenue / base revenue)^(1/5) - 1');
  });
  it('annualized revenue and the currency conversion are rows of their own', () => {
    const a = one('annualized_revenue');
    expect(a.map((r) => [r.inputs, r.value, r.currency])).toEqual([[['peer-r'], 3.6e8, 'CNY']]); // 1.8亿 x 2
    const c = one('converted_value');
    // the conversion the market-cap-to-sales row used: 1.8亿 CNY / 0.9 CNY per HKD = 2亿 HKD
    expect(c).toHaveLength(1);
    expect(c[0].value).toBeCloseTo(2e8, 3);
    expect([c[0].currency, c[0].inputs, c[0].assumptions]).toEqual(['HKD', ['peer-r'], ['hkd-cny-test']]);
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

const draft = (over: Partial<DerivedDraft>): DerivedDraft => ({
  metric: 'ratio', entity: 'x', detail: 'd', unit: 'multiple', formula: 'a / b', inputs: ['a', 'b'],
  interval: { lo: 1, hi: 1 }, value: 1, ...over,
});

describe('finishDerived', () => {
  it('publishes 12 significant digits, dropping floating-point noise', () => {
    // 0.1 + 0.2 = 0.30000000000000004 in binary floating point; 3 / 0.1 = 30.000000000000004
    const [row] = finishDerived([draft({ interval: { lo: 0.1 + 0.2, hi: 3 / 0.1 }, value: 0.1 * 3 })]);
    expect([row.low, row.high]).toEqual([0.3, 30]);
    expect(row.value).toBe(0.3); // the stated value as given (0.1 x 3 = 0.30000000000000004), not the midpoint 15.15
  });
  it('keeps an undefined row with null numbers and the reason first in the note', () => {
    const [row] = finishDerived([draft({ interval: null, value: null, problem: 'revenue r is 0', note: '2022' })]);
    expect([row.value, row.low, row.high]).toEqual([null, null, null]);
    expect(row.note).toBe('not computed: revenue r is 0; 2022');
  });
  it('a row with bounds but no value gives the reason without "not computed"', () => {
    const [row] = finishDerived([draft({ interval: { lo: 20, hi: 300 }, value: null, problem: 'no point value: r is stated only as an order of magnitude (亿元级别)', note: 'n' })]);
    expect([row.value, row.low, row.high]).toEqual([null, 20, 300]);
    expect(row.note).toBe('no point value: r is stated only as an order of magnitude (亿元级别); n');
  });
  it('an open side is a null bound; ids repeat with a counter', () => {
    const rows = finishDerived([draft({ interval: { lo: 52.5, hi: Infinity }, value: 52.5 }), draft({})]);
    expect([rows[0].low, rows[0].high, rows[0].value]).toEqual([52.5, null, 52.5]);
    // <metric>-<entity>-<6 hex digits hashing the inputs and detail>; the same inputs twice get a counter
    expect(rows[0].id).toMatch(/^ratio-x-[0-9a-f]{6}$/);
    expect(rows[1].id).toBe(`${rows[0].id}-2`);
  });
  it('ids are short and stable, labels name entity, formula and period', () => {
    const a = finishDerived([draft({})])[0];
    const b = finishDerived([draft({ detail: 'other' }), draft({})])[1];
    // the same draft gets the same id wherever it is in the list
    expect(b.id).toBe(a.id);
    expect(a.id.length).toBeLessThanOrEqual(40);
    const names = new Map([['x', 'Zhipu']]);
    const facts = new Map([['r', { id: 'r', as_of: null, period_start: '2025-01-01', period_end: '2025-06-30' } as Fact]]);
    expect(finishDerived([draft({ formula: 'market_cap / annualized revenue', inputs: ['r'] })], { facts, names })[0].label)
      .toBe('Zhipu · market cap / annualized revenue · 2025 H1');
  });
  it('short periods: year, half, quarter, months from January, else month range', () => {
    const p = (s: string, e: string) => shortPeriod({ as_of: null, period_start: s, period_end: e });
    expect(p('2025-01-01', '2025-12-31')).toBe('2025');
    expect(p('2025-07-01', '2025-12-31')).toBe('2025 H2');
    expect(p('2025-07-01', '2025-09-30')).toBe('2025 Q3');
    expect(p('2025-01-01', '2025-09-30')).toBe('2025 9M');
    expect(p('2025-04-01', '2025-12-31')).toBe('2025-04..2025-12');
    expect(shortPeriod({ as_of: '2026-01', period_start: null, period_end: null })).toBe('2026-01');
  });
});

describe('conversionDrafts', () => {
  it('one row per fact, currency and assumption, whatever number of rows used it', () => {
    const f = fact({ id: 'rev', metric: 'revenue', quantity: '7亿美元' });
    const conversion = {
      fact: f, from: 'USD' as const, to: 'CNY' as const, asOf: '2026-01', rate: 7, assumption: 'usd-cny-test',
      converted: { interval: { lo: 49e8, hi: 49e8 }, value: 49e8 }, // 7亿 x 7 = 49亿
    };
    const out = conversionDrafts([draft({ conversions: [conversion] }), draft({ conversions: [conversion] }), draft({})]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ metric: 'converted_value', entity: 'acme', value: 49e8, currency: 'CNY', inputs: ['rev'], assumptions: ['usd-cny-test'] });
    expect(out[0].method).toBe('7 CNY per USD from usd-cny-test, the rate dated closest to 2026-01');
  });
  it('a converted order of magnitude keeps its bounds and says why it has no value', () => {
    const f = fact({ id: 'rev', metric: 'revenue', quantity: '亿美元级别' });
    const conversion = {
      fact: f, from: 'USD' as const, to: 'CNY' as const, asOf: '2026-01', rate: 7, assumption: 'usd-cny-test',
      // [1亿, 10亿] USD x 7 = [7亿, 70亿] CNY
      converted: { interval: { lo: 7e8, hi: 7e9 }, value: null, noValue: 'rev is stated only as an order of magnitude (亿美元级别)' },
    };
    const [row] = finishDerived(conversionDrafts([draft({ conversions: [conversion] })]));
    expect([row.value, row.low, row.high]).toEqual([null, 7e8, 7e9]);
    expect(row.note).toBe('no point value: rev is stated only as an order of magnitude (亿美元级别); 亿美元级别 in CNY');
  });
});

describe('markMixedBases', () => {
  const cap = fact({ id: 'cap', entity: 'listed-co', metric: 'market_cap', quantity: '955亿港元', table: 'valuations', unit: 'money', currency: 'HKD' });
  const val = fact({ id: 'val', entity: 'private-co', metric: 'valuation', quantity: '250亿元', table: 'valuations', unit: 'money', currency: 'CNY' });
  const ps = fact({ id: 'ps', entity: 'private-co', metric: 'ps_ratio', quantity: '25倍', table: 'multiples', unit: 'multiple' });
  const rev = fact({ id: 'rev', entity: 'listed-co', metric: 'revenue', quantity: '3.82亿元', table: 'financials', unit: 'money', currency: 'CNY' });
  const row = (inputs: string[]) => finishDerived([draft({ inputs })])[0];

  it('notes a listed market cap against a multiple stated for a private company', () => {
    const [mixed, plain] = markMixedBases([row(['cap', 'rev', 'ps']), row(['cap', 'rev'])], [cap, val, ps, rev]);
    expect(mixed.note).toMatch(/mixes bases/);
    expect(plain.note).toBe(row(['cap', 'rev']).note);
  });
});
