/**
 * Date checks beyond the format: years within PLAUSIBLE_YEARS, an `as_of` no later than its
 * source's publication and a publication no later than today, each compared at the precision
 * both are written in (`as_of 2026-01-26` against `published 2026-01` compares months: fine).
 */

/** Years a date of the data may fall in (forecast periods reach a few decades ahead). */
export const PLAUSIBLE_YEARS = { min: 1950, max: 2100 } as const;

/** Problem of a date's year; null when plausible. */
export function yearProblem(date: string): string | null {
  const y = Number(date.slice(0, 4));
  if (y < PLAUSIBLE_YEARS.min || y > PLAUSIBLE_YEARS.max) {
    return `date '${date}' is outside the plausible years ${PLAUSIBLE_YEARS.min}–${PLAUSIBLE_YEARS.max}`;
  }
  return null;
}

/**
 * Compares two partial ISO dates at the coarser precision of the two: negative, 0 or positive
 * (`2026-01-26` vs `2026-01` is 0).
 */
export function compareAtPrecision(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Today as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Problem of an `as_of` against its source's publication date; null when consistent. */
export function asOfProblem(asOf: string, sourceId: string, published: string): string | null {
  if (compareAtPrecision(asOf, published) > 0) {
    return `as_of ${asOf} is after the publication of its source '${sourceId}' (${published}); an article reports what was known when it was published`;
  }
  return null;
}

/** Problem of a publication date; null when it is not in the future. */
export function publishedProblem(published: string, now: string = today()): string | null {
  if (compareAtPrecision(published, now) > 0) return `published ${published} is in the future (today is ${now})`;
  return null;
}
