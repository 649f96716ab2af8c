import { describe, expect, it } from 'vitest';
import { checkEntityParents } from '../../../src/data/checks/references';
import { IssueList } from '../../../src/data/errors';
import type { Entity, EntityKind } from '../../../src/types';

const row = (id: string, kind: EntityKind, parent: string | null, line: number) => ({
  entity: { id, kind, name_en: id, name_zh: id, parent, note: null } as Entity, line,
});

describe('entity parents', () => {
  it('reports each member of a cycle once, naming the cycle', () => {
    const issues = new IssueList();
    checkEntityParents([row('a', 'company', 'b', 2), row('b', 'company', 'c', 3), row('c', 'company', 'a', 4), row('d', 'company', 'a', 5)], 'e.csv', issues);
    expect(issues.items.map((i) => [i.line, i.message])).toEqual([
      [2, 'parent cycle a -> b -> c -> a'], [3, 'parent cycle a -> b -> c -> a'], [4, 'parent cycle a -> b -> c -> a'],
    ]);
  });

  it('reports a parent of a kind the child may not have', () => {
    const issues = new IssueList();
    checkEntityParents([row('co', 'company', null, 2), row('m', 'model', 'co', 3), row('p', 'product', 'm', 4), row('x', 'market', 'co', 5)], 'e.csv', issues);
    expect(issues.items.map((i) => [i.line, i.message])).toEqual([
      [5, "market 'x' has the company 'co' as parent; a market's parent must be a market"],
    ]);
  });

  it('walks a long chain in linear time without recursion', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => row(`e${i}`, 'company', i + 1 < 100_000 ? `e${i + 1}` : null, i + 2));
    const issues = new IssueList();
    checkEntityParents(rows, 'e.csv', issues);
    expect(issues.items).toEqual([]);
  });
});
