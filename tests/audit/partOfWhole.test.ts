import { describe, expect, it } from 'vitest';
import { checkPartOfWhole, shareOperands } from '../../src/audit/partOfWhole';
import { parseExpression } from '../../src/audit/expression';
import type { Entity } from '../../src/types';
import { fact } from '../metrics/facts';
import { claim, derivedRow } from './guards';

const y2025 = { period_start: '2025-01-01', period_end: '2025-12-31' };
const total = fact({ id: 'total', table: 'market', entity: 'industry', metric: 'industry_funding', quantity: '94.16亿元', ...y2025 });
const late = fact({ id: 'late', table: 'funding_rounds', entity: 'lab', metric: 'funding_amount', quantity: '50亿元', as_of: '2026-01-26' });
const inside = fact({ id: 'inside', table: 'funding_rounds', entity: 'lab', metric: 'funding_amount', quantity: '20亿元', as_of: '2025-06-01' });
const h1 = fact({ id: 'h1', entity: 'lab', metric: 'revenue', quantity: '2亿元', period_start: '2025-07-01', period_end: '2026-06-30' });
const labRev = fact({ id: 'lab-rev', entity: 'lab', metric: 'revenue', quantity: '10亿元', ...y2025 });
const appRev = fact({ id: 'app-rev', entity: 'app', metric: 'revenue', quantity: '3亿元', ...y2025 });
const rivalRev = fact({ id: 'rival-rev', entity: 'rival', metric: 'revenue', quantity: '3亿元', ...y2025 });
const facts = [total, late, inside, h1, labRev, appRev, rivalRev];
const entities: Entity[] = [
  { id: 'industry', kind: 'market', name_en: 'Industry', name_zh: '', parent: null, note: null },
  { id: 'lab', kind: 'company', name_en: 'Lab', name_zh: '', parent: null, note: null },
  { id: 'rival', kind: 'company', name_en: 'Rival', name_zh: '', parent: null, note: null },
  { id: 'app', kind: 'product', name_en: 'App', name_zh: '', parent: 'lab', note: null },
];
const share = (id: string, expression: string) => claim({ id, expression, unit: 'percent', stated: '超50%' });

describe('part of a whole', () => {
  it('reads part and whole from a / b * 100 and a / b', () => {
    expect(shareOperands(parseExpression('a / b * 100'))).toEqual(['a', 'b']);
    expect(shareOperands(parseExpression('a / b'))).toEqual(['a', 'b']);
    expect(shareOperands(parseExpression('(a + c) / b * 100'))).toBeNull();
  });
  it('warns on a round dated 26 days after the period of the total (2026-01-26 vs 2025-12-31)', () => {
    const [f] = checkPartOfWhole([share('c', 'late / total * 100')], [], facts, entities);
    expect([f.id, f.status, f.inputs]).toEqual(['c:part-of-whole', 'warn', ['late', 'total']]);
    expect(f.message).toContain('the part late is dated 2026-01-26, 26 days after the period 2025-01-01..2025-12-31 of the whole total');
  });
  it('warns on a flow whose period runs past the whole\'s, and on a part of another company', () => {
    const out = checkPartOfWhole([share('p', 'h1 / lab-rev * 100'), share('s', 'rival-rev / lab-rev * 100')], [], facts, entities);
    expect(out.map((f) => f.id)).toEqual(['p:part-of-whole', 's:part-of-whole']);
    expect(out[0].message).toContain('covers 2025-07-01..2026-06-30, not inside the period 2025-01-01..2025-12-31');
    expect(out[1].message).toContain('is of rival, outside the scope of the whole lab-rev (lab)');
  });
  it('checks derived share rows too, one finding per pair of events', () => {
    const rows = ['a', 'b'].map((x) => derivedRow({ id: `share-${x}`, metric: 'funding_share', inputs: ['late', 'total'] }));
    const out = checkPartOfWhole([], rows, facts.map((f) => ({ ...f, event: f.id })), entities);
    expect(out.map((f) => f.id)).toEqual(['funding_share:late|total:part-of-whole']);
    expect(out[0].message).toMatch(/^derived funding_share \(2 rows/);
  });
  it('is quiet on a part inside the period and scope: a 2025 round of 2025 funding, a product of its maker', () => {
    const claims = [share('ok', 'inside / total * 100'), share('product', 'app-rev / lab-rev * 100'), claim({ id: 'ratio', expression: 'late / total', unit: 'multiple' })];
    expect(checkPartOfWhole(claims, [], facts, entities)).toEqual([]);
  });
});
