import { describe, expect, it } from 'vitest';
import type { Derived } from '../../src/metrics';
import type { Assumption, Fact, Source } from '../../src/types';
import { chartFindings, derivedTableRows, describeDerived, describeFact, formatRange, formatValue, usdCnyOverrides } from '../../src/notebooks';

const ps: Derived = {
  id: 'ps-ratio-x', metric: 'ps_ratio', entity: 'x', value: 25, low: 20, high: 30, unit: 'multiple', currency: null,
  formula: 'valuation / revenue', inputs: ['v1', 'r1'], assumptions: [], method: null, note: null,
};

describe('formatting derived rows and facts', () => {
  it('offers the shared value formats of src/units', () => {
    expect(formatRange(ps)).toBe('20–30x (point 25.0x)');
    expect(formatValue(0.26, 'rate')).toBe('26.0%');
  });

  it('names the inputs, assumptions and method of a derived row', () => {
    expect(describeDerived(ps)).toBe('ps-ratio-x: 20–30x (point 25.0x) = valuation / revenue; inputs: v1, r1');
    const converted = { ...ps, assumptions: ['fx-1'], method: 'linear run-rate' };
    expect(describeDerived(converted)).toBe('ps-ratio-x: 20–30x (point 25.0x) = valuation / revenue; inputs: v1, r1; assumptions: fx-1; linear run-rate');
    expect(derivedTableRows([converted])).toEqual([{
      id: 'ps-ratio-x', entity: 'x', low: '20.0x', point: '25.0x', high: '30.0x', formula: 'valuation / revenue', inputs: 'v1, r1', assumptions: 'fx-1',
    }]);
  });

  it('says why a derived row has no value', () => {
    const undefinedRow = { ...ps, value: null, low: null, high: null, note: 'not computed: revenue is 0' };
    expect(describeDerived(undefinedRow)).toBe('ps-ratio-x: — = valuation / revenue; inputs: v1, r1; not computed: revenue is 0');
  });

  it('traces a fact to its source, evidence and CSV row', () => {
    const fact = {
      id: 'qb-a-funding_amount', table: 'funding_rounds', entity: 'a', metric: 'funding_amount', quantity: '超50亿元',
      value: 5e9, low: 5e9, high: null, unit: 'money', currency: 'CNY', qualifier: 'over', as_of: '2026-02', period_start: null,
      period_end: null, source: 'qb', seed_file: 's.txt', evidence: '超50亿元融资', note: null, file: 'data/funding_rounds.csv', line: 2,
    } as Fact;
    const sources = [{ id: 'qb', outlet: 'QbitAI', published: '2026-02-27' } as Source];
    expect(describeFact(fact, sources)).toBe('qb-a-funding_amount: 超50亿元 -> ≥ CNY 5.0bn [over] | QbitAI (qb, 2026-02-27) | evidence 「超50亿元融资」 | data/funding_rounds.csv:2');
  });
});

describe('usdCnyOverrides', () => {
  const a = (id: string, value: number, unit: string, as_of: string): Assumption => ({ id, name: id, value, unit, as_of, rationale: 'r', reference: null });
  it('sets every CNY/USD rate and moves CNY/HKD through USD/HKD', () => {
    const assumptions = [
      a('usd-cny-2025-06', 7.15, 'CNY/USD', '2025-06'), a('usd-cny-2026-01', 7.0, 'CNY/USD', '2026-01'),
      a('hkd-usd-2026-01', 0.128, 'USD/HKD', '2026-01'), a('hkd-cny-2026-01', 0.896, 'CNY/HKD', '2026-01'),
    ];
    const o = usdCnyOverrides(assumptions, 7.3);
    expect(Object.keys(o).sort()).toEqual(['hkd-cny-2026-01', 'usd-cny-2025-06', 'usd-cny-2026-01']);
    expect(o['usd-cny-2025-06']).toBe(7.3);
    expect(o['usd-cny-2026-01']).toBe(7.3);
    // 7.3 CNY/USD x 0.128 USD/HKD = 0.9344 CNY/HKD
    expect(o['hkd-cny-2026-01']).toBeCloseTo(0.9344, 12);
  });
  it('rejects a non-positive rate and a CNY/HKD rate it cannot move', () => {
    expect(() => usdCnyOverrides([], 0)).toThrow(/positive/);
    expect(() => usdCnyOverrides([a('hkd-cny', 0.9, 'CNY/HKD', '2026-01')], 7)).toThrow(/no USD\/HKD assumption/);
  });
});

describe('chartFindings', () => {
  it('keeps the text of stated and computed values and the input ids charts flag', () => {
    const [f] = chartFindings([{
      id: 'c1', kind: 'derivation', rule: 'claim', status: 'pass', entities: ['x'], sources: ['s'], inputs: ['a'],
      stated: { text: '约25倍', low: 22.5, high: 27.5, unit: 'multiple' }, computed: null, message: 'ok',
    }]);
    expect(f).toEqual({ id: 'c1', kind: 'derivation', status: 'pass', entities: ['x'], sources: ['s'], inputs: ['a'], rule: 'claim', stated: '约25倍', computed: null, message: 'ok' });
  });
});
