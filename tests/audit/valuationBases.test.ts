import { describe, expect, it } from 'vitest';
import { checkValuationBases } from '../../src/audit/valuationBases';
import { fact } from '../metrics/facts';
import { claim, derivedRow } from './guards';

const cap = fact({ id: 'cap', table: 'valuations', entity: 'listed', metric: 'market_cap', quantity: '955亿港元', basis: 'market-cap', as_of: '2026-01' });
const post = fact({ id: 'post', table: 'valuations', entity: 'private', metric: 'valuation', quantity: '200-300亿元', basis: 'post-money', as_of: '2026-01' });
const post2 = fact({ id: 'post2', table: 'valuations', entity: 'other', metric: 'valuation', quantity: '100亿元', basis: 'post-money', as_of: '2026-01' });
const rev = fact({ id: 'rev', entity: 'listed', metric: 'revenue', quantity: '1.91亿元', period_start: '2025-01-01', period_end: '2025-06-30' });
const revE = fact({ id: 'rev-e', entity: 'private', metric: 'revenue', quantity: '10亿元', qualifier: 'estimate', period_start: '2025-01-01', period_end: '2025-12-31' });
const ps = fact({ id: 'ps', table: 'multiples', entity: 'private', metric: 'ps_ratio', quantity: '约25倍', as_of: '2026-01' });
const facts = [cap, post, post2, rev, revE, ps];

describe('mixed valuation bases', () => {
  it('warns when a claim sets a listed market cap against a private post-money valuation, naming both', () => {
    const [f] = checkValuationBases([claim({ id: 'c', expression: 'convert(cap, \'HKD\', \'CNY\') / post' })], [], facts);
    expect([f.id, f.status, f.rule]).toEqual(['valuation-bases:c', 'warn', 'mixed-valuation-bases']);
    expect(f.message).toContain('listed market cap: cap (955亿港元) against private valuation (post-money): post (200-300亿元)');
  });
  it('warns when a reported revenue is set against an estimate', () => {
    const [f] = checkValuationBases([claim({ id: 'g', expression: 'rev-e / rev' })], [], facts);
    expect(f.message).toContain('reported revenue: rev (1.91亿元) against revenue estimate: rev-e (10亿元)');
  });
  it('reads a stated P/S on the basis of its entity and folds derived rows with the same inputs into one finding', () => {
    const rows = [2, 3].map((y) => derivedRow({ id: `need-${y}y`, metric: 'required_revenue_cagr', inputs: ['cap', 'rev', 'ps'] }));
    const out = checkValuationBases([], rows, facts);
    expect(out.map((f) => f.id)).toEqual(['valuation-bases:required_revenue_cagr:cap|ps|rev']);
    expect(out[0].message).toMatch(/^derived need-2y, need-3y: sets listed market cap: cap .* against private valuation \(post-money\): ps \(约25倍, on post 200-300亿元\)/);
  });
  it('is quiet on like-for-like inputs: two private valuations, two market caps, one revenue basis', () => {
    const claims = [
      claim({ id: 'private-pair', expression: 'post / post2' }),
      claim({ id: 'ps', expression: 'post / rev-e' }),
      claim({ id: 'listed', expression: 'convert(cap, \'HKD\', \'CNY\') / rev' }),
    ];
    expect(checkValuationBases(claims, [derivedRow({ id: 'd', metric: 'ps_ratio', inputs: ['post', 'rev-e'] })], facts)).toEqual([]);
  });
});
