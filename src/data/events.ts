/**
 * Event keys. Rows that report the same event (one funding round, one period's revenue, one
 * count at one date, one benchmark score of a model) share a key, so metrics and charts can
 * count the event once and list its reports.
 *
 * The key is `entity|metric|what|when|goal`:
 * - what: the benchmark and variant of a score, the round of a funding row;
 * - when: nothing for a named funding round (a round happens once) and for a model's spec;
 *   the period (`start..end`) of a flow; the month of `as_of` of a stock (figures dated within one
 *   month are one report of one state);
 * - goal: `goal` for targets and forecasts, which never share an event with what happened.
 *
 * A fact table's optional `event` column overrides the key: rows that carry the same value there
 * are one event whatever their entity, metric or date (one count attributed to a product in one
 * article and to its maker in another). See data/README.md.
 */
import type { Fact } from '../types';
import { groupBy } from './group';

/** Allowed `event` column values: lowercase kebab-case words, dots and colons inside. */
export const EVENT_RE = /^[a-z0-9]+(?:[.:-][a-z0-9]+)*$/;

type EventFields = Pick<Fact,
  'table' | 'entity' | 'metric' | 'qualifier' | 'as_of' | 'period_start' | 'period_end' | 'benchmark' | 'variant' | 'round'>;

/** The key derived from a fact's fields (ignores any `event` column). */
export function derivedEventKey(f: EventFields): string {
  const goal = f.qualifier === 'target' || f.qualifier === 'forecast' ? 'goal' : '';
  let what = '';
  let when: string;
  if (f.table === 'benchmarks') what = [f.benchmark ?? '', f.variant ?? ''].join('/');
  if (f.table === 'funding_rounds' && f.round) {
    what = f.round;
    when = '';
  } else if (f.period_start || f.period_end) {
    when = `${f.period_start ?? ''}..${f.period_end ?? ''}`;
  } else if (f.table === 'model_specs' || f.table === 'benchmarks') {
    when = '';
  } else {
    when = (f.as_of ?? '').slice(0, 7);
  }
  return [f.entity, f.metric, what, when, goal].join('|');
}

/** The event a fact reports: its `event` column when set, else the derived key. */
export function eventOf(f: EventFields & Pick<Fact, 'event'>): string {
  return f.event ?? derivedEventKey(f);
}

/** Facts grouped by event, in first-seen order; one pass over the facts. */
export function groupByEvent<F extends EventFields & Pick<Fact, 'event'>>(facts: readonly F[]): Map<string, F[]> {
  return groupBy(facts, eventOf);
}
