/** Loss and share ratios over intervals. */
import { div, scale, type Interval } from './interval';

/** Loss per unit of revenue over the same period: loss / revenue (3.2 = loss is 3.2x revenue). */
export function lossToRevenue(loss: Interval, revenue: Interval): Interval {
  return div(loss, revenue);
}

/** Share of a total, in percent: part / total x 100. */
export function sharePercent(part: Interval, total: Interval): Interval {
  return scale(div(part, total), 100);
}

/** Share of an industry's funding taken by one amount, in percent. */
export function fundingShare(amount: Interval, industryTotal: Interval): Interval {
  return sharePercent(amount, industryTotal);
}
