import { describe, expect, it } from 'vitest';
import { quantityTextProblems } from '../../../src/data/checks/quantityText';

describe('quantity text', () => {
  it('accepts what the articles print', () => {
    for (const q of ['超50亿元', '约25倍', '200-300亿元', '亿元级别', '数亿美元', '万亿', '百亿元', '96.11%', '近4萬輛']) {
      expect(quantityTextProblems(q), q).toEqual([]);
    }
  });

  it('rejects a scale word with no number', () => {
    expect(quantityTextProblems('亿元')).toEqual(["'亿元' holds no number, only a unit or scale word (write 1亿元, or 亿元级别 for an order of magnitude)"]);
    expect(quantityTextProblems('万美元')[0]).toMatch(/holds no number/);
  });

  it('rejects a doubled qualifier', () => {
    expect(quantityTextProblems('约约5亿元')).toEqual(["'约约5亿元' doubles the qualifier '约'"]);
    expect(quantityTextProblems('超过 超过5亿元')[0]).toMatch(/doubles the qualifier '超过'/);
  });

  it('rejects more than 15 significant digits', () => {
    // 16 digits
    expect(quantityTextProblems('1234567890123456元')[0]).toMatch(/a number of 16 digits/);
    // 15 digits, with separators: fine
    expect(quantityTextProblems('123,456,789,012,345元')).toEqual([]);
    // leading zeros are not significant: 0.000001 has 1
    expect(quantityTextProblems('0.000001%')).toEqual([]);
  });
});
