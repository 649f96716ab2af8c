/**
 * Rules on the analyst's own inputs (data/assumptions.csv, never sourced facts):
 * - `ps_ratio_on_estimate`: an entity's latest valuation or market cap over an analyst revenue
 *   estimate (`<entity>-revenue-<year>-<cny|usd|hkd>-estimate`, unit money, for companies
 *   whose revenue no article gives);
 * - `valuation_at_target_multiple`: a revenue (the estimate, or the latest full-year revenue
 *   fact) x the target multiple (`target-ps-multiple`);
 * - `projected_revenue`: the same revenue grown for PROJECTION_YEARS at `revenue-growth-rate`.
 * Each row names the assumptions it used, so a scenario that changes one moves these rows.
 */
import type { Assumption, Currency, Fact } from '../../types';
import type { DerivedDraft, RuleContext } from '../derived';
import { convertInterval } from '../currency';
import { div, point, scale, type Interval } from '../interval';
import { periodMonths } from '../period';
import { iv, withMetric } from './select';

export const TARGET_MULTIPLE_ID = 'target-ps-multiple';
export const GROWTH_RATE_ID = 'revenue-growth-rate';
export const PROJECTION_YEARS = 3;
const ESTIMATE_RE = /^([a-z0-9.-]+?)-revenue-(\d{4})-(cny|usd|hkd)-estimate$/;

export interface RevenueEstimate {
  assumption: Assumption;
  entity: string;
  year: string;
  currency: Currency;
}

/** The analyst revenue estimates among the assumptions (by the id pattern above). */
export function revenueEstimates(assumptions: readonly Assumption[]): RevenueEstimate[] {
  return assumptions.flatMap((a) => {
    const m = ESTIMATE_RE.exec(a.id);
    return m && a.unit === 'money' ? [{ assumption: a, entity: m[1], year: m[2], currency: m[3].toUpperCase() as Currency }] : [];
  });
}

const dateOf = (f: Fact) => f.as_of ?? f.period_end ?? '';

/** The latest fact; among facts of one date, one stating a single number (10亿 before 亿元级别). */
function latest(facts: readonly Fact[]): Fact | null {
  const single = (f: Fact) => Number(f.low !== null && f.low === f.high);
  return [...facts].sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || single(a) - single(b) || a.id.localeCompare(b.id)).pop() ?? null;
}

/** A revenue base: an estimate or the latest full-year revenue fact of an entity. */
interface RevenueBase { entity: string; x: Interval; value: number; currency: Currency; inputs: string[]; assumptions: string[]; what: string }

function revenueBases(ctx: RuleContext): RevenueBase[] {
  const out: RevenueBase[] = revenueEstimates(ctx.assumptions).map((e) => ({
    entity: e.entity, x: point(e.assumption.value), value: e.assumption.value, currency: e.currency, inputs: [],
    assumptions: [e.assumption.id], what: `${e.year} revenue estimate`,
  }));
  const withEstimate = new Set(out.map((b) => b.entity));
  const byEntity = new Map<string, Fact[]>();
  for (const f of withMetric(ctx.facts, 'revenue')) {
    if (withEstimate.has(f.entity) || f.currency === null || f.value === null || !(f.value > 0) || periodMonths(f) !== 12) continue;
    byEntity.set(f.entity, [...(byEntity.get(f.entity) ?? []), f]);
  }
  for (const [entity, list] of byEntity) {
    const f = latest(list)!;
    const x = iv(f);
    if (x) out.push({ entity, x, value: f.value!, currency: f.currency!, inputs: [f.id], assumptions: [], what: `${f.period_end!.slice(0, 4)} revenue` });
  }
  return out;
}

function find(ctx: RuleContext, id: string): Assumption | null {
  return ctx.assumptions.find((a) => a.id === id) ?? null;
}

function psOnEstimate(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  for (const e of revenueEstimates(ctx.assumptions)) {
    const v = latest(withMetric(ctx.facts, 'valuation', 'market_cap').filter((f) => f.entity === e.entity && f.currency !== null));
    const x = v && iv(v);
    if (!v || !x) continue;
    const c = convertInterval(x, v.currency!, e.currency, ctx.assumptions, v.as_of);
    const rate = c.rate;
    const est = point(e.assumption.value);
    out.push({
      metric: 'ps_ratio_on_estimate', entity: e.entity, detail: `${v.id}-${e.assumption.id}`,
      interval: div(c.value, est), value: v.value === null ? null : (v.value * rate) / e.assumption.value,
      unit: 'multiple', formula: `${v.metric} / revenue estimate`, inputs: [v.id],
      assumptions: [e.assumption.id, ...(c.assumption ? [c.assumption] : [])],
      method: `${v.metric} in ${e.currency} over the analyst's ${e.year} revenue estimate`,
      note: `analyst estimate ${e.assumption.id}, not a sourced revenue`,
    });
  }
  return out;
}

function atTarget(ctx: RuleContext): DerivedDraft[] {
  const target = find(ctx, TARGET_MULTIPLE_ID);
  if (!target) return [];
  return revenueBases(ctx).map((b) => ({
    metric: 'valuation_at_target_multiple', entity: b.entity, detail: `${b.inputs.join('-') || b.assumptions.join('-')}-${target.id}`,
    interval: scale(b.x, target.value), value: b.value * target.value, unit: 'money', currency: b.currency,
    formula: `revenue x target multiple`, inputs: b.inputs, assumptions: [...b.assumptions, target.id],
    method: `${b.what} x ${target.value}x (${target.id})`, note: null,
  }));
}

function projected(ctx: RuleContext): DerivedDraft[] {
  const g = find(ctx, GROWTH_RATE_ID);
  if (!g) return [];
  const factor = (1 + g.value / 100) ** PROJECTION_YEARS;
  return revenueBases(ctx).map((b) => ({
    metric: 'projected_revenue', entity: b.entity, detail: `${b.inputs.join('-') || b.assumptions.join('-')}-${g.id}-${PROJECTION_YEARS}y`,
    interval: scale(b.x, factor), value: b.value * factor, unit: 'money', currency: b.currency,
    formula: `revenue x (1 + growth)^${PROJECTION_YEARS}`, inputs: b.inputs, assumptions: [...b.assumptions, g.id],
    method: `${b.what} grown ${g.value}% a year (${g.id}) for ${PROJECTION_YEARS} years`, note: null,
  }));
}

export const analystRules = [psOnEstimate, atTarget, projected];

