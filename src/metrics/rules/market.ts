/**
 * Market rules: the base-year market size implied by a forecast end value and a stated CAGR.
 */
import type { DerivedDraft, RuleContext } from '../derived';
import { cagrBackward, percentToRate } from '../growth';
import { isoDateStart } from '../../units/date';
import { evaluate, groupBy, operand, withMetric } from './select';

/**
 * Base year used when a CAGR does not state its start: the last full year before the
 * forecast's source was published (the data gives publication years of 2025/2026).
 */
export const DEFAULT_CAGR_BASE_YEAR = 2025;

function year(d: string | null): number | null {
  if (!d) return null;
  const t = isoDateStart(d);
  return t === null ? null : new Date(t).getUTCFullYear();
}

/** end / (1 + cagr)^years for each market with a CAGR and a market size of the same source. */
export function impliedBaseMarketRule(ctx: RuleContext): DerivedDraft[] {
  const out: DerivedDraft[] = [];
  const key = (f: { entity: string; source: string }) => `${f.entity}|${f.source}`;
  const sizes = groupBy(withMetric(ctx.facts, 'market_size'), key);
  for (const g of withMetric(ctx.facts, 'cagr')) {
    for (const s of sizes.get(key(g)) ?? []) {
      const endYear = year(s.period_end ?? s.as_of);
      const startYear = year(g.period_start) ?? DEFAULT_CAGR_BASE_YEAR;
      const gx = operand(g);
      const sx = operand(s);
      if (endYear === null || !gx || !sx || endYear <= startYear) continue;
      const years = endYear - startYear;
      out.push({
        metric: 'implied_base_market_size', entity: g.entity, detail: `${s.id}-${g.id}-${startYear}`,
        ...evaluate((end, rate) => cagrBackward(end, percentToRate(rate), years), sx, gx), unit: s.unit, currency: s.currency,
        formula: `market_size_${endYear} / (1 + cagr)^${years}`, inputs: [s.id, g.id],
        method: g.period_start ? null : `start year not stated; ${startYear} assumed (last full year before publication)`,
        note: `${s.quantity} at ${g.quantity} a year`,
      });
    }
  }
  return out;
}

export const marketRules = [impliedBaseMarketRule];
