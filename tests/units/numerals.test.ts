import { describe, expect, it } from 'vitest';
import {
  containsNumber, decodeChineseNumeral, isIsoDate, numeralsMissingFromEvidence, quantityNumerals, scaleDecimal, scaleFactor,
  unitsCompatible,
} from '../../src/units';

describe('scale helpers', () => {
  it('multiplies scale characters', () => {
    // 千亿 = 1e3 x 1e8; 万亿 = 1e4 x 1e8; 百万 = 1e2 x 1e4
    expect(scaleFactor('千亿').toNumber()).toBe(1e11);
    expect(scaleFactor('万亿').toNumber()).toBe(1e12);
    expect(scaleFactor('百万').toNumber()).toBe(1e6);
    expect(scaleFactor('B').toNumber()).toBe(1e9);
    expect(() => scaleFactor('X')).toThrow(/unknown scale/);
  });

  it('scales decimals exactly', () => {
    expect(scaleDecimal('5343.7', scaleFactor('万'))).toBe(53437000);
    expect(scaleDecimal('2.69', scaleFactor('亿'))).toBe(269000000);
  });

  it('decodes Chinese numerals', () => {
    expect(decodeChineseNumeral('两')).toBe(2);
    expect(decodeChineseNumeral('二十二')).toBe(22);
    expect(() => decodeChineseNumeral('数')).toThrow(/not a Chinese numeral/);
  });
});

describe('evidence numerals', () => {
  it('lists the numerals of a quantity', () => {
    expect(quantityNumerals('200-300亿元')).toEqual(['200', '300']);
    expect(quantityNumerals('近千億元')).toEqual(['千亿']);
  });

  it('finds numerals in evidence regardless of white space and script', () => {
    expect(numeralsMissingFromEvidence('200-300亿元', '投后估值或达 200-300 亿元人民币')).toEqual([]);
    expect(numeralsMissingFromEvidence('5343.7万美元', '3052萬美元、5343.7萬美元')).toEqual([]);
    expect(numeralsMissingFromEvidence('近千亿元', '市值近千億元')).toEqual([]);
  });

  it('does not match a numeral inside a longer number', () => {
    expect(numeralsMissingFromEvidence('50亿元', '融资500亿元')).toEqual(['50']);
    expect(numeralsMissingFromEvidence('96.1%', '拿下96.11%')).toEqual(['96.1']);
  });
  it('scans every occurrence: a later whole number counts, a point before or a decimal after does not', () => {
    expect(containsNumber('500亿, 50亿', '50')).toBe(true); // the second occurrence is whole
    expect(containsNumber('1.50亿', '50')).toBe(false); // preceded by a point
    expect(containsNumber('50.5亿', '50')).toBe(false); // followed by a point and a digit
    expect(containsNumber('共50.', '50')).toBe(true); // a full stop after it is not a decimal
    expect(containsNumber('150', '50')).toBe(false);
  });
});

describe('unitsCompatible and dates', () => {
  it('lets the generic count match counted units only', () => {
    expect(unitsCompatible('count', 'users')).toBe(true);
    expect(unitsCompatible('count', 'rounds')).toBe(true);
    expect(unitsCompatible('count', 'money')).toBe(false);
    expect(unitsCompatible('money', 'parameters')).toBe(false);
  });

  it('checks partial ISO dates', () => {
    expect(isIsoDate('2026')).toBe(true);
    expect(isIsoDate('2026-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2026-13')).toBe(false);
    expect(isIsoDate('26-01-01')).toBe(false);
  });
});
