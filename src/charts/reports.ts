/**
 * Several reports of one number (the same round or the same period's loss, printed by several
 * articles or twice by one) drawn as one mark: the hull of what they state, with every report
 * kept for the tooltip.
 */
import { groupBy } from '../metrics/rules/select';
import type { Fact } from '../types';
import { sourceOf, type ChartContext } from './context';
import { latinQuantity } from './quantityText';
import { boundText, roundSig, statedBounds, type BoundKind } from './spec';

export interface Hull {
  lo: number | null;
  hi: number | null;
  bound: BoundKind;
}

/**
 * Smallest interval holding every report's stated bounds (null on a side some report leaves
 * open): 50亿 and 超50亿 -> [50亿, open). Reports open on opposite sides (one "over", one
 * "nearly") leave only their stated numbers: the interval between them.
 */
export function hull(bounds: { low: number | null; high: number | null }[]): Hull {
  const lows = bounds.map((b) => b.low);
  const highs = bounds.map((b) => b.high);
  const lo = lows.includes(null) ? null : Math.min(...(lows as number[]));
  const hi = highs.includes(null) ? null : Math.max(...(highs as number[]));
  if (lo !== null && hi !== null) return { lo, hi, bound: lo === hi ? 'exact' : 'interval' };
  if (lo !== null) return { lo, hi, bound: 'open above' };
  if (hi !== null) return { lo, hi, bound: 'open below' };
  const finite = bounds.flatMap((b) => [b.low, b.high]).filter((x): x is number => x !== null);
  const a = Math.min(...finite);
  const b = Math.max(...finite);
  return { lo: a, hi: b, bound: a === b ? 'exact' : 'interval' };
}

/** Stated bounds of each fact times its factor (scale, currency), 12 significant digits. */
export function scaledBounds(facts: Fact[], factor: (f: Fact) => number): { low: number | null; high: number | null }[] {
  return facts.map((f) => {
    const b = statedBounds(f);
    const k = factor(f);
    return { low: b.low === null ? null : roundSig(b.low * k), high: b.high === null ? null : roundSig(b.high * k) };
  });
}

/** The hull as text: "5", "at least 5", "up to 4", "1.4 to 6.3". */
export function hullText(h: Hull): string {
  if (h.bound === 'exact') return boundText(h.lo);
  if (h.bound === 'open above') return `at least ${boundText(h.lo)}`;
  if (h.bound === 'open below') return `up to ${boundText(h.hi)}`;
  return `${boundText(h.lo)} to ${boundText(h.hi)}`;
}

/** Where a mark of the hull sits: the number, the stated bound of a one-sided hull, null for a range. */
export function hullPoint(h: Hull): number | null {
  return h.bound === 'exact' || h.bound === 'open above' ? h.lo : h.bound === 'open below' ? h.hi : null;
}

/**
 * Distinct statements of the reports in Latin, with their counts when there are several
 * reports: "5bn CNY (3 reports) / over 5bn CNY (3 reports)".
 */
export function statedText(facts: Fact[]): string {
  const counts = new Map<string, number>();
  for (const f of facts) {
    const t = `${latinQuantity(f)}${f.currency ? ` ${f.currency}` : ''}`;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const many = facts.length > 1;
  return [...counts.entries()].map(([t, n]) => (many ? `${t} (${n} ${n === 1 ? 'report' : 'reports'})` : t)).join(' / ');
}

/**
 * Tooltip fields of a group of reports, under the names factTooltip reads: every report as
 * written with its source, the distinct qualifiers and sources, every evidence phrase and fact id.
 */
export function reportFields(ctx: Pick<ChartContext, 'sources'>, facts: Fact[]) {
  const sources = [...new Set(facts.map((f) => f.source))].sort();
  return {
    reports: facts.length,
    quantity: facts.map((f) => `${f.source}: ${f.quantity}`).join('; '),
    qualifier: [...new Set(facts.map((f) => f.qualifier))].join(', '),
    source: sources.map((id) => `${sourceOf(ctx, id).outlet} (${id})`).join('; '),
    evidence: facts.map((f) => f.evidence).join(' | '),
    fact_id: facts.map((f) => f.id).join(', '),
  };
}

/** Groups facts by key, in order of first appearance. */
export function groupFacts(facts: Fact[], key: (f: Fact) => string): Fact[][] {
  return [...groupBy(facts, key).values()];
}
