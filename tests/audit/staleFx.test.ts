import { describe, expect, it } from 'vitest';
import { checkStaleFx, fxGapDays } from '../../src/audit/staleFx';
import type { Assumption } from '../../src/types';
import { fact } from '../metrics/facts';
import { claim, derivedRow } from './guards';

const rate = (id: string, value: number, unit: string, as_of: string): Assumption => ({ id, name: id, value, unit, as_of, rationale: 'test', reference: null });
const jan26 = rate('usd-cny-2026-01', 7, 'CNY/USD', '2026-01');
const jun25 = rate('usd-cny-2025-06', 7.15, 'CNY/USD', '2025-06');
const hkd = rate('hkd-cny-2026-01', 0.896, 'CNY/HKD', '2026-01');
const h1 = fact({ id: 'h1', metric: 'revenue', quantity: '1.91亿元', period_start: '2025-01-01', period_end: '2025-06-30' });
const q1q3 = fact({ id: 'q1q3', metric: 'revenue', quantity: '5343.7万美元', period_start: '2025-01-01', period_end: '2025-09-30' });
const round = fact({ id: 'round', table: 'funding_rounds', metric: 'funding_amount', quantity: '400亿美元', as_of: '2026-01' });

describe('stale FX', () => {
  it('measures the gap between a period and a rate\'s month: H1 2025 to 2026-01-01 is 185 days', () => {
    expect([fxGapDays(h1, hkd), fxGapDays(h1, jun25), fxGapDays(q1q3, jan26)]).toEqual([185, 0, 93]);
  });
  it('warns on a derived conversion of a flow at a rate dated after it, naming the rate, the gap and the users', () => {
    const rows = [
      derivedRow({ id: 'conv', metric: 'converted_value', inputs: ['h1'], assumptions: ['hkd-cny-2026-01'] }),
      derivedRow({ id: 'cap-to-sales', metric: 'market_cap_to_sales', inputs: ['cap', 'h1'], assumptions: ['hkd-cny-2026-01'] }),
    ];
    const [f] = checkStaleFx([], rows, [h1], [hkd, jan26, jun25]);
    expect([f.id, f.status, f.inputs]).toEqual(['stale-fx:h1|hkd-cny-2026-01', 'warn', ['h1', 'hkd-cny-2026-01']]);
    expect(f.message).toBe('h1 (1.91亿元, 2025-01-01..2025-06-30) is converted at hkd-cny-2026-01 = 0.896 CNY/HKD, dated 2026-01, 185 days after the period ends (used by cap-to-sales); no CNY/HKD rate dated inside the period is in assumptions.csv.');
  });
  it('warns on a claim converting a flow with only a later rate at hand, and names a rate inside the period when there is one', () => {
    const only = checkStaleFx([claim({ id: 'c', expression: "convert(q1q3, 'USD', 'CNY') / 1" })], [], [q1q3], [jan26]);
    expect(only.map((f) => f.id)).toEqual(['stale-fx:q1q3|usd-cny-2026-01']);
    // a conversion row using the 2026 rate although usd-cny-2025-06 lies inside the period
    const rows = [derivedRow({ id: 'conv', metric: 'converted_value', inputs: ['q1q3'], assumptions: ['usd-cny-2026-01'] })];
    expect(checkStaleFx([], rows, [q1q3], [jan26, jun25])[0].message).toMatch(/usd-cny-2025-06 \(2025-06\) is dated inside the period\.$/);
  });
  it('is quiet on a flow converted at a rate of its own period and on a stock', () => {
    const claims = [claim({ id: 'ok', expression: "convert(q1q3, 'USD', 'CNY') / 1" }), claim({ id: 'stock', expression: "convert(round, 'USD', 'CNY') / 1" })];
    expect(checkStaleFx(claims, [], [q1q3, round], [jan26, jun25])).toEqual([]);
  });
});
