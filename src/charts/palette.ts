/**
 * Colours of the charts. One categorical palette (Observable10, chosen to stay distinct for
 * colour-blind readers) and one colour per company across every chart: the nine companies with
 * the most facts take the first nine colours, in that order (so the companies a reader sees most
 * never share a colour), every other company the tenth, a neutral grey; models and products take
 * their company's colour. Status and kind colours (fail / warn / pass, target, ...) live here
 * too, so no chart carries its own hex codes.
 */
import type { Entity, Fact } from '../types';
import type { ChartContext } from './context';

/** Observable10 (Observable Plot's default categorical scheme). */
export const CATEGORICAL = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5', '#9c6b4e', '#9498a0'] as const;

/** A neutral for marks that are no company's (an industry total, "other"). */
export const NEUTRAL = '#8c8c8c';
/** Audit outlines and failing statuses. */
export const ALERT = '#d62728';

/** Status colours of audit findings, in FINDING_STATUSES order: fail, warn, unverifiable, pass. */
export const STATUS_COLORS: Record<string, string> = { fail: ALERT, warn: '#efb118', unverifiable: NEUTRAL, pass: '#3ca951' };

/** Two-valued encodings (total / active parameters, revenue / loss, reported / goal). */
export const PAIR = [CATEGORICAL[0], CATEGORICAL[1]] as const;

/** Companies with a colour of their own; the others share the last colour of the palette. */
export const NAMED_COMPANIES = CATEGORICAL.length - 1;

type Index = { company: Map<string, string>; color: Map<string, string> };
const byEntities = new WeakMap<readonly Entity[], WeakMap<readonly Pick<Fact, 'entity'>[], Index>>();

/** Company of every entity (the root of its parent chain) and each company's colour; built once per entity and fact list. */
function index(entities: readonly Entity[], facts: readonly Pick<Fact, 'entity'>[]): Index {
  let perFacts = byEntities.get(entities);
  if (!perFacts) {
    perFacts = new WeakMap();
    byEntities.set(entities, perFacts);
  }
  let hit = perFacts.get(facts);
  if (hit) return hit;
  const parent = new Map(entities.map((e) => [e.id, e.parent]));
  const company = new Map<string, string>();
  const root = (id: string): string => {
    const known = company.get(id);
    if (known) return known;
    const seen = new Set<string>();
    let cur = id;
    for (let p = parent.get(cur); p && !seen.has(p) && parent.has(p); p = parent.get(cur)) {
      seen.add(cur);
      cur = p;
    }
    company.set(id, cur);
    return cur;
  };
  const count = new Map<string, number>();
  for (const e of entities) count.set(root(e.id), 0);
  for (const f of facts) {
    const c = root(f.entity);
    count.set(c, (count.get(c) ?? 0) + 1);
  }
  const ranked = [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
  const color = new Map(ranked.map((c, i) => [c, i < NAMED_COMPANIES ? CATEGORICAL[i] : OTHER]));
  hit = { company, color };
  perFacts.set(facts, hit);
  return hit;
}

/** The colour of every company after the first NAMED_COMPANIES. */
export const OTHER = CATEGORICAL[CATEGORICAL.length - 1];

/** The company an entity belongs to (itself when it has no parent). */
export function companyOf(ctx: Pick<ChartContext, 'entities' | 'facts'>, entity: string): string {
  return index(ctx.entities, ctx.facts).company.get(entity) ?? entity;
}

/** The colour of an entity: its company's colour, the same in every chart. */
export function entityColor(ctx: Pick<ChartContext, 'entities' | 'facts'>, entity: string): string {
  const ix = index(ctx.entities, ctx.facts);
  return ix.color.get(ix.company.get(entity) ?? entity) ?? OTHER;
}

/**
 * A colour scale for a nominal field whose values name entities: `keys` pairs each domain value
 * (a label) with the entity it stands for; the range gives each its company's colour.
 */
export function entityColorScale(ctx: Pick<ChartContext, 'entities' | 'facts'>, keys: Iterable<readonly [label: string, entity: string]>): { domain: string[]; range: string[] } {
  const seen = new Map<string, string>();
  for (const [label, entity] of keys) if (!seen.has(label)) seen.set(label, entityColor(ctx, entity));
  return { domain: [...seen.keys()], range: [...seen.values()] };
}
