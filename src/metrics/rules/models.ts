/**
 * Model rules: active share and total/active factor of every MoE model with both counts,
 * bf16 weight memory of every stated parameter count, variant gains and gaps to the best
 * score of each benchmark.
 */
import type { DerivedDraft, RuleContext } from '../derived';
import { activeShare, scoreGap, sparsityFactor, variantGain, weightMemoryBytes } from '../models';
import { groupBy, iv, withMetric } from './select';

/** Active share (percent) and total/active factor for each model and source giving both. */
export function activeParameterRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const actives = withMetric(ctx.facts, 'active_parameters');
  for (const t of withMetric(ctx.facts, 'total_parameters')) {
    for (const a of actives.filter((x) => x.entity === t.entity && x.source === t.source)) {
      const tx = iv(t);
      const ax = iv(a);
      if (!tx || !ax || tx.lo <= 0 || ax.lo <= 0) continue;
      out.push({
        metric: 'active_parameter_share', entity: t.entity, detail: `${a.id}-${t.id}`, interval: activeShare(tx, ax),
        unit: 'percent', formula: 'active_parameters / total_parameters x 100', inputs: [a.id, t.id],
        note: `${a.quantity} / ${t.quantity}`,
      });
      out.push({
        metric: 'total_to_active_parameters', entity: t.entity, detail: `${t.id}-${a.id}`, interval: sparsityFactor(tx, ax),
        unit: 'multiple', formula: 'total_parameters / active_parameters', inputs: [t.id, a.id],
        note: `${t.quantity} / ${a.quantity}`,
      });
    }
  }
  return out;
}

/** bf16 weight memory (2 bytes per parameter) for each stated total parameter count. */
export function bf16MemoryRule(ctx: RuleContext): DerivedDraft[] {
  return withMetric(ctx.facts, 'total_parameters').flatMap((t) => {
    const tx = iv(t);
    if (!tx) return [];
    return [{
      metric: 'weight_memory_bf16', entity: t.entity, detail: t.id, interval: weightMemoryBytes(tx, 'bf16'),
      unit: 'bytes', formula: 'total_parameters x 2 bytes', inputs: [t.id],
      method: 'weights only, bf16 (2 bytes per parameter); no KV cache or activations', note: t.quantity,
    }];
  });
}

/** Score of a variant run minus the base run of the same model and benchmark. */
export function variantGainRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const scores = withMetric(ctx.facts, 'score');
  for (const v of scores.filter((s) => s.variant)) {
    for (const b of scores.filter((s) => !s.variant && s.entity === v.entity && s.benchmark === v.benchmark && s.unit === v.unit)) {
      const vx = iv(v);
      const bx = iv(b);
      if (!vx || !bx) continue;
      out.push({
        metric: 'variant_gain', entity: v.entity, detail: `${v.id}-${b.id}`, interval: variantGain(vx, bx), unit: v.unit,
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
  const base = withMetric(ctx.facts, 'score').filter((s) => !s.variant && s.benchmark);
  for (const [, rows] of groupBy(base, (s) => `${s.benchmark}|${s.unit}`)) {
    if (new Set(rows.map((r) => r.entity)).size < 2) continue;
    const withIv = rows.map((r) => ({ r, x: iv(r) })).filter((p) => p.x !== null) as Array<{ r: typeof rows[number]; x: NonNullable<ReturnType<typeof iv>> }>;
    const best = withIv.reduce((a, b) => (b.x.hi > a.x.hi ? b : a));
    for (const p of withIv) {
      if (p.r.entity === best.r.entity) continue;
      out.push({
        metric: 'score_gap_to_best', entity: p.r.entity, detail: `${p.r.id}-${best.r.id}`, interval: scoreGap(p.x, best.x),
        unit: p.r.unit === 'percent' ? 'percentage_points' : p.r.unit, formula: 'score - best score',
        inputs: [p.r.id, best.r.id], note: `${p.r.benchmark}: best is ${best.r.entity} ${best.r.quantity}`,
      });
    }
  }
  return out;
}

export const modelRules = [activeParameterRule, bf16MemoryRule, variantGainRule, gapToBestRule];
