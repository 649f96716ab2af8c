import { describe, expect, it } from 'vitest';
import {
  columnScale, fixedSig, formatChineseScale, formatColumn, formatInterval, formatLatinScale, formatMoney,
  formatMultiple, formatNumber, formatPercent, formatQuantity, formatRange, formatValue, precisionOf, statedDigits, trimSig,
} from '../../src/units';

describe('significant digits', () => {
  it('keeps trailing zeros for one value and never writes an exponent', () => {
    expect(fixedSig(25)).toBe('25.0');
    // 703.664921466 to 3 significant digits = 704
    expect(fixedSig(703.664921466)).toBe('704');
    // more integer digits than significant digits: whole number, no 1.23e+3
    expect(fixedSig(1234.5)).toBe('1235');
    expect(fixedSig(0.0712493)).toBe('0.0712');
    expect(trimSig(1.953, 4)).toBe('1.953');
    expect(trimSig(30.000000000000004, 4)).toBe('30');
  });

  it('reads the precision a source wrote', () => {
    expect(precisionOf('5343.7万美元')).toBe(5);
    expect(precisionOf('50亿元')).toBe(1);
    expect(precisionOf('25倍')).toBe(2);
    expect(precisionOf('1.0亿')).toBe(2);
    expect(precisionOf('约')).toBeNull();
    // never fewer than two digits: 50亿 -> CNY 5.0bn
    expect(statedDigits('50亿元')).toBe(2);
  });
});

describe('formatNumber', () => {
  it('writes money as a research note does, or with Chinese scale words', () => {
    // 2.94e9 USD / 1e9 = 2.94 -> USD 2.94bn
    expect(formatMoney(2.94e9, 'USD')).toBe('USD 2.94bn');
    // 50亿 = 5e9 -> 5.0bn with the two digits 50亿 gets
    expect(formatMoney(5e9, 'CNY', { digits: statedDigits('50亿元') })).toBe('CNY 5.0bn');
    expect(formatMoney(5e9, 'CNY', { money: 'chinese', digits: 2 })).toBe('50亿元');
    // 2.94e9 / 1e8 = 29.4 -> 29.4亿美元
    expect(formatMoney(2.94e9, 'USD', { money: 'chinese' })).toBe('29.4亿美元');
    // 71,249,333 USD / 1e6 = 71.2 -> USD 71.2m (not 7124.9333万 USD)
    expect(formatMoney(71249333.3333, 'USD')).toBe('USD 71.2m');
    expect(formatMoney(9.55e10, 'HKD', { money: 'chinese' })).toBe('955亿港元');
    expect(formatMoney(-1.44e8, 'CNY')).toBe('CNY -144m');
  });

  it('writes multiples, percentages and rates', () => {
    expect(formatMultiple(25)).toBe('25.0x');
    expect(formatMultiple(703.664921466)).toBe('704x');
    // 50 / 94.16 x 100 = 53.101 -> 53.1%
    expect(formatPercent(53.101104503)).toBe('53.1%');
    // rate 0.26 = 26.0%
    expect(formatNumber(0.26, 'rate')).toBe('26.0%');
    expect(formatNumber(null, 'multiple')).toBe('—');
  });

  it('writes the other units', () => {
    expect(formatNumber(11e9, 'parameters')).toBe('11.0B parameters');
    expect(formatNumber(128000, 'tokens')).toBe('128K tokens');
    // 8e9 bytes = 8.00GB
    expect(formatNumber(8e9, 'bytes')).toBe('8.00GB');
    // 1e-6 CNY per token x 1e6 = 1 CNY per million tokens
    expect(formatNumber(1e-6, 'money/token', 'CNY')).toBe('CNY 1.00/M tokens');
    expect(formatNumber(4.2e7, 'devices')).toBe('42.0m devices');
    expect(formatNumber(4.2e7, 'devices', null, { money: 'chinese' })).toBe('4200万 devices');
  });
});

describe('formatInterval', () => {
  it('writes ranges once in one unit, and open bounds', () => {
    // 200-300亿 / 10亿 = [20, 30]
    expect(formatInterval({ low: 20, high: 30 }, 'multiple')).toBe('20–30x');
    expect(formatInterval({ low: 20, high: 30, value: 25 }, 'multiple', null, { point: true })).toBe('20–30x (point 25.0x)');
    // 1.2195e10 .. 1.9231e10 USD -> USD 12.2–19.2bn (not 121.9512亿 USD – 192.3077亿 USD)
    expect(formatInterval({ low: 12195121951.2, high: 19230769230.8 }, 'money', 'USD')).toBe('USD 12.2–19.2bn');
    expect(formatInterval({ low: 12195121951.2, high: 19230769230.8 }, 'money', 'USD', { money: 'chinese' })).toBe('122–192亿美元');
    expect(formatInterval({ low: 703.664921466, high: null }, 'multiple')).toBe('≥ 704x');
    expect(formatInterval({ low: null, high: 1e11 }, 'money', 'CNY')).toBe('≤ CNY 100bn');
    expect(formatInterval({ low: 3, high: 3 }, 'multiple')).toBe('3.00x');
    expect(formatInterval({ low: null, high: null, value: null }, 'multiple')).toBe('—');
  });
});

describe('formatColumn', () => {
  it('uses one scale for the whole column', () => {
    // largest 2.94e9 -> bn; 7.12e7 / 1e9 = 0.0712
    expect(formatColumn([2.94e9, 7.12e7, null], 'money', 'USD')).toEqual(['USD 2.94bn', 'USD 0.0712bn', '—']);
    // Chinese: largest 2.94e9 -> 亿; 7.12e7 / 1e8 = 0.712 (no 万 next to 亿)
    expect(formatColumn([2.94e9, 7.12e7], 'money', 'USD', { money: 'chinese' })).toEqual(['29.4亿美元', '0.712亿美元']);
    expect(columnScale([2.94e9, 7.12e7], 'money')).toBe('bn');
  });
});

describe('older helpers on the core', () => {
  it('formatQuantity and formatValue are formatNumber', () => {
    expect(formatQuantity(5e9, 'money', 'CNY')).toBe('CNY 5.00bn');
    expect(formatQuantity(96.11, 'percent')).toBe('96.1%');
    expect(formatValue(0.26, 'rate')).toBe('26.0%');
    expect(formatValue(null, 'rate')).toBe('—');
  });

  it('formatRange adds the point to a two-sided range and keeps a fact\'s written precision', () => {
    expect(formatRange({ value: 25, low: 20, high: 30, unit: 'multiple', currency: null })).toBe('20–30x (point 25.0x)');
    // 超50亿元: one written digit, shown with two
    expect(formatRange({ value: 5e9, low: 5e9, high: null, unit: 'money', currency: 'CNY', quantity: '超50亿元' })).toBe('≥ CNY 5.0bn');
    expect(formatRange({ value: 1e11, low: null, high: 1e11, unit: 'money', currency: 'CNY' })).toBe('≤ CNY 100bn');
  });

  it('keeps the Chinese and Latin scale helpers', () => {
    // 1/3 -> 0.3333; 123456789 / 1e8 = 1.23456789 -> 1.2346亿
    expect(formatChineseScale(1 / 3)).toBe('0.3333');
    expect(formatChineseScale(123456789)).toBe('1.2346亿');
    expect(formatLatinScale(3.21e11)).toBe('321B');
  });

  it('writes dates as days, a whole month as YYYY-MM', () => {
    // dates are days since 1970-01-01: 20300 = 2025-07-31; 19448..19477 = the whole of April 2023
    expect(formatRange({ value: 20300, low: 20300, high: 20300, unit: 'date', currency: null })).toBe('2025-07-31');
    expect(formatRange({ value: 19462.5, low: 19448, high: 19477, unit: 'date', currency: null })).toBe('2023-04');
    expect(formatRange({ value: 19450, low: 19448, high: 19452, unit: 'date', currency: null })).toBe('2023-04-01 – 2023-04-05 (point 2023-04-03)');
  });
});
