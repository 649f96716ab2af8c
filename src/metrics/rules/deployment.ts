/**
 * Deployment rules: daily person-visits per installed device, yearly run-rates of partial-period
 * sales, progress toward and distance to stated targets and forecasts, and quarterly growth
 * compounded.
 */
import type { Fact } from '../../types';
import type { DerivedDraft, RuleContext } from '../derived';
import { dailyVisitsPerInstall, distanceToTarget, yearlyRunRate } from '../deployment';
import { compound, percentToRate } from '../growth';
import { describePeriod, periodMonths } from '../period';
import { evaluate, groupBy, operand, withMetric, zeroDivisor, type Operand } from './select';
import { eventIndex, eventsOf } from './events';

/**
 * daily_visits / installs for each entity and source reporting both: how many person-visits
 * (人次) an installed device serves a day. Visits count a person again on every visit, so this
 * is a usage intensity, not a share of devices with an active user.
 */
export function dailyVisitsPerInstallRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const installs = withMetric(ctx.facts, 'installs').filter((f) => f.qualifier !== 'target');
  for (const d of withMetric(ctx.facts, 'daily_visits')) {
    for (const i of installs.filter((x) => x.entity === d.entity && x.source === d.source)) {
      const dx = operand(d);
      const ix = operand(i);
      if (!dx || !ix) continue;
      out.push({
        metric: 'daily_visits_per_install', entity: d.entity, detail: `${d.id}-${i.id}`,
        ...zeroDivisor(evaluate(dailyVisitsPerInstall, dx, ix), ix, `installs ${i.id} is 0`), unit: 'multiple', formula: 'daily_visits / installs',
        inputs: [d.id, i.id], note: `${d.quantity} / ${i.quantity}: person-visits per installed device a day, not a share of users`,
      });
    }
  }
  return out;
}

/** Yearly run-rate of sales over a known partial period. */
export function runRateRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  for (const s of eventsOf(ctx.facts, 'vehicle_sales', 'shipments', 'sales')) {
    const m = periodMonths(s);
    const x = operand(s);
    if (m === null || m >= 12 || !x) continue;
    out.push({
      metric: 'yearly_run_rate', entity: s.entity, detail: s.id, ...evaluate((y) => yearlyRunRate(y, m), x), unit: s.unit,
      formula: `${s.metric} x 12/${m}`, inputs: [s.id],
      method: `linear run-rate over ${describePeriod(s)}`, note: s.quantity,
    });
  }
  return out;
}

interface GoalPair {
  goal: Fact;
  current: Fact;
  gx: Operand;
  cx: Operand;
}

const isGoal = (q: string): boolean => q === 'target' || q === 'forecast';

/** Each target / forecast event with each non-goal event of the same entity and metric. */
function goalPairs(ctx: RuleContext): GoalPair[] {
  const out: GoalPair[] = [];
  const { representatives } = eventIndex(ctx.facts);
  const key = (f: Fact) => `${f.entity}|${f.metric}`;
  const currents = groupBy(representatives.filter((f) => !isGoal(f.qualifier)), key);
  for (const goal of representatives.filter((f) => isGoal(f.qualifier))) {
    for (const current of currents.get(key(goal)) ?? []) {
      const gx = operand(goal);
      const cx = operand(current);
      if (gx && cx) out.push({ goal, current, gx, cx });
    }
  }
  return out;
}

function goalNote(p: GoalPair): string {
  return `${p.current.quantity} (${describePeriod(p.current)}) toward ${p.goal.quantity} (${p.goal.qualifier})`;
}

/** Progress of current values toward targets / forecasts of the same entity and metric (percent). */
export function targetProgressRule(ctx: RuleContext): DerivedDraft[] {
  return goalPairs(ctx).map((p) => ({
    metric: 'target_progress', entity: p.goal.entity, detail: `${p.current.id}-${p.goal.id}`,
    ...zeroDivisor(evaluate((c, g) => distanceToTarget(c, g).progressPercent, p.cx, p.gx), p.gx, `target ${p.goal.id} is 0`),
    unit: 'percent',
    formula: 'current / target x 100', inputs: [p.current.id, p.goal.id], note: goalNote(p),
  }));
}

/** What is left to reach each target / forecast: target - current, in the metric's unit. */
export function targetGapRule(ctx: RuleContext): DerivedDraft[] {
  return goalPairs(ctx).map((p) => ({
    metric: 'target_gap', entity: p.goal.entity, detail: `${p.current.id}-${p.goal.id}`,
    ...evaluate((c, g) => distanceToTarget(c, g).gap, p.cx, p.gx), unit: p.goal.unit, currency: p.goal.currency,
    formula: 'target - current', inputs: [p.current.id, p.goal.id], note: goalNote(p),
  }));
}

/** Percent growth stated over n > 1 quarters, compounded as n quarters of that growth each. */
export function quarterlyCompoundingRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  for (const g of eventIndex(ctx.facts).representatives.filter((f) => /_growth$/.test(f.metric) && f.unit === 'percent')) {
    const m = periodMonths(g);
    const x = operand(g);
    if (m === null || m % 3 !== 0 || m / 3 < 2 || m > 12 || !x) continue;
    const n = m / 3;
    out.push({
      metric: 'compounded_growth_multiple', entity: g.entity, detail: g.id,
      ...evaluate((y) => compound(percentToRate(y), n), x), unit: 'multiple', formula: `(1 + quarterly_growth)^${n}`,
      inputs: [g.id], method: `reads ${g.quantity} as the growth of each of ${n} quarters (${describePeriod(g)})`,
      note: 'if the figure is cumulative instead, the multiple is 1 + growth',
    });
  }
  return out;
}

export const deploymentRules = [dailyVisitsPerInstallRule, runRateRule, targetProgressRule, targetGapRule, quarterlyCompoundingRule];
