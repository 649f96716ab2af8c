/** Small helpers shared by the derived-metric rules. */
import type { Assumption, Currency, Fact } from '../../types';
import { convertInterval } from '../currency';
import { IntervalError, point, type Interval } from '../interval';
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

/**
 * An input of a formula in two readings: the interval the article's wording admits and the
 * number it states (`value` of the fact: 4200万 for 超4200万, 250亿 for 200-300亿).
 */
export interface Operand {
  interval: Interval;
  value: number | null;
}

/** The operand of a fact, or null when it has no usable value. */
export function operand(f: Fact): Operand | null {
  const x = iv(f);
  return x ? { interval: x, value: f.value } : null;
}

/** A formula evaluated on operands: null interval / value with the reason when undefined. */
export interface Evaluated {
  interval: Interval | null;
  value: number | null;
  /** why the interval or the value could not be computed (division by 0, ...) */
  problem: string | null;
}

function attempt(run: () => Interval): { x: Interval | null; problem: string | null } {
  try {
    return { x: run(), problem: null };
  } catch (e) {
    if (e instanceof IntervalError) return { x: null, problem: e.message };
    throw e;
  }
}

/**
 * `fn` applied to the operands' intervals (the row's low / high) and to their stated values
 * (the row's value): the same formula on both readings.
 */
export function evaluate(fn: (...xs: Interval[]) => Interval, ...ops: Operand[]): Evaluated {
  const i = attempt(() => fn(...ops.map((o) => o.interval)));
  const stated = ops.map((o) => o.value);
  if (stated.some((v) => v === null)) return { interval: i.x, value: null, problem: i.problem ?? 'an input has no stated value' };
  const v = attempt(() => fn(...stated.map((s) => point(s as number))));
  return { interval: i.x, value: v.x === null ? null : v.x.lo, problem: i.problem ?? v.problem };
}

/** `e` with `reason` as its problem when it failed and `divisor` states 0 (names what is 0). */
export function zeroDivisor(e: Evaluated, divisor: Operand, reason: string): Evaluated {
  return e.problem && divisor.value === 0 ? { ...e, problem: reason } : e;
}

/** The operand of an evaluation that succeeded on both readings, else null. */
export function asOperand(e: Evaluated): Operand | null {
  return e.interval ? { interval: e.interval, value: e.value } : null;
}

/** One currency conversion a derived row used: published as a row of its own. */
export interface Conversion {
  fact: Fact;
  from: Currency;
  to: Currency;
  /** date the rate was chosen for */
  asOf: string | null;
  rate: number;
  assumption: string;
  converted: Operand;
}

export interface InCurrency {
  x: Operand;
  assumptions: string[];
  /** the conversion; null when the fact is already in the currency */
  conversion: Conversion | null;
}

/** A money fact in `to`, converted at the rate for `asOf` (or the fact's own date). */
export function inCurrency(f: Fact, to: Currency, assumptions: readonly Assumption[], asOf?: string | null): InCurrency | null {
  const x = operand(f);
  if (!x || !f.currency) return null;
  const date = asOf ?? f.as_of ?? f.period_end;
  const c = convertInterval(x.interval, f.currency, to, assumptions, date);
  if (c.assumption === null) return { x, assumptions: [], conversion: null };
  const converted = { interval: c.value, value: x.value === null ? null : x.value * c.rate };
  return {
    x: converted, assumptions: [c.assumption],
    conversion: { fact: f, from: f.currency, to, asOf: date, rate: c.rate, assumption: c.assumption, converted },
  };
}
