/**
 * Currency conversion with the FX rates of data/assumptions.csv. An FX assumption has a unit
 * `QUOTE/BASE` and a value in QUOTE per 1 BASE: `usd-cny-2026-01` with unit `CNY/USD` and value
 * 7 means 1 USD = 7 CNY. A rate is used directly or inverted; there is no triangulation, so the
 * assumptions list the cross rates it needs (HKD/CNY next to HKD/USD and USD/CNY).
 *
 * Choice by date: among the rates for the pair, the one whose `as_of` is closest to `asOf`
 * (ties go to the earlier one); without `asOf`, the latest. No rate for the pair is an error.
 *
 * The date of a fact (fxDate, used by fxRateFor): a flow (period_start and period_end) is
 * converted at the rate for its period's midpoint, a stock at the rate for its `as_of`. So a
 * series of flows of one company meets one rate per period, never a rate picked by how close a
 * period's last day is to the next rate (2025 Jan-Sep: midpoint 2025-05-17, rate 2025-06, like
 * the full years before it).
 */
import type { Assumption, Currency, Fact } from '../types';
import { isoDateStart } from './date';

export const CURRENCIES: readonly Currency[] = ['CNY', 'USD', 'HKD'];

export interface FxRate {
  from: Currency;
  to: Currency;
  /** amount in `to` per 1 `from` */
  rate: number;
  /** id of the assumption the rate comes from */
  assumption: string;
  as_of: string;
}

/** Whether text is one of the currencies the data uses. */
export function isCurrency(text: string): text is Currency {
  return (CURRENCIES as readonly string[]).includes(text);
}

function when(a: Assumption): number {
  const t = isoDateStart(a.as_of);
  if (t === null) throw new Error(`assumption '${a.id}': bad as_of '${a.as_of}'`);
  return t;
}

/** The FX rate from `from` to `to` chosen from the assumptions (see the module comment). */
export function fxRate(from: Currency, to: Currency, assumptions: readonly Assumption[], asOf?: string): FxRate {
  if (from === to) return { from, to, rate: 1, assumption: '(same currency)', as_of: asOf ?? '' };
  const candidates: Array<{ a: Assumption; rate: number; direct: boolean }> = [];
  for (const a of assumptions) {
    if (a.unit === `${to}/${from}`) candidates.push({ a, rate: a.value, direct: true });
    else if (a.unit === `${from}/${to}`) candidates.push({ a, rate: 1 / a.value, direct: false });
  }
  if (candidates.length === 0) {
    throw new Error(`no FX assumption for ${from} -> ${to} (need unit '${to}/${from}' or '${from}/${to}')`);
  }
  let target: number;
  if (asOf === undefined) {
    target = Math.max(...candidates.map((c) => when(c.a)));
  } else {
    const t = isoDateStart(asOf);
    if (t === null) throw new Error(`bad date '${asOf}' (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
    target = t;
  }
  candidates.sort((x, y) => {
    const dx = Math.abs(when(x.a) - target);
    const dy = Math.abs(when(y.a) - target);
    if (dx !== dy) return dx - dy;
    if (when(x.a) !== when(y.a)) return when(x.a) - when(y.a);
    return Number(y.direct) - Number(x.direct);
  });
  const best = candidates[0];
  if (!(best.rate > 0) || !Number.isFinite(best.rate)) throw new Error(`assumption '${best.a.id}': rate ${best.a.value} is not positive`);
  return { from, to, rate: best.rate, assumption: best.a.id, as_of: best.a.as_of };
}

const DAY_MS = 86_400_000;

/** First instant after the period a partial ISO date names (`2025-09-30` -> 2025-10-01, `2025` -> 2026-01-01). */
function isoDateEnd(text: string): number | null {
  const start = isoDateStart(text);
  if (start === null) return null;
  const d = new Date(start);
  const parts = text.split('-').length;
  if (parts === 1) return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  if (parts === 2) return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return start + DAY_MS;
}

/** The dates of a fact that fxDate reads. */
export type FxDated = Pick<Fact, 'id' | 'as_of' | 'period_start' | 'period_end'>;

/**
 * Date whose FX rate converts the fact: for a flow (period_start and period_end) the midpoint
 * of the period, first day 00:00 to the end of the last day, as `YYYY-MM-DD` (2025-01-01 ..
 * 2025-09-30 -> 2025-05-17); for a stock its `as_of`; a fact with only a period end (or only a
 * start) uses that date. Null when the fact has no date (fxRate then takes the latest rate).
 */
export function fxDate(f: FxDated): string | null {
  if (f.period_start && f.period_end) {
    const a = isoDateStart(f.period_start);
    const b = isoDateEnd(f.period_end);
    if (a === null) throw new Error(`fact '${f.id}': bad period_start '${f.period_start}'`);
    if (b === null) throw new Error(`fact '${f.id}': bad period_end '${f.period_end}'`);
    if (b <= a) throw new Error(`fact '${f.id}': period_end '${f.period_end}' is before period_start '${f.period_start}'`);
    const mid = Math.floor((a + b) / 2 / DAY_MS) * DAY_MS;
    return new Date(mid).toISOString().slice(0, 10);
  }
  return f.as_of ?? f.period_end ?? f.period_start ?? null;
}

/** The FX rate converting a money fact in `from` to `to`, chosen for the fact's fxDate. */
export function fxRateFor(f: FxDated, from: Currency, to: Currency, assumptions: readonly Assumption[]): FxRate {
  return fxRate(from, to, assumptions, fxDate(f) ?? undefined);
}

/** `amount` in `from` converted to `to` with the FX assumption chosen for `asOf`. */
export function convertMoney(
  amount: number, from: Currency, to: Currency, assumptions: readonly Assumption[], asOf?: string,
): number {
  return amount * fxRate(from, to, assumptions, asOf).rate;
}
