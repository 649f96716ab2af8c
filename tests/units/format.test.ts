import { describe, expect, it } from 'vitest';
import { formatChineseScale, formatLatinScale, formatQuantity, formatRange, formatValue } from '../../src/units';

describe('formatQuantity', () => {
  it('shows money with a Chinese scale word and the currency code', () => {
    // 5e9 / 1e8 = 50 -> 50亿
    expect(formatQuantity(5e9, 'money', 'CNY')).toBe('50亿 CNY');
    // 53437000 / 1e4 = 5343.7 -> 5343.7万
    expect(formatQuantity(53437000, 'money', 'USD')).toBe('5343.7万 USD');
    // 5.5e12 / 1e12 = 5.5 -> 5.5万亿
    expect(formatQuantity(5.5e12, 'money', 'HKD')).toBe('5.5万亿 HKD');
    expect(formatQuantity(-1.44e8, 'money', 'CNY')).toBe('-1.44亿 CNY');
  });

  it('shows parameters and tokens with K/M/B/T', () => {
    expect(formatQuantity(11e9, 'parameters', null)).toBe('11B parameters');
    expect(formatQuantity(128000, 'tokens', null)).toBe('128K tokens');
    expect(formatQuantity(7e12, 'tokens')).toBe('7T tokens');
  });

  it('shows money per token per million tokens, percent, multiples and other units', () => {
    // 1e-6 CNY per token x 1e6 = 1 CNY per million tokens
    expect(formatQuantity(1e-6, 'money/token', 'CNY')).toBe('1 CNY/M tokens');
    expect(formatQuantity(96.11, 'percent')).toBe('96.11%');
    expect(formatQuantity(25, 'multiple')).toBe('25x');
    expect(formatQuantity(4.2e7, 'devices')).toBe('4200万 devices');
    expect(formatQuantity(350, 'tokens/s')).toBe('350 tokens/s');
    expect(formatQuantity(null, 'money', 'CNY')).toBe('—');
  });

  it('rounds to four decimals', () => {
    // 1/3 -> 0.3333; 123456789 / 1e8 = 1.23456789 -> 1.2346亿
    expect(formatChineseScale(1 / 3)).toBe('0.3333');
    expect(formatChineseScale(123456789)).toBe('1.2346亿');
    expect(formatLatinScale(3.21e11)).toBe('321B');
  });
});

describe('formatRange and formatValue', () => {
  it('shows ranges, one-sided bounds and points', () => {
    // 200-300亿 / 10亿 = [20, 30], stated point 25
    expect(formatRange({ value: 25, low: 20, high: 30, unit: 'multiple', currency: null })).toBe('20x – 30x (point 25x)');
    expect(formatRange({ value: 5e9, low: 5e9, high: null, unit: 'money', currency: 'CNY' })).toBe('≥ 50亿 CNY');
    expect(formatRange({ value: 1e11, low: null, high: 1e11, unit: 'money', currency: 'CNY' })).toBe('≤ 1000亿 CNY');
    expect(formatRange({ value: 3, low: 3, high: 3, unit: 'multiple', currency: null })).toBe('3x');
    // dates are days since 1970-01-01: 20300 = 2025-07-31; 19448..19477 = the whole of April 2023
    expect(formatRange({ value: 20300, low: 20300, high: 20300, unit: 'date', currency: null })).toBe('2025-07-31');
    expect(formatRange({ value: 19462.5, low: 19448, high: 19477, unit: 'date', currency: null })).toBe('2023-04');
    expect(formatRange({ value: 19450, low: 19448, high: 19452, unit: 'date', currency: null })).toBe('2023-04-01 – 2023-04-05 (point 2023-04-03)');
    // rate 0.26 = 26% per year
    expect(formatValue(0.26, 'rate')).toBe('26%');
    expect(formatValue(null, 'rate')).toBe('—');
  });
});
