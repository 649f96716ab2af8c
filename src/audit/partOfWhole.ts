/**
 * Part of a whole. A share (a claim in percent whose expression divides one fact by another,
 * `part / whole * 100`, or a derived share row) says the part lies inside the whole. It warns
 * when the part is not inside the whole's period or scope:
 * - period: when the whole is a flow, the part's date (a stock's or round's as_of) must fall in
 *   the whole's period, and a part that is itself a flow must have its period inside it (a
 *   2026-01-26 round as a share of 2025 funding is not part of that total);
 * - scope: the part's entity must be the whole's entity, one of its products or models (by
 *   `parent` in entities.csv), or the whole must be a market or aggregate; a company's figure
 *   as a share of another company's is outside it.
 * Checks that cannot be made (no entities given, undated rows) are skipped.
 */
import type { Entity, Fact } from '../types';
import type { Derived } from '../metrics/derived';
import { describePeriod, referenceTime } from '../metrics/period';
import { isoDateStart } from '../units/date';
import type { Claim } from './claims';
import type { Node } from './expression';
import { uniq, type Finding } from './findings';
import { computations } from './inputs';

/** Derived metrics that are a part over a whole, inputs [part, whole]. */
export const DERIVED_SHARE_METRICS = ['funding_share', 'active_parameter_share'];

/** The [part, whole] fact ids of `a / b` (optionally times 100) at the top of a share expression. */
export function shareOperands(tree: Node): [string, string] | null {
  let n = tree;
  if (n.kind === 'bin' && n.op === '*' && n.right.kind === 'num' && n.right.value === 100) n = n.left;
  if (n.kind === 'bin' && n.op === '/' && n.left.kind === 'ref' && n.right.kind === 'ref' && !n.left.missing && !n.right.missing) {
    return [n.left.name, n.right.name];
  }
  return null;
}

function periodProblem(part: Fact, whole: Fact): string | null {
  if (!whole.period_start || !whole.period_end) return null;
  const s = isoDateStart(whole.period_start);
  const e = isoDateStart(whole.period_end);
  if (s === null || e === null) return null;
  if (part.period_start && part.period_end) {
    const ps = isoDateStart(part.period_start);
    const pe = isoDateStart(part.period_end);
    if (ps === null || pe === null || (ps >= s && pe <= e)) return null;
    return `the part ${part.id} covers ${describePeriod(part)}, not inside the period ${describePeriod(whole)} of the whole ${whole.id}`;
  }
  const t = referenceTime(part);
  if (t === null || (t >= s && t <= e)) return null;
  const days = Math.round((t < s ? s - t : t - e) / 86_400_000);
  return `the part ${part.id} is dated ${part.as_of}, ${days} days ${t < s ? 'before' : 'after'} the period ${describePeriod(whole)} of the whole ${whole.id}`;
}

function within(part: string, whole: string, entities: ReadonlyMap<string, Entity>): boolean {
  let e: string | null = part;
  for (let i = 0; e && i < 10; i++) {
    if (e === whole) return true;
    e = entities.get(e)?.parent ?? null;
  }
  return false;
}

function scopeProblem(part: Fact, whole: Fact, entities: ReadonlyMap<string, Entity> | null): string | null {
  if (!entities) return null;
  const w = entities.get(whole.entity);
  if (!w || w.kind === 'market' || within(part.entity, whole.entity, entities)) return null;
  return `the part ${part.id} is of ${part.entity}, outside the scope of the whole ${whole.id} (${whole.entity})`;
}

export function checkPartOfWhole(
  claims: readonly Claim[], derived: readonly Derived[], facts: readonly Fact[], entities?: readonly Entity[],
): Finding[] {
  const byId = new Map(facts.map((f) => [f.id, f] as const));
  const ents = entities ? new Map(entities.map((e) => [e.id, e] as const)) : null;
  const groups = new Map<string, { label: string; ids: string[]; parts: Fact[]; wholes: Fact[]; problems: string[] }>();
  for (const c of computations(claims, derived, byId)) {
    let pair: [string, string] | null = null;
    if (c.kind === 'claim') {
      if (c.claim!.unit !== 'percent' || c.tree === null) continue;
      pair = shareOperands(c.tree);
    } else if (DERIVED_SHARE_METRICS.includes(c.derived!.metric) && c.derived!.inputs.length === 2) {
      pair = [c.derived!.inputs[0], c.derived!.inputs[1]];
    }
    if (!pair) continue;
    const part = byId.get(pair[0]);
    const whole = byId.get(pair[1]);
    if (!part || !whole) continue;
    const problems = [periodProblem(part, whole), scopeProblem(part, whole, ents)].filter((p): p is string => p !== null);
    if (problems.length === 0) continue;
    // derived rows over reports of one part event and one whole event are one finding
    const key = c.kind === 'claim' ? c.id : `${c.derived!.metric}:${part.event ?? part.id}|${whole.event ?? whole.id}`;
    const g = groups.get(key) ?? { label: c.kind === 'claim' ? c.label : `derived ${c.derived!.metric}`, ids: [], parts: [], wholes: [], problems };
    g.ids.push(c.id);
    g.parts.push(part);
    g.wholes.push(whole);
    groups.set(key, g);
  }
  return [...groups.entries()].map(([key, g]) => {
    const parts = uniq(g.parts.map((f) => f.id));
    const wholes = uniq(g.wholes.map((f) => f.id));
    const rows = g.ids.length > 1 ? ` (${g.ids.length} rows, over the reports ${parts.join(', ')} of ${wholes.join(', ')})` : '';
    return {
      id: `${g.ids.length > 1 ? key.replace(/\|+/g, '|') : g.ids[0]}:part-of-whole`, kind: 'plausibility' as const, rule: 'part-of-whole', status: 'warn' as const,
      entities: uniq([...g.parts, ...g.wholes].map((f) => f.entity)), sources: uniq([...g.parts, ...g.wholes].map((f) => f.source)),
      inputs: [...parts, ...wholes], stated: null, computed: null,
      message: `${g.label}${rows} takes ${g.parts[0].id} as a share of ${g.wholes[0].id}, but ${g.problems.join('; and ')}, so it is not part of that whole.`,
    };
  });
}
