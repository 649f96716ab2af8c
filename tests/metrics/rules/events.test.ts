import { describe, expect, it } from 'vitest';
import { computeDerived } from '../../../src/metrics/derived';
import { fundingShareRule } from '../../../src/metrics/rules/finance';
import { eventIndex, reportsNote, representative } from '../../../src/metrics/rules/events';
import { fact, FX } from '../facts';

const round = (id: string, quantity: string, as_of: string, source = 'src-a') =>
  fact({ id, entity: 'stepfun', table: 'funding_rounds', metric: 'funding_amount', quantity, as_of, source, round: 'B+' } as Parameters<typeof fact>[0]);
const total = (id: string, source = 'src-a', entity = 'industry') => fact({
  id, entity, table: 'market', metric: 'industry_funding', quantity: '100亿元', period_start: '2025-01-01', period_end: '2025-12-31', source,
});

describe('event representatives', () => {
  it('a point value before a one-sided bound, then the earliest report, then data order', () => {
    const over = round('over', '超50亿元', '2026-01-26');
    const later = round('later', '50亿元', '2026-02-27', 'src-b');
    const earlier = round('earlier', '50亿元', '2026-01-26', 'src-c');
    expect(representative([over, later, earlier]).id).toBe('earlier');
    expect(representative([over]).id).toBe('over');
  });
  it('one index per fact array, one representative per event', () => {
    const facts = [round('a', '超50亿元', '2026-01-26'), round('b', '50亿元', '2026-01-26', 'src-b'), total('t')];
    const idx = eventIndex(facts);
    expect(eventIndex(facts)).toBe(idx);
    expect(idx.representatives.map((f) => f.id)).toEqual(['b', 't']);
  });
  it('the note names other reports, at most three, then +N more', () => {
    const facts = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => round(id, '50亿元', `2026-01-2${i}`, `src-${id}`));
    // a is the representative (earliest); b, c, d are listed and e, f counted
    expect(reportsNote(facts, [facts[0]])).toBe('a is one of 6 reports of its event, also b, c, d (+2 more)');
    expect(reportsNote([facts[0]], [facts[0]])).toBeNull();
  });
});

describe('fundingShareRule pairs each round once, with one total', () => {
  it('six reports of one round and two reports of the total give one row: 50亿 / 100亿 = 50%', () => {
    const facts = [
      round('r1', '超50亿元', '2026-01-26'), round('r2', '50亿元', '2026-01-26', 'src-b'), round('r3', '50億元', '2026-01-27', 'src-c'),
      round('r4', '超50億元', '2026-01-27', 'src-c'), round('r5', '50亿元', '2026-02-27', 'src-d'), round('r6', '超50亿元', '2026-02-27', 'src-d'),
      total('t1'), total('t2', 'src-b'),
    ];
    const rows = computeDerived(facts, FX, [fundingShareRule]);
    expect(rows).toHaveLength(1);
    expect(rows[0].inputs).toEqual(['r2', 't1']); // earliest point report; first total of the event
    expect(rows[0].value).toBe(50); // 50亿 / 100亿 x 100
    expect(rows[0].note).toBe('round dated 2026-01-26, after the period 2025-01-01..2025-12-31 of the total; '
      + 'r2 is one of 6 reports of its event, also r1, r3, r4 (+2 more); t1 is one of 2 reports of its event, also t2');
  });
  it('with totals of several markets, each round gets the best corroborated one: rows = rounds', () => {
    const rounds = [1, 2, 3].map((i) => fact({ id: `r${i}`, entity: `co${i}`, table: 'funding_rounds', metric: 'funding_amount', quantity: '10亿元', as_of: '2025-06-01' }));
    const totals = [total('m1-a', 'src-a', 'm1'), total('m2-a', 'src-a', 'm2'), total('m2-b', 'src-b', 'm2'), total('m3-a', 'src-a', 'm3')];
    const rows = computeDerived([...rounds, ...totals], FX, [fundingShareRule]);
    // 3 rounds x 3 markets would be 9 rows; one total each: 3, against m2, the total with 2 reports
    expect(rows.map((r) => r.inputs)).toEqual([['r1', 'm2-a'], ['r2', 'm2-a'], ['r3', 'm2-a']]);
    expect(rows[0].value).toBe(10); // 10亿 / 100亿 x 100
  });
});
