/**
 * Bounds on what one chart draws, so a chart stays readable (and renderable) at any volume of
 * data: at most MAX_ROWS rows per panel, the largest first, with the count of the rows left out
 * named in the panel title ("top 20 of 154; 134 more in the facts table").
 */

/** Rows drawn per panel at most. */
export const MAX_ROWS = 20;

export interface Bounded<T> {
  kept: T[];
  /** rows left out */
  more: number;
  total: number;
}

/**
 * The `n` rows with the highest score, in their input order; rows for which `always` holds are
 * kept first (and count towards n). One sort, so the cost grows as n log n in the rows.
 */
export function topRows<T>(rows: readonly T[], score: (r: T) => number, n = MAX_ROWS, always: (r: T) => boolean = () => false): Bounded<T> {
  if (rows.length <= n) return { kept: [...rows], more: 0, total: rows.length };
  const ranked = rows.map((r, i) => ({ r, i, must: always(r), s: score(r) }))
    .sort((a, b) => Number(b.must) - Number(a.must) || b.s - a.s || a.i - b.i)
    .slice(0, n)
    .sort((a, b) => a.i - b.i);
  return { kept: ranked.map((x) => x.r), more: rows.length - n, total: rows.length };
}

/** " (top 20 of 154 rounds)", or '' when nothing was left out; the caption says where the rest are. */
export function moreNote(b: Bounded<unknown>, what: string): string {
  return b.more ? ` (top ${b.kept.length} of ${b.total} ${what})` : '';
}
