/**
 * Model rules: active share and total/active factor of every MoE model with both counts,
 * weight memory of every stated parameter count (bf16, plus each precision the data states a
 * memory figure for), variant gains and gaps to the best score of each benchmark.
 */
import type { Fact } from '../../types';
import type { DerivedDraft, RuleContext } from '../derived';
import { activeShare, BYTES_PER_PARAMETER, isPrecision, scoreGap, sparsityFactor, variantGain, weightMemoryBytes, type Precision } from '../models';
import { evaluate, groupBy, operand, zeroDivisor, type Operand } from './select';
import { eventsOf } from './events';

/** Active share (percent) and total/active factor for each model giving both (each count once, see ./events). */
export function activeParameterRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const actives = groupBy(eventsOf(ctx.facts, 'active_parameters'), (x) => x.entity);
  for (const t of eventsOf(ctx.facts, 'total_parameters')) {
    for (const a of actives.get(t.entity) ?? []) {
      const tx = operand(t);
      const ax = operand(a);
      if (!tx || !ax) continue;
      out.push({
        metric: 'active_parameter_share', entity: t.entity, detail: `${a.id}-${t.id}`,
        ...zeroDivisor(evaluate(activeShare, tx, ax), tx, `total parameters ${t.id} is 0`),
        unit: 'percent', formula: 'active_parameters / total_parameters x 100', inputs: [a.id, t.id],
        note: `${a.quantity} / ${t.quantity}`,
      });
      out.push({
        metric: 'total_to_active_parameters', entity: t.entity, detail: `${t.id}-${a.id}`,
        ...zeroDivisor(evaluate(sparsityFactor, tx, ax), ax, `active parameters ${a.id} is 0`),
        unit: 'multiple', formula: 'total_parameters / active_parameters', inputs: [t.id, a.id],
        note: `${t.quantity} / ${a.quantity}`,
      });
    }
  }
  return out;
}

/** Precision of a stated memory figure from its metric name (`memory_int8` -> int8). */
export function memoryPrecision(metric: string): Precision | null {
  const m = /^memory_(.+)$/.exec(metric);
  return m && isPrecision(m[1]) ? m[1] : null;
}

function memoryRow(t: Fact, tx: Operand, precision: Precision, why: string): DerivedDraft {
  const bytes = BYTES_PER_PARAMETER[precision];
  return {
    metric: `weight_memory_${precision}`, entity: t.entity, detail: t.id,
    ...evaluate((p) => weightMemoryBytes(p, precision), tx),
    unit: 'bytes', formula: `total_parameters x ${bytes} byte${bytes === 1 ? '' : 's'}`, inputs: [t.id],
    method: `weights only, ${precision} (${bytes} byte${bytes === 1 ? '' : 's'} per parameter)${why}; no KV cache or activations`,
    note: t.quantity,
  };
}

/**
 * Weight memory of each stated total parameter count: at bf16 for every model, and at each
 * precision a `memory_<precision>` fact of the same model states a figure for (Step 3's "5GB
 * at INT8" gets 321B x 1 byte = 321GB beside it).
 */
export function weightMemoryRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const memories = groupBy(ctx.facts.filter((f) => memoryPrecision(f.metric) !== null && memoryPrecision(f.metric) !== 'bf16'), (f) => f.entity);
  for (const t of eventsOf(ctx.facts, 'total_parameters')) {
    const tx = operand(t);
    if (!tx) continue;
    out.push(memoryRow(t, tx, 'bf16', ''));
    const stated = memories.get(t.entity) ?? [];
    for (const [precision, facts] of groupBy(stated, (f) => memoryPrecision(f.metric) as string)) {
      const why = `, the precision of the stated ${facts.map((f) => `${f.id} (${f.quantity})`).join(', ')}`;
      out.push(memoryRow(t, tx, precision as Precision, why));
    }
  }
  return out;
}

/** Score of a variant run minus the base run of the same model and benchmark. */
export function variantGainRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const scores = eventsOf(ctx.facts, 'score');
  const key = (s: Fact) => `${s.entity}|${s.benchmark}|${s.unit}`;
  const bases = groupBy(scores.filter((s) => !s.variant), key);
  for (const v of scores.filter((s) => s.variant)) {
    for (const b of bases.get(key(v)) ?? []) {
      const vx = operand(v);
      const bx = operand(b);
      if (!vx || !bx) continue;
      out.push({
        metric: 'variant_gain', entity: v.entity, detail: `${v.id}-${b.id}`, ...evaluate(variantGain, vx, bx), unit: v.unit,
        formula: 'score(variant) - score(base)', inputs: [v.id, b.id],
        note: `${v.benchmark}: ${v.variant} ${v.quantity} vs base ${b.quantity}`,
      });
    }
  }
  return out;
}

/** Gap of every model to the best base-run score of each benchmark with two or more models. */
export function gapToBestRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const base = eventsOf(ctx.facts, 'score').filter((s) => !s.variant && s.benchmark);
  for (const [, rows] of groupBy(base, (s) => `${s.benchmark}|${s.unit}`)) {
    if (new Set(rows.map((r) => r.entity)).size < 2) continue;
    const scored = rows.flatMap((r) => {
      const x = operand(r);
      return x ? [{ r, x }] : [];
    });
    if (scored.length === 0) continue;
    const best = scored.reduce((a, b) => (b.x.interval.hi > a.x.interval.hi ? b : a));
    for (const p of scored) {
      if (p.r.entity === best.r.entity) continue;
      out.push({
        metric: 'score_gap_to_best', entity: p.r.entity, detail: `${p.r.id}-${best.r.id}`, ...evaluate(scoreGap, p.x, best.x),
        unit: p.r.unit === 'percent' ? 'percentage_points' : p.r.unit, formula: 'score - best score',
        inputs: [p.r.id, best.r.id], note: `${p.r.benchmark}: best is ${best.r.entity} ${best.r.quantity}`,
      });
    }
  }
  return out;
}

export const modelRules = [activeParameterRule, weightMemoryRule, variantGainRule, gapToBestRule];
