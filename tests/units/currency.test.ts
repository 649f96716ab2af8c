import { describe, expect, it } from 'vitest';
import { convertMoney, fxRate, isCurrency } from '../../src/units';
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

  it('knows the currencies', () => {
    expect(isCurrency('HKD')).toBe(true);
    expect(isCurrency('EUR')).toBe(false);
  });
});
