/**
 * Deployment rules: daily users as a share of installs, yearly run-rates of partial-period
 * sales, progress toward stated targets and forecasts, and quarterly growth compounded.
 */
import type { DerivedDraft, RuleContext } from '../derived';
import { dailyActiveShare, distanceToTarget, yearlyRunRate } from '../deployment';
import { compound, percentToRate } from '../growth';
import { describePeriod, periodMonths } from '../period';
import { iv, withMetric } from './select';

/** daily_users / installs for each entity and source reporting both. */
export function dailyActiveShareRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const installs = withMetric(ctx.facts, 'installs').filter((f) => f.qualifier !== 'target');
  for (const d of withMetric(ctx.facts, 'daily_users')) {
    for (const i of installs.filter((x) => x.entity === d.entity && x.source === d.source)) {
      const dx = iv(d);
      const ix = iv(i);
      if (!dx || !ix || ix.lo <= 0) continue;
      out.push({
        metric: 'daily_active_share', entity: d.entity, detail: `${d.id}-${i.id}`,
        interval: dailyActiveShare(dx, ix), unit: 'percent', formula: 'daily_users / installs x 100',
        inputs: [d.id, i.id], note: `${d.quantity} / ${i.quantity}`,
      });
    }
  }
  return out;
}

/** Yearly run-rate of sales over a known partial period. */
export function runRateRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  for (const s of withMetric(ctx.facts, 'vehicle_sales', 'shipments', 'sales')) {
    const m = periodMonths(s);
    const x = iv(s);
    if (m === null || m >= 12 || !x) continue;
    out.push({
      metric: 'yearly_run_rate', entity: s.entity, detail: s.id, interval: yearlyRunRate(x, m), unit: s.unit,
      formula: `${s.metric} x 12/${m}`, inputs: [s.id],
      method: `linear run-rate over ${describePeriod(s)}`, note: s.quantity,
    });
  }
  return out;
}

/** Progress of current values toward targets / forecasts of the same entity and metric (percent). */
export function targetProgressRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const isGoal = (q: string): boolean => q === 'target' || q === 'forecast';
  for (const g of ctx.facts.filter((f) => isGoal(f.qualifier))) {
    const gx = iv(g);
    if (!gx || gx.lo <= 0) continue;
    for (const c of ctx.facts.filter((f) => f.metric === g.metric && f.entity === g.entity && !isGoal(f.qualifier))) {
      const cx = iv(c);
      if (!cx) continue;
      const d = distanceToTarget(cx, gx);
      out.push({
        metric: 'target_progress', entity: g.entity, detail: `${c.id}-${g.id}`, interval: d.progressPercent, unit: 'percent',
        formula: 'current / target x 100', inputs: [c.id, g.id],
        note: `${c.quantity} (${describePeriod(c)}) toward ${g.quantity} (${g.qualifier})`,
      });
    }
  }
  return out;
}

/** Percent growth stated over n > 1 quarters, compounded as n quarters of that growth each. */
export function quarterlyCompoundingRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  for (const g of ctx.facts.filter((f) => /_growth$/.test(f.metric) && f.unit === 'percent')) {
    const m = periodMonths(g);
    const x = iv(g);
    if (m === null || m % 3 !== 0 || m / 3 < 2 || m >= 12 + 1 || !x) continue;
    const n = m / 3;
    out.push({
      metric: 'compounded_growth_multiple', entity: g.entity, detail: g.id,
      interval: compound(percentToRate(x), n), unit: 'multiple', formula: `(1 + quarterly_growth)^${n}`,
      inputs: [g.id], method: `reads ${g.quantity} as the growth of each of ${n} quarters (${describePeriod(g)})`,
      note: 'if the figure is cumulative instead, the multiple is 1 + growth',
    });
  }
  return out;
}

export const deploymentRules = [dailyActiveShareRule, runRateRule, targetProgressRule, quarterlyCompoundingRule];
