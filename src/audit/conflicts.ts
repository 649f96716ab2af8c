/**
 * Conflict check over the whole fact base: the same entity + metric reported by several rows.
 * Rows are compared only when they measure the same thing: benchmarks also by `benchmark` and
 * `variant`, funding rounds also by `round` (an empty round, a round the article does not name,
 * is a key of its own, since it cannot be told which round it is). A valuation's `basis`
 * (post-money, private-estimate, reported) says how a company's value was arrived at, not which
 * value it is, so it is not part of the key: two bases disagreeing on one date is a finding.
 * - flows (facts with a period): rows of the same period must agree (fail when their intervals
 *   are apart, warn when close); the same value under different periods is a warn (one of the
 *   periods is probably mislabelled).
 * - stocks (facts dated by as_of): rows must agree; when they do not and their dates differ by
 *   up to SERIES_GAP_DAYS it is a warn (the value may have moved), with the same date a fail;
 *   dates further apart are a series (pass).
 * Rows that carry the same explicit event (the `event` column, `event_set`) are one group
 * whatever their entity or metric (targets and forecasts still apart): one count that one article
 * credits to a product and another to its maker is compared as one fact.
 * Only rows of different sources are compared with each other.
 * - rows of one key in different units are a warn; money is compared after FX conversion.
 * Targets and forecasts are compared only with each other. Rows are read with their
 * qualifier tolerance (metrics/tolerance, `tolerant`). One finding per group of two or more.
 * A row that would enter a comparison but has no interval, or money without an FX assumption
 * to the group's currency, is left out of it and named in an `unverifiable` finding.
 */
import type { Assumption, Fact } from '../types';
import { groupBy } from '../data/group';
import * as I from '../metrics/interval';
import { factInterval } from '../metrics/tolerance';
import { describePeriod } from '../metrics/period';
import { fxRateFor } from '../units/currency';
import { isoDateStart } from '../units/date';
import { compareIntervals } from './compare';
import { findingValue, uniq, type Finding, type FindingStatus } from './findings';

/** Stock values dated further apart than this are a series, not a conflict. */
export const SERIES_GAP_DAYS = 183;

/** Round of a funding_rounds row ('' when unnamed or another table). */
function roundOf(f: Fact): string {
  return f.table === 'funding_rounds' ? f.round ?? '' : '';
}

function groupKey(f: Fact): string {
  const goal = f.qualifier === 'target' || f.qualifier === 'forecast' ? 'goal' : 'actual';
  if (f.event_set && f.event) return `event|${f.event}|${goal}`;
  return [f.entity, f.metric, f.benchmark ?? '', f.variant ?? '', roundOf(f), goal].join('|');
}

function isFlow(f: Fact): boolean {
  return !!(f.period_start || f.period_end);
}

interface Row { f: Fact; x: I.Interval }

/** A row left out of a comparison and why. */
interface Unread { f: Fact; reason: string }

function tolerantInterval(f: Fact): { x: I.Interval } | { reason: string } {
  try {
    return { x: factInterval(f, 'tolerant') };
  } catch (e) {
    return { reason: `no interval: ${(e as Error).message}` };
  }
}

/**
 * Intervals of `rows` in one currency (the first row's): rows that cannot be read or converted
 * go to `unread` with the reason.
 */
function toCommon(rows: Fact[], assumptions: readonly Assumption[]): { rows: Row[]; fx: string[]; unread: Unread[] } {
  const target = rows[0].currency;
  const fx: string[] = [];
  const out: Row[] = [];
  const unread: Unread[] = [];
  for (const f of rows) {
    const read = tolerantInterval(f);
    if ('reason' in read) {
      unread.push({ f, reason: read.reason });
      continue;
    }
    let x = read.x;
    if (f.unit === 'money' && target && f.currency && f.currency !== target) {
      try {
        const r = fxRateFor(f, f.currency, target, assumptions);
        fx.push(r.assumption);
        x = I.scale(x, r.rate);
      } catch (e) {
        unread.push({ f, reason: `cannot convert ${f.currency} to ${target}: ${(e as Error).message}` });
        continue;
      }
    }
    out.push({ f, x });
  }
  return { rows: out, fx, unread };
}

/** Whether the rows can be compared: two or more of them, from two or more sources. */
function comparable(rows: readonly Row[]): boolean {
  return rows.length >= 2 && uniq(rows.map((r) => r.f.source)).length >= 2;
}

function show(r: Row): string {
  return `${r.f.id} ${r.f.quantity} (${describePeriod(r.f)})`;
}

function finding(id: string, status: FindingStatus, rows: Fact[], fx: string[], message: string, stated?: Row, computed?: Row): Finding {
  return {
    id, kind: 'conflict', rule: 'value-conflict', status,
    entities: uniq(rows.map((f) => f.entity)), sources: uniq(rows.map((f) => f.source)),
    inputs: [...rows.map((f) => f.id), ...uniq(fx)],
    stated: stated ? findingValue(stated.x, stated.f.unit, `${stated.f.quantity} (${stated.f.id})`) : null,
    computed: computed ? findingValue(computed.x, computed.f.unit, `${computed.f.quantity} (${computed.f.id})`) : null,
    message,
  };
}

/** Groups up to this size compare every pair; larger ones only their extremes (see `extremes`). */
export const ALL_PAIRS_UP_TO = 16;

/**
 * The rows a worst pair can come from, in data order: for each end of the readings (lowest and
 * highest low, lowest and highest high) the two most extreme rows of different sources. The
 * pair furthest apart has one row with the lowest high and one with the highest low, so a large
 * group (the same figure reported by hundreds of rows) is compared in one pass, not pairwise.
 */
function extremes(rows: readonly Row[]): Row[] {
  const picked = new Set<Row>();
  const ends: Array<(r: Row) => number> = [(r) => r.x.lo, (r) => -r.x.lo, (r) => r.x.hi, (r) => -r.x.hi];
  for (const end of ends) {
    let first: Row | null = null;
    let second: Row | null = null;
    for (const r of rows) {
      if (!first || end(r) < end(first)) {
        if (first && first.f.source !== r.f.source) second = first;
        first = r;
      } else if (r.f.source !== first.f.source && (!second || end(r) < end(second))) {
        second = r;
      }
    }
    if (first) picked.add(first);
    if (second) picked.add(second);
  }
  return rows.filter((r) => picked.has(r));
}

/**
 * The worst pair of rows from different sources: status and the two rows. Rows of one article
 * under one key are usually distinct sub-quantities (pre-trained vs instruction-tuned context);
 * a slip inside one article is left to the scale-mismatch rule.
 */
function worstPair(all: Row[]): { status: Exclude<FindingStatus, 'unverifiable'>; a: Row; b: Row; gap: number } {
  const rows = all.length <= ALL_PAIRS_UP_TO ? all : extremes(all);
  let worst = { status: 'pass' as Exclude<FindingStatus, 'unverifiable'>, a: rows[0], b: rows[1], gap: 0 };
  const rank = { pass: 0, warn: 1, fail: 2 };
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      if (rows[i].f.source === rows[j].f.source) continue;
      const c = compareIntervals(rows[j].x, rows[i].x);
      if (rank[c.status] > rank[worst.status] || (c.status === worst.status && c.relativeGap > worst.gap)) {
        worst = { status: c.status, a: rows[i], b: rows[j], gap: c.relativeGap };
      }
    }
  }
  return worst;
}

function keyLabel(f: Fact, group: readonly Fact[] = [f]): string {
  if (f.event_set && f.event) {
    const what = uniq(group.map((g) => `${g.entity} / ${g.metric}`)).join(', ');
    return `event ${f.event} (${what})`;
  }
  const round = roundOf(f);
  return [f.entity, f.metric, f.benchmark, f.variant, round ? `round ${round}` : ''].filter(Boolean).join(' / ');
}

/**
 * The unverifiable finding for rows left out of a comparison of `what` (a key label with its
 * period or dates); `kept` rows are still compared when there are enough of them.
 */
function unverifiable(id: string, what: string, unread: readonly Unread[], kept: readonly Row[]): Finding {
  const named = unread.map((u) => `${u.f.id} ${u.f.quantity} (${u.reason})`).join('; ');
  const rest = comparable(kept)
    ? `the other ${kept.length} rows are compared without ${unread.length === 1 ? 'it' : 'them'}`
    : 'too few rows of different sources remain to compare';
  return finding(id, 'unverifiable', unread.map((u) => u.f), [],
    `${what}: left out of the comparison: ${named}; ${rest}.`);
}

export function checkConflicts(facts: readonly Fact[], assumptions: readonly Assumption[]): Finding[] {
  const groups = groupBy(facts, groupKey);
  const out: Finding[] = [];
  for (const [key, all] of groups) {
    if (all.length < 2) continue;
    const label = keyLabel(all[0], all);
    const baseId = `conflict:${key.split('|').filter((p) => p && p !== 'actual').join(':')}`;
    const units = uniq(all.map((f) => (f.unit === 'money' ? 'money' : f.unit)));
    if (units.length > 1) {
      out.push(finding(`${baseId}:units`, 'warn', all, [],
        `${label} is given in different units (${all.map((f) => `${f.id} ${f.quantity} [${f.unit}]`).join('; ')}); check whether these are the same quantity.`));
    }
    for (const unit of units) {
      const same = all.filter((f) => (f.unit === 'money' ? 'money' : f.unit) === unit);
      // flows: by exact period
      const flows = same.filter(isFlow);
      const byPeriod = groupBy(flows, describePeriod);
      for (const [period, rows] of byPeriod) {
        if (rows.length < 2 || uniq(rows.map((f) => f.source)).length < 2) continue;
        const conv = toCommon(rows, assumptions);
        if (conv.unread.length > 0) {
          out.push(unverifiable(`${baseId}:${period}:unverifiable`, `${label} for ${period}`, conv.unread, conv.rows));
        }
        if (!comparable(conv.rows)) continue;
        const w = worstPair(conv.rows);
        const msg = w.status === 'pass'
          ? `${label} for ${period}: ${conv.rows.map(show).join(', ')} agree.`
          : `${label} for ${period}: ${show(w.a)} and ${show(w.b)} read as ${I.formatInterval(w.a.x)} and ${I.formatInterval(w.b.x)} do not overlap (gap ${(w.gap * 100).toFixed(1)}%).`;
        out.push(finding(`${baseId}:${period}`, w.status, conv.rows.map((r) => r.f), conv.fx, msg, w.a, w.b));
      }
      // flows: the same value under different periods
      const periods = [...byPeriod.keys()];
      for (let i = 0; i < periods.length; i++) {
        for (let j = i + 1; j < periods.length; j++) {
          const a = byPeriod.get(periods[i])![0];
          const b = byPeriod.get(periods[j])![0];
          if (a.value === null || a.value !== b.value || a.currency !== b.currency) continue;
          const xa = tolerantInterval(a);
          const xb = tolerantInterval(b);
          const ra = 'x' in xa ? { f: a, x: xa.x } : undefined;
          const rb = 'x' in xb ? { f: b, x: xb.x } : undefined;
          out.push(finding(`${baseId}:same-value:${periods[i]}|${periods[j]}`, 'warn', [a, b], [],
            `${label}: ${a.id} and ${b.id} both state ${a.quantity} but for different periods (${periods[i]} vs ${periods[j]}); one period is probably mislabelled.`, ra, rb));
        }
      }
      // stocks
      const stocks = same.filter((f) => !isFlow(f));
      if (stocks.length >= 2 && uniq(stocks.map((f) => f.source)).length >= 2) {
        const conv = toCommon(stocks, assumptions);
        const dates = uniq(stocks.map((f) => f.as_of ?? 'undated'));
        if (conv.unread.length > 0) {
          out.push(unverifiable(`${baseId}:${dates.join('|')}:unverifiable`, label, conv.unread, conv.rows));
        }
        if (!comparable(conv.rows)) continue;
        const w = worstPair(conv.rows);
        let status: FindingStatus = w.status;
        let msg: string;
        if (w.status === 'pass') {
          msg = `${label}: ${conv.rows.map(show).join(', ')} agree.`;
        } else {
          const moved = (w.a.f.as_of ?? '') !== (w.b.f.as_of ?? '');
          const ta = w.a.f.as_of ? isoDateStart(w.a.f.as_of) : null;
          const tb = w.b.f.as_of ? isoDateStart(w.b.f.as_of) : null;
          const series = ta !== null && tb !== null && Math.abs(ta - tb) > SERIES_GAP_DAYS * 86_400_000;
          const ratio = I.mid(w.b.x) / I.mid(w.a.x);
          const factor = Number.isFinite(ratio) && ratio > 0 ? `, a factor of ${Number((ratio >= 1 ? ratio : 1 / ratio).toPrecision(3))}` : '';
          if (moved) status = series ? 'pass' : 'warn';
          msg = `${label}: ${show(w.a)} read as ${I.formatInterval(w.a.x)} and ${show(w.b)} read as ${I.formatInterval(w.b.x)} do not overlap${factor}`
            + (series ? `; the dates are over ${SERIES_GAP_DAYS} days apart, read as a series.`
              : moved ? `; the dates differ (${w.a.f.as_of ?? 'undated'} vs ${w.b.f.as_of ?? 'undated'}), so check whether the value moved or one figure is wrong.` : ' for the same date.');
        }
        out.push(finding(`${baseId}:${dates.join('|')}`, status, conv.rows.map((r) => r.f), conv.fx, msg, w.a, w.b));
      }
    }
  }
  return out;
}
