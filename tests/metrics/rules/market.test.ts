import { describe, expect, it } from 'vitest';
import { computeDerived } from '../../../src/metrics/derived';
import { DEFAULT_CAGR_BASE_YEAR, impliedBaseMarketRule } from '../../../src/metrics/rules/market';
import type { Fact } from '../../../src/types';
import { fact, FX } from '../facts';

const mk = (p: Partial<Fact> & { id: string; quantity: string }) => fact({ entity: 'mkt', table: 'market', ...p });

describe('impliedBaseMarketRule', () => {
  it('a CAGR with its start year: 121亿 in 2027 at 10% from 2025 = 121 / 1.1^2 = 100亿', () => {
    const facts = [
      mk({ id: 'size', metric: 'market_size', quantity: '121亿美元', period_start: '2027-01-01', period_end: '2027-12-31' }),
      mk({ id: 'g', metric: 'cagr', quantity: '10%', period_start: '2025-01-01', period_end: '2027-12-31' }),
    ];
    const [row] = computeDerived(facts, FX, [impliedBaseMarketRule]);
    expect(row.value).toBeCloseTo(100e8, 0);
    expect([row.currency, row.formula, row.method]).toEqual(['USD', 'market_size_2027 / (1 + cagr)^2', null]);
  });
  it(`without a start year ${DEFAULT_CAGR_BASE_YEAR} is assumed and named: 突破555.4亿 at 37.2% to 2035`, () => {
    const facts = [
      mk({ id: 'size', metric: 'market_size', quantity: '突破555.4亿美元', period_start: '2035-01-01', period_end: '2035-12-31' }),
      mk({ id: 'g', metric: 'cagr', quantity: '37.2%', qualifier: 'forecast', as_of: '2026-01' }),
    ];
    const [row] = computeDerived(facts, FX, [impliedBaseMarketRule]);
    // 1.372^10 = 23.634211 (1.372^2 = 1.882384, ^4 = 3.543370, ^8 = 12.555468); 555.4亿 / 23.634211 = 23.49983亿,
    // and more than that since 突破 leaves the end value open above
    expect(row.value! / 1e8).toBeCloseTo(23.49983, 5);
    expect(row.low! / 1e8).toBeCloseTo(23.49983, 5);
    expect(row.high).toBeNull();
    expect(row.method).toBe('start year not stated; 2025 assumed (last full year before publication)');
  });
  it('no row for a CAGR of another source or a market size not after the start year', () => {
    const facts = [
      mk({ id: 'size', metric: 'market_size', quantity: '121亿美元', period_start: '2024-01-01', period_end: '2024-12-31' }),
      mk({ id: 'g', metric: 'cagr', quantity: '10%', period_start: '2025-01-01', period_end: '2027-12-31' }),
      mk({ id: 'g-other', metric: 'cagr', quantity: '10%', source: 'src-b', period_start: '2020-01-01', period_end: '2027-12-31' }),
    ];
    expect(computeDerived(facts, FX, [impliedBaseMarketRule])).toEqual([]);
  });
});
