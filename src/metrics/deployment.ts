/** Deployment arithmetic: usage shares, run-rates and distance to targets. */
import { div, scale, sub, type Interval } from './interval';
import { annualize } from './valuation';

/** Daily active users (or visits) as a percent of the installed base. */
export function dailyActiveShare(dailyUsers: Interval, installs: Interval): Interval {
  return scale(div(dailyUsers, installs), 100);
}

/** Yearly run-rate of a count sold over `months` months (linear: x 12 / months). */
export function yearlyRunRate(sold: Interval, months: number): Interval {
  return annualize(sold, months);
}

export interface TargetDistance {
  /** target - current */
  gap: Interval;
  /** current / target x 100 */
  progressPercent: Interval;
}

/** How far `current` is from `target`. */
export function distanceToTarget(current: Interval, target: Interval): TargetDistance {
  return { gap: sub(target, current), progressPercent: scale(div(current, target), 100) };
}
