/**
 * Events for the derived rules: rows that report one event (src/data/events.ts: one funding
 * round, one period's revenue, one count at one date) enter a formula once, through one
 * representative report, so a round reported by six rows gets one funding share, not six.
 *
 * The representative is the report that states the event most precisely: a usable number
 * before none, a single number before an order of magnitude or a vague amount (亿元级别, 数亿),
 * a point or range before a one-sided bound (超50亿); then the earliest dated report, then the
 * first in data order. The other
 * reports stay traceable: every derived row names them in its note (see `reportsNote`).
 *
 * The index is built once per fact array (one pass, cached) and gives the representatives of
 * each metric, and lookups by entity, so rules pair by key instead of scanning all facts for
 * every fact.
 */
import type { Fact } from '../../types';
import { eventOf } from '../../data/events';
import { groupBy, iv } from './select';
import { boundSide, noSingleNumber } from './statedNumber';

export interface EventIndex {
  /** one representative per event, in first-seen order of the events */
  representatives: Fact[];
  /** event key -> every report of it, in data order */
  reports: Map<string, Fact[]>;
  /** metric -> representatives of that metric */
  byMetric: Map<string, Fact[]>;
}

const cache = new WeakMap<readonly Fact[], EventIndex>();

/** 0 best: a usable single number; 1 a one-sided bound; 2 no single number; 3 no usable value. */
function precisionRank(f: Fact): number {
  if (!iv(f)) return 3;
  if (noSingleNumber(f)) return 2;
  if (boundSide(f)) return 1;
  return 0;
}

/** The date a report made the event known, for ordering ('' when undated). */
function knownBy(f: Fact): string {
  return f.as_of ?? '';
}

/**
 * The report of an event that states it most precisely; among equally precise ones the
 * earliest dated (an event is known from its first report), then the first in data order.
 */
export function representative(reports: readonly Fact[]): Fact {
  let best = reports[0];
  let bestRank = precisionRank(best);
  for (let i = 1; i < reports.length; i++) {
    const f = reports[i];
    const r = precisionRank(f);
    if (r < bestRank || (r === bestRank && knownBy(f) !== '' && (knownBy(best) === '' || knownBy(f) < knownBy(best)))) {
      best = f;
      bestRank = r;
    }
  }
  return best;
}

/** The event index of `facts`, built once per array. */
export function eventIndex(facts: readonly Fact[]): EventIndex {
  const hit = cache.get(facts);
  if (hit) return hit;
  const reports = groupBy(facts, eventOf);
  const representatives = [...reports.values()].map(representative);
  const index: EventIndex = { representatives, reports, byMetric: groupBy(representatives, (f) => f.metric) };
  cache.set(facts, index);
  return index;
}

/** Representatives of the events of the given metrics, in first-seen order. */
export function eventsOf(facts: readonly Fact[], ...metrics: string[]): Fact[] {
  const { byMetric } = eventIndex(facts);
  if (metrics.length === 1) return byMetric.get(metrics[0]) ?? [];
  const wanted = new Set(metrics);
  return eventIndex(facts).representatives.filter((f) => wanted.has(f.metric));
}

/** Every report of the event `f` represents (f itself when it is the only one). */
export function reportsOf(facts: readonly Fact[], f: Fact): Fact[] {
  return eventIndex(facts).reports.get(eventOf(f)) ?? [f];
}

/** Most other report ids a note lists before `+N more`. */
export const NOTE_REPORT_IDS = 3;

/**
 * `a is one of 7 reports of its event, also b, c, d (+3 more)` for each input that stands for
 * several reports, joined by `; `; null when each input is the only report of its event.
 */
export function reportsNote(facts: readonly Fact[], inputs: readonly Fact[]): string | null {
  const parts: string[] = [];
  for (const f of inputs) {
    const others = reportsOf(facts, f).filter((r) => r.id !== f.id).map((r) => r.id);
    if (!others.length) continue;
    const shown = others.slice(0, NOTE_REPORT_IDS).join(', ');
    const more = others.length > NOTE_REPORT_IDS ? ` (+${others.length - NOTE_REPORT_IDS} more)` : '';
    parts.push(`${f.id} is one of ${others.length + 1} reports of its event, also ${shown}${more}`);
  }
  return parts.length ? parts.join('; ') : null;
}
