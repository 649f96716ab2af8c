/**
 * Checks across rows: entity parents form no cycle and each parent is of a kind the child may
 * belong to (PARENT_KINDS), and assumptions.csv holds an FX rate for every pair of currencies
 * the money facts are in (the metrics and charts convert between them).
 */
import type { Assumption, Entity, EntityKind, Fact } from '../../types';
import type { IssueList } from '../errors';
import { currencyPair } from '../units';

/** Kinds an entity's parent may be, by the entity's kind. */
export const PARENT_KINDS: Readonly<Record<EntityKind, readonly EntityKind[]>> = {
  company: ['company'],
  model: ['company', 'model'],
  product: ['company', 'model', 'product'],
  market: ['market'],
};

export interface EntityRow { entity: Entity; line: number }

/**
 * Reports (column `parent`) every entity whose parent is of a kind PARENT_KINDS does not allow,
 * and every entity on a parent cycle (once per cycle member, naming the cycle). Linear: each
 * entity is walked once.
 */
export function checkEntityParents(rows: readonly EntityRow[], file: string, issues: IssueList): Set<string> {
  const byId = new Map(rows.map((r) => [r.entity.id, r] as const));
  const bad = new Set<string>();
  for (const r of rows) {
    const p = r.entity.parent === null ? undefined : byId.get(r.entity.parent);
    if (!p || p.entity.id === r.entity.id) continue;
    const allowed = PARENT_KINDS[r.entity.kind] ?? [];
    if (!allowed.includes(p.entity.kind)) {
      issues.add(file, r.line, 'parent', `${r.entity.kind} '${r.entity.id}' has the ${p.entity.kind} '${p.entity.id}' as parent; a ${r.entity.kind}'s parent must be ${allowed.map((k) => `a ${k}`).join(' or ')}`);
      bad.add(r.entity.id);
    }
  }
  // 0 unvisited, 1 on the current path, 2 done
  const state = new Map<string, number>();
  for (const start of rows) {
    const path: string[] = [];
    let id: string | null = start.entity.id;
    while (id !== null && byId.has(id) && (state.get(id) ?? 0) === 0) {
      state.set(id, 1);
      path.push(id);
      const parent: string | null = byId.get(id)!.entity.parent;
      id = parent !== null && parent !== id ? parent : null;
    }
    if (id !== null && state.get(id) === 1) {
      const cycle = path.slice(path.indexOf(id));
      const shown = [...cycle, id].join(' -> ');
      for (const c of cycle) {
        issues.add(file, byId.get(c)!.line, 'parent', `parent cycle ${shown}`);
        bad.add(c);
      }
    }
    for (const p of path) state.set(p, 2);
  }
  return bad;
}

/**
 * Reports, at assumptions.csv (line 0: the file), every pair of currencies used by the money
 * facts that has no FX rate in either direction, naming the first fact in each currency.
 */
export function checkFxCoverage(facts: readonly Fact[], assumptions: readonly Assumption[], file: string, issues: IssueList): void {
  const first = new Map<string, Fact>();
  for (const f of facts) if (f.currency !== null && !first.has(f.currency)) first.set(f.currency, f);
  const pairs = new Set<string>();
  for (const a of assumptions) {
    const p = currencyPair(a.unit);
    if (p && Number.isFinite(a.value) && a.value > 0) pairs.add([p.quote, p.base].sort().join('/'));
  }
  const used = [...first.keys()].sort();
  for (let i = 0; i < used.length; i++) {
    for (let j = i + 1; j < used.length; j++) {
      const [x, y] = [used[i], used[j]];
      if (pairs.has(`${x}/${y}`)) continue;
      const fx = first.get(x)!;
      const fy = first.get(y)!;
      issues.add(file, 0, null, `no FX rate between ${x} and ${y} (unit ${x}/${y} or ${y}/${x}), needed to compare the ${x} amount at ${fx.file}:${fx.line} ('${fx.id}') with the ${y} amount at ${fy.file}:${fy.line} ('${fy.id}')`);
    }
  }
}
