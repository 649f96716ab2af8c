/**
 * Valuation arithmetic over intervals: price-to-sales, implied revenue, annualizing partial
 * periods and the revenue growth needed to reach a target multiple.
 */
import { div, mul, point, pow, sub, scale, type Interval } from './interval';

/** Price-to-sales multiple: valuation / revenue (both in one currency, revenue annual). */
export function priceToSales(valuation: Interval, revenue: Interval): Interval {
  return div(valuation, revenue);
}

/** Revenue implied by a valuation and a stated P/S multiple: valuation / multiple. */
export function impliedRevenue(valuation: Interval, multiple: Interval): Interval {
  return div(valuation, multiple);
}

/** Methods for turning a partial-period flow into a yearly figure. */
export type AnnualizeMethod = 'linear-run-rate';

/**
 * Yearly figure from a flow over `months` months. `linear-run-rate`: x x 12 / months
 * (H1 x 2, Q1-Q3 x 4/3), i.e. assumes the remaining months run at the same pace.
 */
export function annualize(x: Interval, months: number, method: AnnualizeMethod = 'linear-run-rate'): Interval {
  if (!(months > 0 && months <= 12)) throw new Error(`annualize: months must be in (0, 12], got ${months}`);
  if (method !== 'linear-run-rate') throw new Error(`annualize: unknown method '${method as string}'`);
  return scale(x, 12 / months);
}

/** Market capitalisation to (annual) sales. Same arithmetic as P/S, named for listed peers. */
export function marketCapToSales(marketCap: Interval, annualRevenue: Interval): Interval {
  return div(marketCap, annualRevenue);
}

/**
 * Yearly revenue growth needed within `years` for valuation / revenue to fall to
 * `targetMultiple`: (valuation / (target x revenue))^(1/years) - 1. Negative when the current
 * multiple is already below the target.
 */
export function requiredRevenueCagr(valuation: Interval, revenue: Interval, targetMultiple: Interval, years: number): Interval {
  if (!(years > 0)) throw new Error(`requiredRevenueCagr: years must be positive, got ${years}`);
  const neededFactor = div(valuation, mul(targetMultiple, revenue));
  return sub(pow(neededFactor, 1 / years), point(1));
}
