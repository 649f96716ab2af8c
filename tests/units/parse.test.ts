import { describe, expect, it } from 'vitest';
import { parseQuantity, QuantityParseError } from '../../src/units';
import { SIMPLIFIED, TRADITIONAL } from './real-phrases';
import type { Case } from './real-phrases';

function check(k: Case): void {
  const p = parseQuantity(k.text);
  expect(p.value).toBe(k.value);
  expect(p.low).toBe(k.low);
  expect(p.high).toBe(k.high);
  expect(p.qualifier).toBe(k.qualifier);
  expect(p.unit).toBe(k.unit);
  expect(p.currency).toBe(k.currency);
}

describe('parseQuantity on phrases from the articles (simplified script)', () => {
  it('has at least 40 cases', () => expect(SIMPLIFIED.length).toBeGreaterThanOrEqual(40));
  it.each(SIMPLIFIED.map((k) => [k.text, k] as const))('%s', (_t, k) => check(k));
});

describe('parseQuantity on phrases from the articles (traditional script)', () => {
  it.each(TRADITIONAL.map((k) => [k.text, k] as const))('%s', (_t, k) => check(k));
});

describe('parseQuantity forms named by the data README', () => {
  it('reads 逾, 约/約/大约, 至少, 不到/不足', () => {
    // 逾10亿元 = 1e9, over
    expect(parseQuantity('逾10亿元')).toMatchObject({ value: 1e9, low: 1e9, high: null, qualifier: 'over' });
    expect(parseQuantity('約25倍')).toMatchObject({ value: 25, qualifier: 'approx', unit: 'multiple' });
    expect(parseQuantity('大约5%')).toMatchObject({ value: 5, qualifier: 'approx', unit: 'percent' });
    // 至少3款: at-least -> [3, none)
    expect(parseQuantity('至少3款')).toMatchObject({ value: 3, low: 3, high: null, qualifier: 'at-least', unit: 'models' });
    // 不到1000次: at-most -> (none, 1000]
    expect(parseQuantity('不到1000次')).toMatchObject({ low: null, high: 1000, qualifier: 'at-most', unit: 'count' });
    expect(parseQuantity('不足10亿元')).toMatchObject({ low: null, high: 1e9, qualifier: 'at-most', currency: 'CNY' });
  });

  it('reads ranges with -, ~ and 至 the same way', () => {
    // 200~300亿 and 200至300亿: [2e10, 3e10], midpoint 2.5e10
    for (const t of ['200-300亿', '200~300亿', '200至300亿', '200～300亿']) {
      expect(parseQuantity(t)).toMatchObject({ value: 2.5e10, low: 2e10, high: 3e10, qualifier: 'range' });
    }
  });

  it('scales exactly with big.js', () => {
    // 0.57 * 1e8 in floating point is 56999999.99999999 and 4.65 * 1e8 is 465000000.00000006;
    // the parser gives 57000000 and 465000000
    expect(0.57 * 1e8).not.toBe(57000000);
    expect(parseQuantity('0.57亿').value).toBe(57000000);
    expect(4.65 * 1e8).not.toBe(465000000);
    expect(parseQuantity('4.65億美元').value).toBe(465000000);
    // 5343.7万 = 53437000; 1.1万亿 = 1.1 x 1e12
    expect(parseQuantity('5343.7万').value).toBe(53437000);
    expect(parseQuantity('1.1万亿').value).toBe(1.1e12);
  });

  it('reads K, M, B, T and bare Chinese numerals', () => {
    expect(parseQuantity('1M').value).toBe(1e6);
    expect(parseQuantity('2T').value).toBe(2e12);
    expect(parseQuantity('千亿')).toMatchObject({ value: 1e11, unit: null, scale: 1e11 });
    expect(parseQuantity('两款')).toMatchObject({ value: 2, unit: 'models' });
    // 三千八百九十亿 = 3890 x 1e8
    expect(parseQuantity('三千八百九十亿参数')).toMatchObject({ value: 3.89e11, scale: 1e8, unit: 'parameters' });
  });

  it('reports the scale applied to the written digits', () => {
    expect(parseQuantity('5343.7万美元').scale).toBe(1e4);
    expect(parseQuantity('超50亿元').scale).toBe(1e8);
    expect(parseQuantity('11B').scale).toBe(1e9);
    expect(parseQuantity('96.11%').scale).toBe(1);
    expect(parseQuantity('1元/百万token').scale).toBe(1e-6);
  });

  it('reads 30多款 and 1000余万 as over', () => {
    expect(parseQuantity('30多款')).toMatchObject({ value: 30, low: 30, high: null, qualifier: 'over', unit: 'models' });
    // 1000余万 = 1000 x 1e4 = 1e7, over
    expect(parseQuantity('1000余万')).toMatchObject({ value: 1e7, low: 1e7, high: null, qualifier: 'over' });
  });

  it('reads ranks', () => {
    expect(parseQuantity('第二名')).toMatchObject({ value: 2, qualifier: 'exact', unit: 'rank' });
    // 前八: top eight -> rank 8 or better
    expect(parseQuantity('前八')).toMatchObject({ value: 8, low: null, high: 8, qualifier: 'at-most' });
    // 登顶 (reached the top) and 榜首 (top of the list) name rank 1 without a numeral
    expect(parseQuantity('登顶')).toMatchObject({ value: 1, low: 1, high: 1, qualifier: 'exact', unit: 'rank' });
    expect(parseQuantity('榜首')).toMatchObject({ value: 1, unit: 'rank' });
  });
  it('reads calendar dates as days since 1970-01-01', () => {
    // 2025-07-31: Date.UTC(2025, 6, 31) / 86400000 = 20300
    expect(parseQuantity('2025年7月31日')).toMatchObject({ value: 20300, low: 20300, high: 20300, qualifier: 'exact', unit: 'date' });
    // 2023年4月: 2023-04-01 = day 19448 to 2023-04-30 = day 19477, midpoint 19462.5
    expect(parseQuantity('2023年4月')).toMatchObject({ value: 19462.5, low: 19448, high: 19477, qualifier: 'range', unit: 'date' });
    expect(() => parseQuantity('2025年2月30日')).toThrow(/not a calendar date/);
  });

  it('keeps a reversed range as written for the caller to reject', () => {
    expect(parseQuantity('300-200亿元')).toMatchObject({ low: 3e10, high: 2e10, qualifier: 'range' });
  });
});

describe('parseQuantity errors', () => {
  it.each([
    ['', 'empty quantity'],
    ['abc', 'no number found'],
    ['50亿欧元', "unknown unit '欧元'"],
    ['超近5', 'conflicting qualifiers'],
    ['5万-7', 'scale only on its left side'],
    ['超数亿', 'vague numeral'],
  ])('%s', (text, reason) => {
    let err: unknown;
    try { parseQuantity(text); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(QuantityParseError);
    expect((err as QuantityParseError).message).toContain(`'${text}'`);
    expect((err as QuantityParseError).message).toContain(reason);
  });
});
