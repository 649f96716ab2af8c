/** Small helpers shared by the derived-metric rules. */
import type { Assumption, Currency, Fact } from '../../types';
import { convertInterval } from '../currency';
import type { Interval } from '../interval';
import { factInterval } from '../tolerance';

export function withMetric(facts: readonly Fact[], ...metrics: string[]): Fact[] {
  return facts.filter((f) => metrics.includes(f.metric));
}

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Stated interval of a fact, or null when it has no usable value. */
export function iv(f: Fact): Interval | null {
  if (f.value === null && f.low === null && f.high === null) return null;
  try {
    return factInterval(f, 'stated');
  } catch {
    return null;
  }
}

export interface InCurrency {
  value: Interval;
  assumptions: string[];
}

/** A money fact in `to`, converted at the rate for `asOf` (or the fact's own date). */
export function inCurrency(f: Fact, to: Currency, assumptions: readonly Assumption[], asOf?: string | null): InCurrency | null {
  const x = iv(f);
  if (!x || !f.currency) return null;
  const c = convertInterval(x, f.currency, to, assumptions, asOf ?? f.as_of ?? f.period_end);
  return { value: c.value, assumptions: c.assumption ? [c.assumption] : [] };
}
