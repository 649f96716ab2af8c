/**
 * Finance rules: revenue growth between adjacent periods, revenue CAGR between full years
 * further apart, loss-to-revenue per period and the share of an industry's yearly funding taken
 * by a single round.
 */
import type { Fact } from '../../types';
import type { DerivedDraft, RuleContext } from '../derived';
import { cagr, growthMultiple } from '../growth';
import { lossToRevenue, fundingShare } from '../losses';
import { annualize } from '../valuation';
import type { Interval } from '../interval';
import { adjacentPeriods, describePeriod, periodMonths, referenceTime, withinPeriod, yearsBetweenEnds } from '../period';
import { runRateMethod } from './valuation';
import { evaluate, inCurrency, operand, withMetric, zeroDivisor } from './select';

/** A round dated up to this many days after an industry period still gets a share (flagged). */
export const FUNDING_SHARE_SLACK_DAYS = 31;

function revenuesWithPeriods(facts: readonly Fact[]): Fact[] {
  return withMetric(facts, 'revenue').filter((f) => f.period_start && f.period_end && f.currency);
}

/**
 * Revenue growth multiple of each company from one period to the adjacent next one: periods of
 * the same length compare as stated; a partial year right after a full year compares by its
 * linear run-rate (H1 x 2, Q1-Q3 x 4/3), the method named in the row. Periods with a gap
 * between them get a CAGR instead (revenueCagrRule).
 */
export function revenueGrowthRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const revs = revenuesWithPeriods(ctx.facts);
  for (const prev of revs) {
    for (const next of revs.filter((n) => n.entity === prev.entity && adjacentPeriods(prev, n))) {
      const pm = periodMonths(prev);
      const nm = periodMonths(next);
      const annualized = pm === 12 && nm !== null && nm < 12;
      if (pm === null || nm === null || (pm !== nm && !annualized)) continue;
      const px = inCurrency(prev, next.currency!, ctx.assumptions);
      const nx = operand(next);
      if (!px || !nx) continue;
      const fn = annualized ? (p: Interval, n: Interval) => growthMultiple(p, annualize(n, nm)) : growthMultiple;
      out.push({
        metric: 'revenue_growth_multiple', entity: prev.entity, detail: `${prev.id}-${next.id}`,
        ...zeroDivisor(evaluate(fn, px.x, nx), px.x, `previous revenue ${prev.id} is 0: growth from 0 is undefined`), unit: 'multiple',
        formula: annualized ? `(revenue x 12/${nm}) / previous revenue` : 'revenue / previous revenue',
        inputs: [prev.id, next.id], assumptions: px.assumptions, conversions: px.conversion ? [px.conversion] : [],
        method: annualized ? runRateMethod(next, nm) : null,
        note: `${describePeriod(prev)} -> ${describePeriod(next)}`,
      });
    }
  }
  return out;
}

/**
 * Compound yearly growth of revenue between two full-year periods of a company two or more
 * years apart (end of one to end of the other): (revenue / base revenue)^(1/years) - 1.
 */
export function revenueCagrRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const years12 = revenuesWithPeriods(ctx.facts).filter((f) => periodMonths(f) === 12);
  for (const base of years12) {
    for (const end of years12.filter((n) => n.entity === base.entity)) {
      const years = yearsBetweenEnds(base, end);
      if (years === null || years < 2) continue;
      const bx = inCurrency(base, end.currency!, ctx.assumptions);
      const ex = operand(end);
      if (!bx || !ex) continue;
      out.push({
        metric: 'revenue_cagr', entity: base.entity, detail: `${base.id}-${end.id}`,
        ...zeroDivisor(evaluate((b, e) => cagr(b, e, years), bx.x, ex), bx.x, `base revenue ${base.id} is 0: growth from 0 is undefined`), unit: 'rate',
        formula: `(revenue / base revenue)^(1/${years}) - 1`,
        inputs: [base.id, end.id], assumptions: bx.assumptions, conversions: bx.conversion ? [bx.conversion] : [],
        method: `compounded over the ${years} years from the end of ${describePeriod(base)} to the end of ${describePeriod(end)}`,
        note: `${base.quantity} -> ${end.quantity}`,
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
      const rx = inCurrency(r, loss.currency, ctx.assumptions);
      const lx = operand(loss);
      if (!rx || !lx) continue;
      out.push({
        metric: 'loss_to_revenue', entity: loss.entity, detail: `${loss.id}-${r.id}`,
        ...zeroDivisor(evaluate(lossToRevenue, lx, rx.x), rx.x, `revenue ${r.id} is 0: loss per unit of revenue is undefined`), unit: 'multiple',
        formula: `${loss.metric} / revenue`, inputs: [loss.id, r.id], assumptions: rx.assumptions,
        conversions: rx.conversion ? [rx.conversion] : [], note: describePeriod(loss),
      });
    }
  }
  return out;
}

/**
 * Share of an industry's yearly funding taken by each dated round in the total's currency
 * (percent); rounds in other currencies are taken as outside that market.
 */
export function fundingShareRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const totals = withMetric(ctx.facts, 'industry_funding');
  for (const round of withMetric(ctx.facts, 'funding_amount')) {
    const t = referenceTime(round);
    if (t === null || !round.currency) continue;
    for (const total of totals) {
      // a round in another currency than the total is taken as outside that market
      if (total.currency !== round.currency || !withinPeriod(t, total, FUNDING_SHARE_SLACK_DAYS)) continue;
      const rx = operand(round);
      const tx = operand(total);
      if (!rx || !tx) continue;
      const inside = withinPeriod(t, total, 0);
      out.push({
        metric: 'funding_share', entity: round.entity, detail: `${round.id}-${total.id}`,
        ...zeroDivisor(evaluate(fundingShare, rx, tx), tx, `industry funding ${total.id} is 0`), unit: 'percent',
        formula: 'funding_amount / industry_funding x 100', inputs: [round.id, total.id],
        note: inside ? `round ${round.as_of} within ${describePeriod(total)}`
          : `round dated ${round.as_of}, after the period ${describePeriod(total)} of the total`,
      });
    }
  }
  return out;
}

export const financeRules = [revenueGrowthRule, revenueCagrRule, lossRatioRule, fundingShareRule];
