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
import { evaluate, groupBy, inCurrency, operand, zeroDivisor } from './select';
import { eventsOf, reportsOf } from './events';
import { isoDateStart } from '../../units/date';

/** A round dated up to this many days after an industry period still gets a share (flagged). */
export const FUNDING_SHARE_SLACK_DAYS = 31;

const DAY = 86_400_000;

/** One representative per revenue event (period) with both period ends and a currency. */
function revenuesWithPeriods(facts: readonly Fact[]): Fact[] {
  return eventsOf(facts, 'revenue').filter((f) => f.period_start && f.period_end && f.currency);
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
  // the periods starting on each day, per entity: the next period of prev is looked up, not searched
  const byStart = groupBy(revs, (f) => `${f.entity}|${isoDateStart(f.period_start!)}`);
  for (const prev of revs) {
    const end = isoDateStart(prev.period_end!);
    if (end === null) continue;
    for (const next of (byStart.get(`${prev.entity}|${end + DAY}`) ?? []).filter((n) => adjacentPeriods(prev, n))) {
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
  // pairs within an entity: one revenue event per year, so at most years^2 / 2 per entity
  const byEntity = groupBy(years12, (f) => f.entity);
  for (const base of years12) {
    for (const end of byEntity.get(base.entity) ?? []) {
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
  const periodOf = (f: Fact) => `${f.entity}|${f.period_start}|${f.period_end}`;
  const revenues = groupBy(eventsOf(ctx.facts, 'revenue').filter((r) => r.period_end !== null), periodOf);
  for (const loss of eventsOf(ctx.facts, 'net_loss', 'adjusted_net_loss')) {
    for (const r of revenues.get(periodOf(loss)) ?? []) {
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
 * Share of an industry's yearly funding taken by each round, once per round (an event reported
 * by several rows counts once), in the total's currency (percent); rounds in other currencies
 * are taken as outside that market. Each round is set against one total: among the totals of
 * its currency whose period holds its date (or ended up to FUNDING_SHARE_SLACK_DAYS before it),
 * a period holding the date before one that ended, then the shortest period, then the total
 * with the most reports, then the first in data order. So the rows grow with the rounds, not
 * with rounds x totals.
 */
export function fundingShareRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  // totals per currency and period; within one, the best corroborated total stands for the period
  const periods = [...groupBy(eventsOf(ctx.facts, 'industry_funding').filter((t) => t.currency && operand(t)),
    (t) => `${t.currency}|${t.period_start}|${t.period_end}`).values()]
    .map((ts) => ts.reduce((a, b) => (reportsOf(ctx.facts, b).length > reportsOf(ctx.facts, a).length ? b : a)));
  const length = (t: Fact): number => (isoDateStart(t.period_end ?? '') ?? 0) - (isoDateStart(t.period_start ?? '') ?? 0);
  for (const round of eventsOf(ctx.facts, 'funding_amount')) {
    const t = referenceTime(round);
    const rx = operand(round);
    if (t === null || !round.currency || !rx) continue;
    let best: { total: Fact; inside: boolean } | null = null;
    for (const total of periods) {
      // a round in another currency than the total is taken as outside that market
      if (total.currency !== round.currency || !withinPeriod(t, total, FUNDING_SHARE_SLACK_DAYS)) continue;
      const inside = withinPeriod(t, total, 0);
      const better = !best || (inside && !best.inside) || (inside === best.inside && (length(total) < length(best.total)
        || (length(total) === length(best.total) && reportsOf(ctx.facts, total).length > reportsOf(ctx.facts, best.total).length)));
      if (better) best = { total, inside };
    }
    if (!best) continue;
    const { total, inside } = best;
    const tx = operand(total)!;
    out.push({
      metric: 'funding_share', entity: round.entity, detail: `${round.id}-${total.id}`,
      ...zeroDivisor(evaluate(fundingShare, rx, tx), tx, `industry funding ${total.id} is 0`), unit: 'percent',
      formula: 'funding_amount / industry_funding x 100', inputs: [round.id, total.id],
      note: inside ? `round ${round.as_of ?? describePeriod(round)} within ${describePeriod(total)}`
        : `round dated ${round.as_of}, after the period ${describePeriod(total)} of the total`,
    });
  }
  return out;
}

export const financeRules = [revenueGrowthRule, revenueCagrRule, lossRatioRule, fundingShareRule];
