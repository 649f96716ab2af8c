/**
 * Finance rules: revenue growth between consecutive periods, loss-to-revenue per period and
 * the share of an industry's yearly funding taken by a single round.
 */
import type { Fact } from '../../types';
import type { DerivedDraft, RuleContext } from '../derived';
import { growthMultiple } from '../growth';
import { lossToRevenue, fundingShare } from '../losses';
import { annualize } from '../valuation';
import { describePeriod, periodMonths, referenceTime, withinPeriod } from '../period';
import { groupBy, inCurrency, iv, withMetric } from './select';

/** A round dated up to this many days after an industry period still gets a share (flagged). */
export const FUNDING_SHARE_SLACK_DAYS = 31;

/** Revenue growth multiple between consecutive periods of each company (partial years annualized). */
export function revenueGrowthRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const byEntity = groupBy(withMetric(ctx.facts, 'revenue').filter((f) => f.period_start && f.period_end), (f) => f.entity);
  for (const [entity, revs] of byEntity) {
    const sorted = [...revs].sort((a, b) => (a.period_end ?? '').localeCompare(b.period_end ?? ''));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const next = sorted[i];
      if (prev.period_end === next.period_end || !prev.currency || !next.currency) continue;
      const px = inCurrency(prev, next.currency, ctx.assumptions, prev.period_end);
      const nx = iv(next);
      const pm = periodMonths(prev);
      const nm = periodMonths(next);
      if (!px || !nx || pm !== 12 || nm === null || nm > 12 || px.value.lo <= 0) continue;
      const annual = nm === 12 ? nx : annualize(nx, nm);
      out.push({
        metric: 'revenue_growth_multiple', entity, detail: `${prev.id}-${next.id}`,
        interval: growthMultiple(px.value, annual), unit: 'multiple',
        formula: nm === 12 ? 'revenue / previous revenue' : `(revenue x 12/${nm}) / previous revenue`,
        inputs: [prev.id, next.id], assumptions: px.assumptions,
        method: nm === 12 ? null : `linear run-rate: ${describePeriod(next)} x 12/${nm}`,
        note: `${describePeriod(prev)} -> ${describePeriod(next)}`,
      });
    }
  }
  return out;
}

/** Net loss / revenue for every company and period reporting both. */
export function lossRatioRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const revenues = withMetric(ctx.facts, 'revenue');
  for (const loss of withMetric(ctx.facts, 'net_loss', 'adjusted_net_loss')) {
    const revs = revenues.filter((r) => r.entity === loss.entity && r.period_start === loss.period_start
      && r.period_end === loss.period_end && r.period_end !== null);
    for (const r of revs) {
      if (!loss.currency) continue;
      const rx = inCurrency(r, loss.currency, ctx.assumptions, r.period_end);
      const lx = iv(loss);
      if (!rx || !lx || rx.value.lo <= 0) continue; // zero revenue: no ratio
      out.push({
        metric: 'loss_to_revenue', entity: loss.entity, detail: `${loss.id}-${r.id}`,
        interval: lossToRevenue(lx, rx.value), unit: 'multiple', formula: `${loss.metric} / revenue`,
        inputs: [loss.id, r.id], assumptions: rx.assumptions, note: describePeriod(loss),
      });
    }
  }
  return out;
}

function roundTime(f: Fact): number | null {
  return referenceTime(f);
}

/**
 * Share of an industry's yearly funding taken by each dated round in the total's currency
 * (percent); rounds in other currencies are taken as outside that market.
 */
export function fundingShareRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const totals = withMetric(ctx.facts, 'industry_funding');
  for (const round of withMetric(ctx.facts, 'funding_amount')) {
    const t = roundTime(round);
    if (t === null || !round.currency) continue;
    for (const total of totals) {
      // a round in another currency than the total is taken as outside that market
      if (total.currency !== round.currency || !withinPeriod(t, total, FUNDING_SHARE_SLACK_DAYS)) continue;
      const rx = iv(round);
      const tx = inCurrency(total, round.currency, ctx.assumptions, total.period_end);
      if (!rx || !tx) continue;
      const inside = withinPeriod(t, total, 0);
      out.push({
        metric: 'funding_share', entity: round.entity, detail: `${round.id}-${total.id}`,
        interval: fundingShare(rx, tx.value), unit: 'percent', formula: 'funding_amount / industry_funding x 100',
        inputs: [round.id, total.id], assumptions: tx.assumptions,
        note: inside ? `round ${round.as_of} within ${describePeriod(total)}`
          : `round dated ${round.as_of}, after the period ${describePeriod(total)} of the total`,
      });
    }
  }
  return out;
}

export const financeRules = [revenueGrowthRule, lossRatioRule, fundingShareRule];
