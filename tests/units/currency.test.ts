import { describe, expect, it } from 'vitest';
import { convertMoney, fxRate, isCurrency } from '../../src/units';
import { fxDate, fxRateFor, type FxDated } from '../../src/units/currency';
import type { Assumption } from '../../src/types';

const fx = (id: string, value: number, unit: string, as_of: string): Assumption => ({
  id, name: id, value, unit, as_of, rationale: 'test', reference: null,
});

const RATES: Assumption[] = [
  fx('usd-cny-2025-06', 7.15, 'CNY/USD', '2025-06'),
  fx('usd-cny-2026-01', 7.0, 'CNY/USD', '2026-01'),
  fx('hkd-usd-2026-01', 0.128, 'USD/HKD', '2026-01'),
];

describe('convertMoney', () => {
  it('uses the latest rate without a date', () => {
    // 1e9 USD x 7.0 = 7e9 CNY
    expect(convertMoney(1e9, 'USD', 'CNY', RATES)).toBe(7e9);
  });

  it('uses the rate closest to the date', () => {
    // 2025-09-30 is 121 days after 2025-06-01 and 93 days before 2026-01-01: 2026-01 is closer
    expect(fxRate('USD', 'CNY', RATES, '2025-09-30').assumption).toBe('usd-cny-2026-01');
    // 2025-07-01 is 30 days after 2025-06-01 and 184 days before 2026-01-01
    expect(fxRate('USD', 'CNY', RATES, '2025-07-01').assumption).toBe('usd-cny-2025-06');
    // 1e8 USD x 7.15 = 7.15e8 CNY
    expect(convertMoney(1e8, 'USD', 'CNY', RATES, '2024')).toBeCloseTo(7.15e8, 0);
  });

  it('inverts a rate when needed', () => {
    // 7e9 CNY / 7.0 = 1e9 USD
    expect(convertMoney(7e9, 'CNY', 'USD', RATES, '2026-01')).toBeCloseTo(1e9, 3);
    // 955亿 HKD x 0.128 = 1.2224e10 USD
    expect(convertMoney(9.55e10, 'HKD', 'USD', RATES)).toBeCloseTo(1.2224e10, 0);
  });

  it('returns the amount for the same currency and fails without a rate', () => {
    expect(convertMoney(5, 'CNY', 'CNY', [])).toBe(5);
    expect(() => convertMoney(1, 'HKD', 'CNY', RATES)).toThrow(/no FX assumption for HKD -> CNY/);
    expect(() => convertMoney(1, 'USD', 'CNY', RATES, '2026-13')).toThrow(/bad date/);
  });
});

const flow = (id: string, period_start: string, period_end: string): FxDated => ({ id, as_of: null, period_start, period_end });
const stock = (id: string, as_of: string): FxDated => ({ id, as_of, period_start: null, period_end: null });

describe('fxDate and fxRateFor', () => {
  it('dates a flow by the midpoint of its period', () => {
    // 2025-01-01 00:00 .. end of 2025-09-30 (= 2025-10-01 00:00) is 273 days; half is 136.5 days:
    // 2025-01-01 + 136 days = 2025-05-17 (Jan 31 + Feb 28 + Mar 31 + Apr 30 = 120, +16 into May)
    expect(fxDate(flow('loss-9m', '2025-01-01', '2025-09-30'))).toBe('2025-05-17');
    // a full year 2024 (366 days): 2024-01-01 + 183 days = 2024-07-02
    expect(fxDate(flow('rev-2024', '2024-01-01', '2024-12-31'))).toBe('2024-07-02');
    // partial dates: 2025 .. 2025 is the whole year 2025 (365 days): + 182.5 days = 2025-07-02
    expect(fxDate(flow('rev-2025', '2025', '2025'))).toBe('2025-07-02');
  });

  it('dates a stock by its as_of and falls back to a lone period date', () => {
    expect(fxDate(stock('cap', '2026-01'))).toBe('2026-01');
    expect(fxDate({ id: 'end-only', as_of: null, period_start: null, period_end: '2025-09-30' })).toBe('2025-09-30');
    expect(fxDate({ id: 'undated', as_of: null, period_start: null, period_end: null })).toBeNull();
  });

  it('converts every period of a flow series reported for 2025 and earlier at the 2025-06 rate', () => {
    // MiniMax net loss 2025 Jan-Sep: 5.12亿 USD x 7.15 = 36.608亿 CNY (midpoint 2025-05-17 is
    // 15 days before 2025-06-01 and 229 days before 2026-01-01). Its period END 2025-09-30 would
    // pick 2026-01 (93 days away against 121): the rule dates flows by their midpoint instead.
    const nineMonths = fxRateFor(flow('minimax-loss-2025-9m', '2025-01-01', '2025-09-30'), 'USD', 'CNY', RATES);
    expect(nineMonths.assumption).toBe('usd-cny-2025-06');
    expect(5.12e8 * nineMonths.rate).toBeCloseTo(36.608e8, 0);
    // MiniMax net loss 2024: 4.65亿 USD x 7.15 = 33.2475亿 CNY, the same rate as 2025 Jan-Sep
    const year2024 = fxRateFor(flow('minimax-loss-2024', '2024-01-01', '2024-12-31'), 'USD', 'CNY', RATES);
    expect(year2024.assumption).toBe('usd-cny-2025-06');
    expect(4.65e8 * year2024.rate).toBeCloseTo(33.2475e8, 0);
    // the full year 2025 (midpoint 2025-07-02, 31 days after 2025-06-01, 183 before 2026-01-01)
    expect(fxRateFor(flow('rev-2025', '2025-01-01', '2025-12-31'), 'USD', 'CNY', RATES).assumption).toBe('usd-cny-2025-06');
  });

  it('converts a stock at the rate for its as_of', () => {
    // a market cap as of 2026-01: 1e9 USD x 7.0 = 7e9 CNY
    const r = fxRateFor(stock('cap-2026-01', '2026-01'), 'USD', 'CNY', RATES);
    expect(r.assumption).toBe('usd-cny-2026-01');
    expect(1e9 * r.rate).toBe(7e9);
    // a round dated 2024-12: 2025-06 is 182 days away, 2026-01 is 396 days away -> 7.15
    expect(fxRateFor(stock('round-2024-12', '2024-12'), 'USD', 'CNY', RATES).rate).toBe(7.15);
  });

  it('names the fact with a bad period', () => {
    expect(() => fxDate(flow('bad-end', '2025-01-01', '2025-13-01'))).toThrow(/fact 'bad-end': bad period_end '2025-13-01'/);
    expect(() => fxDate(flow('reversed', '2025-06-01', '2025-01-31'))).toThrow(/fact 'reversed': period_end '2025-01-31' is before period_start '2025-06-01'/);
  });
});

describe('isCurrency', () => {
  it('knows the currencies', () => {
    expect(isCurrency('HKD')).toBe(true);
    expect(isCurrency('EUR')).toBe(false);
  });
});
