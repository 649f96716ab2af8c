/**
 * Valuation rules: P/S of every company with a valuation and a revenue of matching dates,
 * market cap to sales of listed companies, yearly revenue from partial periods, revenue
 * implied by stated multiples, and the revenue growth a company needs for its multiple to fall
 * to a peer's.
 */
import type { Fact } from '../../types';
import type { DerivedDraft, RuleContext } from '../derived';
import { isoDateStart } from '../../units/date';
import { priceToSales, annualize, impliedRevenue, marketCapToSales, requiredRevenueCagr } from '../valuation';
import { periodMonths, describePeriod } from '../period';
import { div } from '../interval';
import { asOperand, evaluate, groupBy, inCurrency, operand, withMetric, zeroDivisor, type InCurrency, type Operand } from './select';
import { eventsOf } from './events';

const DAY = 86_400_000;
/** A valuation "matches" a revenue period when dated inside it or up to this many days after. */
export const VALUATION_REVENUE_WINDOW_DAYS = 400;
/** Horizons (years) for the growth needed to reach a peer multiple (the article's 2-3 years). */
export const REQUIRED_GROWTH_HORIZONS = [2, 3];

function matches(valuation: Fact, revenue: Fact): boolean {
  const t = valuation.as_of ? isoDateStart(valuation.as_of) : null;
  const s = revenue.period_start ? isoDateStart(revenue.period_start) : null;
  const e = revenue.period_end ? isoDateStart(revenue.period_end) : null;
  if (t === null || s === null || e === null) return false;
  return t >= s && t <= e + VALUATION_REVENUE_WINDOW_DAYS * DAY;
}

/** How a partial period is turned into a year (named in every row that does it). */
export function runRateMethod(rev: Fact, months: number): string {
  return `linear run-rate: ${describePeriod(rev)} revenue x 12/${months}`;
}

interface Annual {
  x: Operand;
  method: string | null;
}

/** Yearly revenue: a full year as is, a shorter period by linear run-rate, longer periods not at all. */
function annualRevenue(rev: Fact, x: Operand): Annual | null {
  const months = periodMonths(rev);
  if (months === null || months > 12) return null;
  if (months === 12) return { x, method: null };
  const y = asOperand(evaluate((r) => annualize(r, months), x));
  return y ? { x: y, method: runRateMethod(rev, months) } : null;
}

/** A valuation (or market cap) paired with a revenue of matching dates, both in one currency. */
interface MultiplePair {
  v: Fact;
  r: Fact;
  vx: Operand;
  rx: InCurrency;
  annual: Annual;
}

function multiplePairs(ctx: RuleContext, valuationMetric: string, latestOnly: boolean): MultiplePair[] {
  const out: MultiplePair[] = [];
  const revenues = groupBy(eventsOf(ctx.facts, 'revenue'), (r) => r.entity);
  for (const v of eventsOf(ctx.facts, valuationMetric)) {
    if (!v.currency) continue;
    let revs = (revenues.get(v.entity) ?? []).filter((r) => r.currency && matches(v, r));
    if (latestOnly && revs.length) {
      const lastEnd = revs.map((r) => r.period_end ?? '').sort().at(-1);
      revs = revs.filter((r) => r.period_end === lastEnd);
    }
    for (const r of revs) {
      const rx = inCurrency(r, v.currency, ctx.assumptions);
      const vx = operand(v);
      const annual = rx ? annualRevenue(r, rx.x) : null;
      if (rx && vx && annual) out.push({ v, r, vx, rx, annual });
    }
  }
  return out;
}

function multipleRows(ctx: RuleContext, valuationMetric: string, metric: string, formula: string, latestOnly: boolean): DerivedDraft[] {
  const fn = metric === 'ps_ratio' ? priceToSales : marketCapToSales;
  return multiplePairs(ctx, valuationMetric, latestOnly).map(({ v, r, vx, rx, annual }) => ({
    metric, entity: v.entity, detail: `${v.id}-${r.id}`,
    ...zeroDivisor(evaluate(fn, vx, annual.x), annual.x, `revenue ${r.id} is 0: no multiple of sales`),
    unit: 'multiple', formula, inputs: [v.id, r.id], assumptions: rx.assumptions,
    conversions: rx.conversion ? [rx.conversion] : [],
    method: annual.method,
    note: `${v.quantity} (${v.as_of}) over ${r.quantity} revenue ${describePeriod(r)}${r.currency !== v.currency ? `, revenue converted ${r.currency}->${v.currency}` : ''}`,
  }));
}

/** P/S: valuation / annual revenue for every company with both, dates matching. */
export function psRatioRule(ctx: RuleContext): DerivedDraft[] {
  return multipleRows(ctx, 'valuation', 'ps_ratio', 'valuation / revenue', false);
}

/** Market cap / latest annualized revenue for every listed company. */
export function marketCapToSalesRule(ctx: RuleContext): DerivedDraft[] {
  return multipleRows(ctx, 'market_cap', 'market_cap_to_sales', 'market_cap / annualized revenue', true);
}

/** Yearly revenue of every revenue stated for part of a year, by linear run-rate. */
export function annualizedRevenueRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  for (const r of eventsOf(ctx.facts, 'revenue')) {
    const months = periodMonths(r);
    const x = operand(r);
    if (months === null || months >= 12 || !x) continue;
    out.push({
      metric: 'annualized_revenue', entity: r.entity, detail: r.id,
      ...evaluate((y) => annualize(y, months), x),
      unit: r.unit, currency: r.currency, formula: `revenue x 12/${months}`, inputs: [r.id],
      method: runRateMethod(r, months), note: r.quantity,
    });
  }
  return out;
}

/** Revenue implied by each stated P/S multiple and a valuation of the same entity. */
export function impliedRevenueRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const vals = groupBy(eventsOf(ctx.facts, 'valuation'), (v) => v.entity);
  for (const m of eventsOf(ctx.facts, 'ps_ratio')) {
    for (const v of vals.get(m.entity) ?? []) {
      const vx = operand(v);
      const mx = operand(m);
      if (!vx || !mx) continue;
      out.push({
        metric: 'implied_revenue', entity: m.entity, detail: `${v.id}-${m.id}`,
        ...zeroDivisor(evaluate(impliedRevenue, vx, mx), mx, `multiple ${m.id} is 0: no revenue implied`), unit: 'money', currency: v.currency,
        formula: 'valuation / ps_ratio', inputs: [v.id, m.id],
        note: `${v.quantity} / ${m.quantity}`,
      });
    }
  }
  return out;
}

/**
 * The peer multiples growth is measured against: the stated P/S multiples of one article, the
 * latest dated one that sets multiples side by side (the first in data order on ties), one per
 * distinct stated multiple (OpenAI and Anthropic share one 39-41x statement). One article's
 * table, however many articles state multiples: the rows grow with the companies, not with
 * companies x statements.
 */
export function peerMultiples(facts: readonly Fact[]): Fact[] {
  const bySource = groupBy(withMetric(facts, 'ps_ratio'), (f) => f.source);
  let chosen: Fact[] = [];
  let latest = '';
  for (const list of bySource.values()) {
    const date = list.reduce((d, f) => ((f.as_of ?? '') > d ? f.as_of ?? '' : d), '');
    if (chosen.length === 0 || date > latest) {
      chosen = list;
      latest = date;
    }
  }
  const seen = new Set<string>();
  return chosen.filter((t) => !seen.has(t.quantity) && !!seen.add(t.quantity));
}

/**
 * Revenue CAGR needed for each company's computed multiple (P/S or market cap to sales) to
 * fall to each peer multiple (see peerMultiples) of another entity within 2 and 3 years, when
 * its whole interval is bounded and above the peer's.
 */
export function requiredGrowthRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const subjects = [
    ...multiplePairs(ctx, 'valuation', false).map((p) => ({ p, metric: 'ps_ratio' })),
    ...multiplePairs(ctx, 'market_cap', true).map((p) => ({ p, metric: 'market_cap_to_sales' })),
  ];
  const targets = peerMultiples(ctx.facts);
  for (const { p, metric } of subjects) {
    const multiple = evaluate(div, p.vx, p.annual.x).interval;
    if (!multiple || !Number.isFinite(multiple.hi)) continue;
    for (const t of targets.filter((x) => x.entity !== p.v.entity)) {
      const tx = operand(t);
      if (!tx || !(multiple.lo > tx.interval.hi)) continue;
      for (const years of REQUIRED_GROWTH_HORIZONS) {
        out.push({
          metric: 'required_revenue_cagr', entity: p.v.entity, detail: `${p.v.id}-${p.r.id}-to-${t.id}-${years}y`,
          ...evaluate((v, r, m) => requiredRevenueCagr(v, r, m, years), p.vx, p.annual.x, tx), unit: 'rate',
          formula: `(${p.v.metric} / (target_multiple x revenue))^(1/${years}) - 1`,
          inputs: [p.v.id, p.r.id, t.id], assumptions: p.rx.assumptions,
          conversions: p.rx.conversion ? [p.rx.conversion] : [],
          method: [p.annual.method, `horizon ${years} years, valuation held constant`].filter(Boolean).join('; '),
          note: `growth for ${metric} to reach ${t.entity} ${t.quantity}`,
        });
      }
    }
  }
  return out;
}

export const valuationRules = [psRatioRule, marketCapToSalesRule, annualizedRevenueRule, impliedRevenueRule, requiredGrowthRule];
