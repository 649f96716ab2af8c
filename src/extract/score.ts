/**
 * Scores candidates against hand-keyed facts of the same article (the development set).
 * A candidate matches a fact when it has the same entity, the same metric family
 * (src/extract/metrics `metricFamily`), the same unit, a value within the precision written
 * (tolerant intervals of metrics/tolerance overlap: 1.9亿 and 1.909亿 agree) and the same period
 * (flows: the same period end month; stocks: as-of dates that agree to the coarser of the two,
 * or either taken as the publication date). Each fact and each candidate is matched at most once.
 */
import type { Fact } from '../types';
import { quantityInterval } from '../metrics/tolerance';
import type { Candidate } from './extract';
import { metricFamily } from './metrics';

export interface ArticleScore {
  source: string;
  facts: number;
  candidates: number;
  matched: number;
  /** facts no candidate matches */
  missed: Fact[];
  /** matched fact id → candidate id */
  pairs: Array<[string, string]>;
}

function intervalOf(x: { quantity: string; value: number | null; low: number | null; high: number | null; qualifier: Fact['qualifier'] }) {
  try {
    return quantityInterval({ quantity: x.quantity, value: x.value, low: x.low, high: x.high, qualifier: x.qualifier }, 'tolerant');
  } catch {
    return null;
  }
}

/** Whether two values agree within the precision written (tolerant intervals overlap, or equal values). */
export function valuesAgree(a: Parameters<typeof intervalOf>[0], b: Parameters<typeof intervalOf>[0]): boolean {
  if (a.value !== null && b.value !== null && Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value))) return true;
  const ia = intervalOf(a);
  const ib = intervalOf(b);
  if (!ia || !ib) return false;
  return ia.lo <= ib.hi && ib.lo <= ia.hi;
}

function periodKey(x: { as_of: string | null; period_start: string | null; period_end: string | null }): string | null {
  return x.period_end ? x.period_end.slice(0, 7) : null;
}

function datesAgree(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

export function periodsAgree(c: Candidate, f: Fact, published: string): boolean {
  const pc = periodKey(c);
  const pf = periodKey(f);
  if (pc !== null && pf !== null) return pc === pf;
  const dc = c.as_of ?? c.period_end;
  const df = f.as_of ?? f.period_end;
  if (dc === null || df === null) return false;
  if (datesAgree(dc, df)) return true;
  // a fact dated at the publication (as of publication) and a candidate given a period of that year
  return datesAgree(dc, published) && datesAgree(df, published);
}

export function matches(c: Candidate, f: Fact, published: string): boolean {
  if (c.entity !== f.entity) return false;
  if (metricFamily(c.metric) !== metricFamily(f.metric) && !isGenericMetric(c.metric)) return false;
  if (c.unit !== f.unit && !(c.unit === 'count' || f.unit === 'count')) return false;
  if (!valuesAgree(c, f)) return false;
  return periodsAgree(c, f, published);
}

/** Metrics the extractor gives when no cue word names the figure: they match any metric of the same unit. */
const GENERIC = new Set(['companies', 'amount', 'percentage', 'multiple', 'count', 'token_count', 'duration', 'hours', 'characters', 'memory', 'requests', 'users', 'visits', 'devices', 'vehicles', 'rank', 'price', 'growth', 'models_released']);
function isGenericMetric(m: string): boolean {
  return GENERIC.has(m);
}

/**
 * One-to-one matching in three passes: first pairs whose evidence phrases overlap (the same place in
 * the article), then pairs with the same value, then the remaining facts with any matching
 * candidate, in article order.
 */
export function scoreArticle(source: string, candidates: readonly Candidate[], facts: readonly Fact[], published: string): ArticleScore {
  const used = new Set<Candidate>();
  const pairOf = new Map<Fact, Candidate>();
  const sameValue = (c: Candidate, f: Fact) => f.value !== null && Math.abs(c.value - f.value) <= 1e-9 * Math.max(1, Math.abs(f.value));
  for (const pass of ['evidence', 'value', 'any'] as const) {
    for (const f of facts) {
      if (pairOf.has(f)) continue;
      const evidence = f.evidence.replace(/\s+/g, '');
      const c = candidates.find((x) => !used.has(x)
        && (pass !== 'evidence' || overlaps(x.evidence, evidence)) && (pass !== 'value' || sameValue(x, f))
        && matches(x, f, published));
      if (c) { used.add(c); pairOf.set(f, c); }
    }
  }
  const missed = facts.filter((f) => !pairOf.has(f));
  const pairs = facts.filter((f) => pairOf.has(f)).map((f) => [f.id, pairOf.get(f)!.id] as [string, string]);
  return { source, facts: facts.length, candidates: candidates.length, matched: pairs.length, missed, pairs };
}

function overlaps(a: string, b: string): boolean {
  const x = a.replace(/\s+/g, '');
  if (x.includes(b) || b.includes(x)) return true;
  // phrases cut differently around the same number: a common run of 6 characters holding a digit
  for (let i = 0; i + 6 <= b.length; i++) {
    const run = b.slice(i, i + 6);
    if (/\d/.test(run) && x.includes(run)) return true;
  }
  return false;
}
