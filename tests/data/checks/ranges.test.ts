import { describe, expect, it } from 'vitest';
import { factRangeProblems, rangeRuleFor } from '../../../src/data/checks/ranges';

describe('range rules', () => {
  it('takes the metric rule before the unit rule', () => {
    expect(rangeRuleFor('share', 'percent')).toMatchObject({ min: 0, max: 100 });
    expect(rangeRuleFor('market_share_top5', 'percent')).toMatchObject({ min: 0, max: 100 });
    expect(rangeRuleFor('revenue', 'money')).toMatchObject({ min: 0 });
    // a signed amount: no bound
    expect(rangeRuleFor('net_income', 'money')).toEqual({ why: 'may be negative' });
    // growth in percent may be negative: no rule
    expect(rangeRuleFor('revenue_growth', 'percent')).toBeNull();
  });

  it('rejects a negative share and one above 100%', () => {
    expect(factRangeProblems('share', 'percent', null, '-5%', [-5, -5, -5])).toEqual([
      "'-5%' reads as -5, below 0: a share lies between 0% and 100%",
    ]);
    expect(factRangeProblems('share', 'percent', null, '150%', [150, 150, 150])[0]).toMatch(/above 100/);
    // 超80%: [80, none)
    expect(factRangeProblems('share', 'percent', null, '超80%', [80, 80, null])).toEqual([]);
  });

  it('checks the bounds of an interval too', () => {
    // 20-130%: value 75 is fine, the upper bound 130 is not
    expect(factRangeProblems('share', 'percent', null, '20-130%', [75, 20, 130])[0]).toMatch(/reads as 130, above 100/);
  });

  it('rejects a margin above 100% and accepts a negative one', () => {
    expect(factRangeProblems('gross_margin', 'percent', null, '120%', [120, 120, 120])[0]).toMatch(/a margin cannot exceed 100%/);
    expect(factRangeProblems('gross_margin', 'percent', null, '-35%', [-35, -35, -35])).toEqual([]);
  });

  it('rejects negative prices, P/S and context lengths, and non-finite values', () => {
    expect(factRangeProblems('price_input', 'money/token', null, '-1元', [-1, -1, -1])[0]).toMatch(/a price cannot be negative/);
    expect(factRangeProblems('ps_ratio', 'multiple', null, '-25倍', [-25, -25, -25])[0]).toMatch(/price-to-sales ratio cannot be negative/);
    expect(factRangeProblems('context_length', 'tokens', null, '-256K', [-256000, -256000, -256000])[0]).toMatch(/token count/);
    expect(factRangeProblems('revenue', 'money', null, 'x', [Infinity, Infinity, Infinity])[0]).toMatch(/not a finite number/);
  });

  it('checks a score against its benchmark maximum and ranks as whole numbers from 1', () => {
    expect(factRangeProblems('score', 'score', 'HMMT 2025', '100.5分', [100.5, 100.5, 100.5])[0]).toMatch(/the maximum score of HMMT 2025 is 100/);
    // an unlisted benchmark: only non-negative
    expect(factRangeProblems('score', 'score', 'Arena Elo', '1450分', [1450, 1450, 1450])).toEqual([]);
    expect(factRangeProblems('rank', 'rank', null, '第0名', [0, 0, 0])[0]).toMatch(/below 1/);
    expect(factRangeProblems('rank', 'rank', null, '第1.5名', [1.5, 1.5, 1.5])[0]).toMatch(/not a whole number/);
  });
});
