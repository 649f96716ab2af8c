import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/types';
import { parseQuantity } from '../../src/units';
import { crossCheck } from '../../src/extract/crosscheck';
import type { Candidate } from '../../src/extract/extract';

function fact(id: string, quantity: string, source: string, extra: Partial<Fact> = {}): Fact {
  const p = parseQuantity(quantity);
  return {
    id, table: 'financials', entity: 'zhipu', metric: 'revenue', quantity, value: p.value, low: p.low, high: p.high,
    unit: 'money', currency: 'CNY', qualifier: p.qualifier, as_of: null, period_start: '2025-01-01', period_end: '2025-06-30',
    source, seed_file: `${source}.txt`, evidence: quantity, note: null, file: 'financials.csv', line: 2, ...extra,
  };
}

function candidate(id: string, quantity: string, extra: Partial<Candidate> = {}): Candidate {
  const f = fact(id, quantity, 'new-article');
  return { ...f, entity: f.entity, value: f.value!, entity_text: null, confidence: 0.8, reasons: [], start: 0, end: 0, ...extra } as Candidate;
}

describe('cross-checking candidates against the base', () => {
  it.each([
    ['1.43亿元', '1.44亿元'], // [1.425亿, 1.435亿] and [1.435亿, 1.445亿] touch
    ['1.9亿元', '1.909亿元'], // 1.9亿 is read as [1.85亿, 1.95亿]
    ['24.66亿元', '24.656亿元'], // [24.655亿, 24.665亿] holds 24.656亿
  ])('%s and %s agree within the precision written', (a, b) => {
    const [r] = crossCheck([candidate('c1', b)], [fact('base-1', a, 'old-article')], []);
    expect(r.status).toBe('pass');
    expect(r.with).toEqual(['base-1']);
  });

  it('fails a gap of orders of magnitude for the same entity and metric, naming both rows', () => {
    const base = fact('base-tokens', '30万亿', 'old-article', { table: 'deployments', metric: 'daily_tokens', unit: 'tokens', currency: null, period_start: null, period_end: null, as_of: '2025-06' });
    const c = candidate('c-tokens', '30万', { table: 'deployments', metric: 'daily_tokens', unit: 'tokens', currency: null, period_start: null, period_end: null, as_of: '2025-06' });
    const [r] = crossCheck([c], [base], []);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('base-tokens');
    expect(r.message).toContain('c-tokens');
  });

  it('lists nothing for a candidate whose entity and metric the base does not hold', () => {
    expect(crossCheck([candidate('c1', '1亿元', { metric: 'rd_expense' })], [fact('base-1', '1亿元', 'old')], [])).toEqual([]);
  });
});
