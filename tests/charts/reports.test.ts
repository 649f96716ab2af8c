import { describe, expect, it } from 'vitest';
import { hull, hullPoint, hullText, statedText } from '../../src/charts/reports';
import { chartFixtureContext } from './fixtures';

describe('several reports of one number', () => {
  it('takes the hull of what the reports state', () => {
    // 50亿 and 超50亿: [5, 5] and [5, open) -> [5, open)
    expect(hull([{ low: 5, high: 5 }, { low: 5, high: null }])).toEqual({ lo: 5, hi: null, bound: 'open above' });
    // 5 and 8 -> [5, 8]
    expect(hull([{ low: 5, high: 5 }, { low: 8, high: 8 }])).toEqual({ lo: 5, hi: 8, bound: 'interval' });
    // nearly 4 and 4: (open, 4]
    expect(hull([{ low: null, high: 4 }, { low: 4, high: 4 }])).toEqual({ lo: null, hi: 4, bound: 'open below' });
    // over 3 and nearly 4: open on both sides, the stated numbers 3 and 4 remain
    expect(hull([{ low: 3, high: null }, { low: null, high: 4 }])).toEqual({ lo: 3, hi: 4, bound: 'interval' });
  });

  it('places and writes the hull', () => {
    expect([hullPoint({ lo: 5, hi: 5, bound: 'exact' }), hullPoint({ lo: 5, hi: null, bound: 'open above' }), hullPoint({ lo: null, hi: 4, bound: 'open below' }), hullPoint({ lo: 1, hi: 2, bound: 'interval' })])
      .toEqual([5, 5, 4, null]);
    expect(hullText({ lo: 1.4, hi: 6.3, bound: 'interval' })).toBe('1.4 to 6.3');
    expect(hullText({ lo: 5, hi: null, bound: 'open above' })).toBe('at least 5');
  });

  it('lists the distinct statements with their counts', () => {
    const ctx = chartFixtureContext();
    const f = ctx.facts.find((x) => x.id === 'a-stepfun-funding-amount-b-plus')!;
    const exact = { ...f, id: 'x', low: 5e9, high: 5e9, qualifier: 'exact' as const };
    expect(statedText([f])).toBe('over 5bn CNY');
    expect(statedText([f, exact, { ...f, id: 'y' }])).toBe('over 5bn CNY (2 reports) / 5bn CNY (1 report)');
  });
});
