/**
 * Valuation rules: P/S of every company with a valuation and a revenue of matching dates,
 * market cap to sales of listed companies, revenue implied by stated multiples, and the
 * revenue growth a company needs for its multiple to fall to a peer's.
 */
import type { Fact } from '../../types';
import type { DerivedDraft, RuleContext } from '../derived';
import { isoDateStart } from '../../units/date';
import { priceToSales, annualize, impliedRevenue, marketCapToSales, requiredRevenueCagr } from '../valuation';
import { periodMonths, describePeriod } from '../period';
import { inCurrency, iv, withMetric } from './select';
import type { Interval } from '../interval';

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

interface Annual {
  value: Interval;
  method: string | null;
  months: number;
}

function annualRevenue(rev: Fact, x: Interval): Annual | null {
  const months = periodMonths(rev);
  if (months === null) return null;
  if (months === 12) return { value: x, method: null, months };
  if (months > 12) return null;
  return { value: annualize(x, months), method: `linear run-rate: ${describePeriod(rev)} revenue x 12/${months}`, months };
}

function psRows(ctx: RuleContext, valuationMetric: string, metric: string, formula: string, latestOnly: boolean): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const revenues = withMetric(ctx.facts, 'revenue');
  for (const v of withMetric(ctx.facts, valuationMetric)) {
    if (!v.currency) continue;
    let revs = revenues.filter((r) => r.entity === v.entity && r.currency && matches(v, r));
    if (latestOnly && revs.length) {
      const lastEnd = revs.map((r) => r.period_end ?? '').sort().at(-1);
      revs = revs.filter((r) => r.period_end === lastEnd);
    }
    for (const r of revs) {
      const rx = inCurrency(r, v.currency, ctx.assumptions, v.as_of);
      const vx = iv(v);
      if (!rx || !vx) continue;
      const annual = annualRevenue(r, rx.value);
      if (!annual || annual.value.lo <= 0) continue;
      out.push({
        metric, entity: v.entity, detail: `${v.id}-${r.id}`,
        interval: (metric === 'ps_ratio' ? priceToSales : marketCapToSales)(vx, annual.value),
        unit: 'multiple', formula, inputs: [v.id, r.id], assumptions: rx.assumptions,
        method: annual.method,
        note: `${v.quantity} (${v.as_of}) over ${r.quantity} revenue ${describePeriod(r)}${r.currency !== v.currency ? `, revenue converted ${r.currency}->${v.currency}` : ''}`,
      });
    }
  }
  return out;
}

/** P/S: valuation / annual revenue for every company with both, dates matching. */
export function psRatioRule(ctx: RuleContext): DerivedDraft[] {
  return psRows(ctx, 'valuation', 'ps_ratio', 'valuation / revenue', false);
}

/** Market cap / latest annualized revenue for every listed company. */
export function marketCapToSalesRule(ctx: RuleContext): DerivedDraft[] {
  return psRows(ctx, 'market_cap', 'market_cap_to_sales', 'market_cap / annualized revenue', true);
}

/** Revenue implied by each stated P/S multiple and a valuation of the same entity. */
export function impliedRevenueRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const vals = withMetric(ctx.facts, 'valuation');
  for (const m of withMetric(ctx.facts, 'ps_ratio')) {
    for (const v of vals.filter((x) => x.entity === m.entity)) {
      const vx = iv(v);
      const mx = iv(m);
      if (!vx || !mx || mx.lo <= 0) continue;
      out.push({
        metric: 'implied_revenue', entity: m.entity, detail: `${v.id}-${m.id}`,
        interval: impliedRevenue(vx, mx), unit: 'money', currency: v.currency,
        formula: 'valuation / ps_ratio', inputs: [v.id, m.id],
        note: `${v.quantity} / ${m.quantity}`,
      });
    }
  }
  return out;
}

/**
 * Revenue CAGR needed for each company's computed multiple (P/S or market cap to sales) to
 * fall to each stated peer P/S of another entity within 2 and 3 years, when it is above it.
 */
export function requiredGrowthRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const subjects = [...psRatioRule(ctx), ...marketCapToSalesRule(ctx)];
  // one target per distinct stated multiple (OpenAI and Anthropic share one 39-41x statement)
  const targets = withMetric(ctx.facts, 'ps_ratio').filter((t, i, all) =>
    all.findIndex((u) => u.quantity === t.quantity && u.source === t.source) === i);
  for (const s of subjects.filter((x) => Number.isFinite(x.interval.hi))) {
    const [valId, revId] = s.inputs;
    const val = ctx.facts.find((f) => f.id === valId);
    const rev = ctx.facts.find((f) => f.id === revId);
    if (!val || !rev || !val.currency) continue;
    const vx = iv(val);
    const rx = inCurrency(rev, val.currency, ctx.assumptions, val.as_of);
    if (!vx || !rx) continue;
    const annual = annualRevenue(rev, rx.value);
    if (!annual) continue;
    for (const t of targets.filter((x) => x.entity !== s.entity)) {
      const tx = iv(t);
      if (!tx || !(s.interval.lo > tx.hi)) continue;
      for (const years of REQUIRED_GROWTH_HORIZONS) {
        out.push({
          metric: 'required_revenue_cagr', entity: s.entity, detail: `${s.detail}-to-${t.id}-${years}y`,
          interval: requiredRevenueCagr(vx, annual.value, tx, years), unit: 'rate',
          formula: `(${val.metric} / (target_multiple x revenue))^(1/${years}) - 1`,
          inputs: [val.id, rev.id, t.id], assumptions: rx.assumptions,
          method: [annual.method, `horizon ${years} years, valuation held constant`].filter(Boolean).join('; '),
          note: `growth for ${s.metric} to reach ${t.entity} ${t.quantity}`,
        });
      }
    }
  }
  return out;
}

export const valuationRules = [psRatioRule, marketCapToSalesRule, impliedRevenueRule, requiredGrowthRule];
