/**
 * Conflict check over the whole fact base: the same entity + metric (+ benchmark, variant)
 * reported by several rows.
 * - flows (facts with a period): rows of the same period must agree (fail when their intervals
 *   are apart, warn when close); the same value under different periods is a warn (one of the
 *   periods is probably mislabelled).
 * - stocks (facts dated by as_of): rows must agree; when they do not and their dates differ by
 *   up to SERIES_GAP_DAYS it is a warn (the value may have moved), with the same date a fail;
 *   dates further apart are a series (pass).
 * Only rows of different sources are compared with each other.
 * - rows of one key in different units are a warn; money is compared after FX conversion.
 * Targets and forecasts are compared only with each other. Rows are read with their
 * qualifier tolerance (metrics/tolerance, `tolerant`). One finding per group of two or more.
 */
import type { Assumption, Fact } from '../types';
import * as I from '../metrics/interval';
import { factInterval } from '../metrics/tolerance';
import { describePeriod } from '../metrics/period';
import { fxRate } from '../units/currency';
import { isoDateStart } from '../units/date';
import { compareIntervals } from './compare';

/** Stock values dated further apart than this are a series, not a conflict. */
export const SERIES_GAP_DAYS = 183;
import { findingValue, uniq, type Finding, type FindingStatus } from './findings';

function groupKey(f: Fact): string {
  const goal = f.qualifier === 'target' || f.qualifier === 'forecast' ? 'goal' : 'actual';
  return [f.entity, f.metric, f.benchmark ?? '', f.variant ?? '', goal].join('|');
}

function isFlow(f: Fact): boolean {
  return !!(f.period_start || f.period_end);
}

interface Row { f: Fact; x: I.Interval }

function toCommon(rows: Fact[], assumptions: readonly Assumption[]): { rows: Row[]; fx: string[] } | null {
  const target = rows[0].currency;
  const fx: string[] = [];
  const out: Row[] = [];
  for (const f of rows) {
    let x: I.Interval;
    try { x = factInterval(f, 'tolerant'); } catch { continue; }
    if (f.unit === 'money' && target && f.currency && f.currency !== target) {
      try {
        const r = fxRate(f.currency, target, assumptions, f.as_of ?? f.period_end ?? undefined);
        fx.push(r.assumption);
        x = I.scale(x, r.rate);
      } catch {
        return null;
      }
    }
    out.push({ f, x });
  }
  return { rows: out, fx };
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

/**
 * The worst pair of rows from different sources: status and the two rows. Rows of one article
 * under one key are usually distinct sub-quantities (pre-trained vs instruction-tuned context);
 * a slip inside one article is left to the scale-mismatch rule.
 */
function worstPair(rows: Row[]): { status: Exclude<FindingStatus, 'unverifiable'>; a: Row; b: Row; gap: number } {
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

function keyLabel(f: Fact): string {
  return [f.entity, f.metric, f.benchmark, f.variant].filter(Boolean).join(' / ');
}

export function checkConflicts(facts: readonly Fact[], assumptions: readonly Assumption[]): Finding[] {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const k = groupKey(f);
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const out: Finding[] = [];
  for (const [key, all] of groups) {
    if (all.length < 2) continue;
    const label = keyLabel(all[0]);
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
      const byPeriod = new Map<string, Fact[]>();
      for (const f of flows) byPeriod.set(describePeriod(f), [...(byPeriod.get(describePeriod(f)) ?? []), f]);
      for (const [period, rows] of byPeriod) {
        if (rows.length < 2 || uniq(rows.map((f) => f.source)).length < 2) continue;
        const conv = toCommon(rows, assumptions);
        if (!conv || conv.rows.length < 2) continue;
        const w = worstPair(conv.rows);
        const msg = w.status === 'pass'
          ? `${label} for ${period}: ${conv.rows.map(show).join(', ')} agree.`
          : `${label} for ${period}: ${show(w.a)} and ${show(w.b)} read as ${I.formatInterval(w.a.x)} and ${I.formatInterval(w.b.x)} do not overlap (gap ${(w.gap * 100).toFixed(1)}%).`;
        out.push(finding(`${baseId}:${period}`, w.status, rows, conv.fx, msg, w.a, w.b));
      }
      // flows: the same value under different periods
      const periods = [...byPeriod.keys()];
      for (let i = 0; i < periods.length; i++) {
        for (let j = i + 1; j < periods.length; j++) {
          const a = byPeriod.get(periods[i])![0];
          const b = byPeriod.get(periods[j])![0];
          if (a.value === null || a.value !== b.value || a.currency !== b.currency) continue;
          const ra = { f: a, x: factInterval(a, 'tolerant') };
          const rb = { f: b, x: factInterval(b, 'tolerant') };
          out.push(finding(`${baseId}:same-value:${periods[i]}|${periods[j]}`, 'warn', [a, b], [],
            `${label}: ${a.id} and ${b.id} both state ${a.quantity} but for different periods (${periods[i]} vs ${periods[j]}); one period is probably mislabelled.`, ra, rb));
        }
      }
      // stocks
      const stocks = same.filter((f) => !isFlow(f));
      if (stocks.length >= 2 && uniq(stocks.map((f) => f.source)).length >= 2) {
        const conv = toCommon(stocks, assumptions);
        if (!conv || conv.rows.length < 2) continue;
        const w = worstPair(conv.rows);
        let status: FindingStatus = w.status;
        let msg: string;
        const dates = uniq(stocks.map((f) => f.as_of ?? 'undated'));
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
        out.push(finding(`${baseId}:${dates.join('|')}`, status, stocks, conv.fx, msg, w.a, w.b));
      }
    }
  }
  return out;
}
