/** Small helpers shared by the derived-metric rules. */
import type { Assumption, Currency, Fact } from '../../types';
import { fxDate } from '../../units/currency';
import { convertInterval } from '../currency';
import { IntervalError, point, type Interval } from '../interval';
import { factInterval } from '../tolerance';
import { boundSide, noSingleNumber, type BoundSide } from './statedNumber';

export function withMetric(facts: readonly Fact[], ...metrics: string[]): Fact[] {
  return facts.filter((f) => metrics.includes(f.metric));
}

export { groupBy } from '../../data/group';

/** Stated interval of a fact, or null when it has no usable value. */
export function iv(f: Fact): Interval | null {
  if (f.value === null && f.low === null && f.high === null) return null;
  try {
    return factInterval(f, 'stated');
  } catch {
    return null;
  }
}

/** A one-sided input: its number bounds what it measures on `side`; `what` says so for notes. */
export interface Bound {
  side: BoundSide;
  what: string;
}

/**
 * An input of a formula in two readings: the interval the article's wording admits and the
 * number it states (`value` of the fact: 4200万 for 超4200万, 250亿 for 200-300亿). `value` is
 * null when the input states no single number (`noValue` says why: 亿元级别, 千亿 as a size
 * class, 数亿); `bounds` lists the one-sided inputs it stands on (超4200万 states only a lower
 * bound).
 */
export interface Operand {
  interval: Interval;
  value: number | null;
  bounds?: readonly Bound[];
  noValue?: string | null;
}

/** The operand of a fact, or null when it has no usable value. */
export function operand(f: Fact): Operand | null {
  const x = iv(f);
  if (!x) return null;
  const none = noSingleNumber(f);
  if (none) return { interval: x, value: null, bounds: [], noValue: none };
  const side = boundSide(f);
  const what = side ? `${f.id} states only ${side === 'lower' ? 'a lower' : 'an upper'} bound (${f.quantity})` : '';
  return { interval: x, value: f.value, bounds: side ? [{ side, what }] : [], noValue: null };
}

/** A formula evaluated on operands: null interval / value with the reason when undefined. */
export interface Evaluated {
  interval: Interval | null;
  value: number | null;
  /** why the interval or the value could not be computed (division by 0, no point value, ...) */
  problem: string | null;
  /** the one-sided inputs the value stands on (it bounds the result on their side) */
  bounds?: readonly Bound[];
  /** why there is no value although the interval is known: an input states no single number */
  noValue?: string | null;
}

function attempt(run: () => Interval): { x: Interval | null; problem: string | null } {
  try {
    return { x: run(), problem: null };
  } catch (e) {
    if (e instanceof IntervalError) return { x: null, problem: e.message };
    throw e;
  }
}

/** Whether fn at the stated numbers does not fall when input k rises a little. */
function risesWith(fn: (...xs: Interval[]) => Interval, stated: readonly number[], k: number, at: number): boolean {
  const bumped = stated.map((s, j) => (j === k ? s + Math.max(Math.abs(s), 1) * 1e-6 : s));
  const r = attempt(() => fn(...bumped.map(point)));
  return r.x !== null && r.x.lo >= at - Math.max(Math.abs(at), 1) * 1e-12;
}

/**
 * `fn` applied to the operands' intervals (the row's low / high) and to their stated values
 * (the row's value): the same formula on both readings. There is no value when an input states
 * no single number, or when the result falls as a one-sided input rises (超4200万 as a divisor:
 * its 4200万 gives the top of the result, not a number the article states); the interval stays.
 */
export function evaluate(fn: (...xs: Interval[]) => Interval, ...ops: Operand[]): Evaluated {
  const i = attempt(() => fn(...ops.map((o) => o.interval)));
  const without = (reason: string): Evaluated => ({
    interval: i.x, value: null, problem: i.problem ?? `no point value: ${reason}`, bounds: [], noValue: reason,
  });
  const none = [...new Set(ops.map((o) => o.noValue).filter((r): r is string => !!r))];
  if (none.length) return without(none.join('; '));
  const stated = ops.map((o) => o.value);
  if (stated.some((v) => v === null)) return without('an input has no stated value');
  const nums = stated as number[];
  const v = attempt(() => fn(...nums.map(point)));
  if (v.x === null) return without(v.problem ?? 'the formula is undefined at the stated numbers');
  const bounds: Bound[] = [];
  for (const [k, o] of ops.entries()) {
    for (const b of o.bounds ?? []) {
      if (!risesWith(fn, nums, k, v.x.lo)) return without(`${b.what}, and the result falls as it rises`);
      bounds.push(b);
    }
  }
  const lower = bounds.find((b) => b.side === 'lower');
  const upper = bounds.find((b) => b.side === 'upper');
  if (lower && upper) return without(`${lower.what} and ${upper.what}, which bound the result from opposite sides`);
  return { interval: i.x, value: v.x.lo, problem: i.problem, bounds, noValue: null };
}

/** `e` with `reason` as its problem when it failed and `divisor` states 0 (names what is 0). */
export function zeroDivisor(e: Evaluated, divisor: Operand, reason: string): Evaluated {
  return e.problem && divisor.value === 0 ? { ...e, problem: reason } : e;
}

/** The operand of an evaluation that succeeded on both readings, else null. */
export function asOperand(e: Evaluated): Operand | null {
  return e.interval ? { interval: e.interval, value: e.value, bounds: e.bounds ?? [], noValue: e.noValue ?? null } : null;
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

/** A money fact in `to`, converted at the rate for its fxDate (a flow: its period's midpoint; a stock: its as_of). */
export function inCurrency(f: Fact, to: Currency, assumptions: readonly Assumption[]): InCurrency | null {
  const x = operand(f);
  if (!x || !f.currency) return null;
  // a flow at the rate for its period's midpoint, a stock at the rate for its as_of
  const date = fxDate(f);
  const c = convertInterval(x.interval, f.currency, to, assumptions, date);
  if (c.assumption === null) return { x, assumptions: [], conversion: null };
  // a rate > 0 keeps the side of a bound
  const converted: Operand = { ...x, interval: c.value, value: x.value === null ? null : x.value * c.rate };
  return {
    x: converted, assumptions: [c.assumption],
    conversion: { fact: f, from: f.currency, to, asOf: date, rate: c.rate, assumption: c.assumption, converted },
  };
}
