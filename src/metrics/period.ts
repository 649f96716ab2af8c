/** Periods and reference dates of facts, from their ISO `as_of` / `period_start` / `period_end`. */
import { isoDateStart } from '../units/date';

const DAY = 86_400_000;

export interface Dated {
  as_of: string | null;
  period_start: string | null;
  period_end: string | null;
}

/** Whole months covered by a period (2025-01-01..2025-09-30 -> 9); null without both ends. */
export function periodMonths(f: Dated): number | null {
  if (!f.period_start || !f.period_end) return null;
  const s = isoDateStart(f.period_start);
  const e = isoDateStart(f.period_end);
  if (s === null || e === null) return null;
  const days = (e - s) / DAY + 1;
  return Math.max(1, Math.round(days / (365.25 / 12)));
}

/** Date a fact refers to, in UTC ms: `as_of`, else `period_end`, else null. */
export function referenceTime(f: Dated): number | null {
  if (f.as_of) return isoDateStart(f.as_of);
  if (f.period_end) return isoDateStart(f.period_end);
  return null;
}

/** Whether time `t` (UTC ms) falls in the period of `f`, allowing `slackDays` after its end. */
export function withinPeriod(t: number, f: Dated, slackDays = 0): boolean {
  if (!f.period_start || !f.period_end) return false;
  const s = isoDateStart(f.period_start);
  const e = isoDateStart(f.period_end);
  if (s === null || e === null) return false;
  return t >= s && t < e + DAY * (1 + slackDays);
}

/** `2025-01-01..2025-09-30`, or the as_of date, or `undated`. */
export function describePeriod(f: Dated): string {
  if (f.period_start || f.period_end) return `${f.period_start ?? '?'}..${f.period_end ?? '?'}`;
  return f.as_of ?? 'undated';
}

/** Identity of a period for grouping (`p:start..end`, `a:as_of` or `-`). */
export function periodKey(f: Dated): string {
  if (f.period_start || f.period_end) return `p:${f.period_start ?? ''}..${f.period_end ?? ''}`;
  return f.as_of ? `a:${f.as_of}` : '-';
}

/** Whether period `next` starts the day after period `prev` ends (2024 then 2025 H1). */
export function adjacentPeriods(prev: Dated, next: Dated): boolean {
  if (!prev.period_end || !next.period_start) return false;
  const e = isoDateStart(prev.period_end);
  const s = isoDateStart(next.period_start);
  return e !== null && s !== null && s === e + DAY;
}

/** Whole years from the end of `prev` to the end of `next` (2022 -> 2024 = 2); null without ends. */
export function yearsBetweenEnds(prev: Dated, next: Dated): number | null {
  if (!prev.period_end || !next.period_end) return null;
  const a = isoDateStart(prev.period_end);
  const b = isoDateStart(next.period_end);
  if (a === null || b === null) return null;
  return Math.round((b - a) / (365.25 * DAY));
}
