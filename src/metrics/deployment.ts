/** Deployment arithmetic: visits per install, run-rates and distance to targets. */
import { div, scale, sub, type Interval } from './interval';
import { annualize } from './valuation';

/**
 * Daily person-visits per installed device: visits are not distinct users (one person counts
 * once per visit), so the ratio is how often an average install is used, not a user share.
 */
export function dailyVisitsPerInstall(dailyVisits: Interval, installs: Interval): Interval {
  return div(dailyVisits, installs);
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
