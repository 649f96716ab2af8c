/**
 * The comparables table: one row per company with the latest valuation or market cap, a yearly
 * revenue and the P/S they imply, every amount in one currency.
 *
 * - Valuation: the entity's latest `valuation` or `market_cap` fact (by date; a market cap
 *   wins a tie). Its basis is `market cap` (listed) or the valuations table's `basis`
 *   (`post-money`, `private-estimate`, `reported`).
 * - Revenue: the latest revenue fact; a period shorter than a year is annualized by linear
 *   run-rate (x 12 / months, named in `revenue_basis`); without a revenue fact, an analyst
 *   estimate from assumptions.csv (`<entity>-revenue-<year>-<cur>-estimate`), labelled so.
 * - P/S over the intervals: low = valuation low / revenue high, high = valuation high / revenue
 *   low; the point is the stated valuation over the stated revenue. `ps_stated` is a P/S the
 *   articles print for the entity.
 * - Listed market caps and private valuations are different bases: `multiple_basis` names the
 *   basis of each multiple and `note` says when the table mixes them.
 * Money is converted with the FX assumption dated closest to each fact (units/currency).
 */
import type { Assumption, Currency, Entity, Fact } from '../types';
import { groupBy } from '../data/group';
import { convertInterval as convertDirect, type Converted } from '../metrics/currency';
import { div, interval, scale, type Interval } from '../metrics/interval';
import { periodMonths } from '../metrics/period';
import { shortPeriod } from '../metrics/derived';
import { revenueEstimates } from '../metrics/rules/analyst';
import { fxDate } from '../units/currency';
import { columnScale, formatInterval, formatNumber, type FormatOptions, type ScaleName } from '../units/format';

export interface CompsOptions {
  /** currency of every amount (default USD) */
  currency?: Currency;
  /** entity ids to keep (default: every company with a valuation or market cap) */
  entities?: string[];
}

export interface CompsRow {
  entity: string;
  name: string;
  listed: boolean;
  valuation_date: string | null;
  /** `market cap`, `post-money`, `private-estimate` or `reported` */
  valuation_basis: string;
  /** the valuation as written */
  valuation_quantity: string;
  valuation_low: number | null;
  valuation: number | null;
  valuation_high: number | null;
  revenue_period: string | null;
  /** `reported`, `annualized 2025 9M x 12/9`, `estimate (article)` or `analyst estimate (<id>)` */
  revenue_basis: string | null;
  revenue_low: number | null;
  revenue: number | null;
  revenue_high: number | null;
  ps_low: number | null;
  ps: number | null;
  ps_high: number | null;
  /** a P/S the articles state for the entity, as written */
  ps_stated: string | null;
  /** `market cap / revenue` or `post-money / revenue`, ... */
  multiple_basis: string | null;
  currency: Currency;
  /** source ids of the facts used */
  sources: string[];
  inputs: string[];
  assumptions: string[];
  note: string | null;
}

export interface CompsInput {
  facts: readonly Fact[];
  entities: readonly Entity[];
  assumptions: readonly Assumption[];
}

const dateOf = (f: Fact) => f.as_of ?? f.period_end ?? '';

/**
 * `x` from one currency into another: directly when a rate for the pair exists, else through
 * USD (both legs' assumptions are then named, joined with `+`).
 */
function convertInterval(x: Interval, from: Currency, to: Currency, assumptions: readonly Assumption[], asOf: string | null): Converted {
  try {
    return convertDirect(x, from, to, assumptions, asOf);
  } catch (e) {
    if (from === 'USD' || to === 'USD') throw e;
    const a = convertDirect(x, from, 'USD', assumptions, asOf);
    const b = convertDirect(a.value, 'USD', to, assumptions, asOf);
    return { value: b.value, rate: a.rate * b.rate, assumption: [a.assumption, b.assumption].filter(Boolean).join('+') };
  }
}

function latest(facts: readonly Fact[], prefer?: (f: Fact) => boolean): Fact | null {
  const sorted = [...facts].sort((a, b) => dateOf(a).localeCompare(dateOf(b))
    || Number(prefer?.(a) ?? 0) - Number(prefer?.(b) ?? 0) || a.id.localeCompare(b.id));
  return sorted.pop() ?? null;
}

function bounds(f: Fact): Interval | null {
  if (f.low === null && f.high === null) return f.value === null ? null : interval(f.value, f.value);
  return interval(f.low, f.high);
}

const fin = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(12)) : null);

/** The comparables table (see the module comment). */
export function buildComps(input: CompsInput, opts: CompsOptions = {}): CompsRow[] {
  const to = opts.currency ?? 'USD';
  const companies = input.entities.filter((e) => e.kind === 'company' && (!opts.entities || opts.entities.includes(e.id)));
  const estimates = revenueEstimates(input.assumptions);
  const byEntity = groupBy(input.facts, (f) => f.entity);
  const byId = new Map(input.facts.map((f) => [f.id, f]));
  const rows: CompsRow[] = [];
  for (const e of companies) {
    const own = byEntity.get(e.id) ?? [];
    // a completed valuation before an expected one (a pending round's 'forecast' valuation)
    const values = own.filter((f) => (f.metric === 'valuation' || f.metric === 'market_cap') && f.currency !== null);
    const expected = (f: Fact) => f.qualifier === 'forecast' || f.qualifier === 'target';
    const v = latest(values.filter((f) => !expected(f)), (f) => f.metric === 'market_cap') ?? latest(values, (f) => f.metric === 'market_cap');
    if (!v) continue;
    const vx = bounds(v);
    if (!vx) continue;
    const used: string[] = [];
    const cv = convertInterval(vx, v.currency!, to, input.assumptions, fxDate(v));
    if (cv.assumption) used.push(...cv.assumption.split('+'));
    const listed = v.metric === 'market_cap' || v.basis === 'market-cap';
    const basis = `${listed ? 'market cap' : (v.basis ?? 'reported')}${expected(v) ? ` (expected: ${v.qualifier}, not completed)` : ''}`;
    const vPoint = v.value === null ? null : v.value * cv.rate;

    let revenue: { x: Interval; point: number | null; period: string | null; basis: string; id: string | null } | null = null;
    // P/S in the valuation's currency: the revenue converted at its own date, like the derived multiples
    let ps: Interval | null = null;
    let psPoint: number | null = null;
    const candidates = own.filter((f) => f.metric === 'revenue' && f.currency !== null && f.value !== null && (periodMonths(f) ?? 13) <= 12 && f.value > 0);
    // the latest period; among its reports, one stating a single number, then the narrowest
    const r = latest(candidates, (f) => f.low !== null && f.high !== null && f.low === f.high);
    if (r) {
      const months = periodMonths(r)!;
      const k = 12 / months;
      const rx = scale(bounds(r)!, k);
      const cr = convertInterval(rx, r.currency!, to, input.assumptions, fxDate(r));
      if (cr.assumption) used.push(...cr.assumption.split('+'));
      const how = months === 12 ? (r.qualifier === 'estimate' ? 'estimate (article)' : 'reported') : `annualized ${shortPeriod(r)} x 12/${months}`;
      revenue = { x: cr.value, point: r.value! * k * cr.rate, period: shortPeriod(r), basis: how, id: r.id };
      const vr = convertInterval(vx, v.currency!, r.currency!, input.assumptions, fxDate(v));
      if (vr.assumption) used.push(...vr.assumption.split('+'));
      ps = div(vr.value, rx);
      psPoint = v.value === null ? null : (v.value * vr.rate) / (r.value! * k);
    } else {
      const est = estimates.find((x) => x.entity === e.id);
      if (est) {
        const a = est.assumption;
        const cr = convertInterval(interval(a.value, a.value), est.currency, to, input.assumptions, a.as_of);
        used.push(a.id, ...(cr.assumption ? cr.assumption.split('+') : []));
        revenue = { x: cr.value, point: a.value * cr.rate, period: est.year, basis: `analyst estimate (${a.id})`, id: null };
        const vr = convertInterval(vx, v.currency!, est.currency, input.assumptions, fxDate(v));
        if (vr.assumption) used.push(...vr.assumption.split('+'));
        ps = div(vr.value, interval(a.value, a.value));
        psPoint = v.value === null ? null : (v.value * vr.rate) / a.value;
      }
    }
    const stated = latest(own.filter((f) => f.metric === 'ps_ratio'));
    const inputs = [v.id, ...(revenue?.id ? [revenue.id] : [])];
    rows.push({
      entity: e.id, name: e.name_en, listed,
      valuation_date: v.as_of, valuation_basis: basis, valuation_quantity: v.quantity,
      valuation_low: fin(cv.value.lo), valuation: vPoint === null ? null : fin(vPoint), valuation_high: fin(cv.value.hi),
      revenue_period: revenue?.period ?? null, revenue_basis: revenue?.basis ?? null,
      revenue_low: revenue ? fin(revenue.x.lo) : null, revenue: revenue?.point == null ? null : fin(revenue.point), revenue_high: revenue ? fin(revenue.x.hi) : null,
      ps_low: ps ? fin(ps.lo) : null,
      ps: psPoint === null ? null : fin(psPoint),
      ps_high: ps ? fin(ps.hi) : null,
      ps_stated: stated ? stated.quantity : null,
      multiple_basis: revenue ? `${basis} / ${revenue.basis.startsWith('analyst') ? 'estimated revenue' : 'revenue'}` : null,
      currency: to,
      sources: [...new Set(inputs.map((id) => byId.get(id)!.source))].sort(),
      inputs,
      assumptions: [...new Set(used)],
      note: null,
    });
  }
  // listed market caps and private valuations side by side: say so on every row
  const kinds = new Set(rows.filter((r) => r.ps !== null || r.ps_low !== null).map((r) => r.listed));
  if (kinds.size > 1) {
    for (const r of rows.filter((x) => x.ps !== null || x.ps_low !== null)) {
      r.note = r.listed
        ? 'listed: market cap basis; private rows use post-money or reported valuations, so the multiples mix bases'
        : 'private: valuation basis; listed rows use market caps, so the multiples mix bases';
    }
  }
  return rows.sort((a, b) => Number(b.listed) - Number(a.listed) || a.name.localeCompare(b.name));
}

/** Display columns of the comps table (see formatComps). */
export const COMPS_COLUMNS = [
  'company', 'valuation basis', 'as of', 'valuation', 'revenue period', 'revenue basis', 'revenue', 'P/S', 'P/S stated', 'multiple basis', 'sources',
] as const;

/**
 * The comps table for people: one scale per money column (`USD 0.07bn` next to `USD 42.9bn`,
 * never m next to bn), intervals `USD 28.6–42.9bn`, open bounds `≥ USD 10.0bn`, P/S as
 * `20–30x (25.0x)`.
 */
export function formatComps(rows: readonly CompsRow[], opts: FormatOptions = {}): Array<Record<(typeof COMPS_COLUMNS)[number], string>> {
  const cur = rows[0]?.currency ?? 'USD';
  const vScale = columnScale(rows.flatMap((r) => [r.valuation_low, r.valuation, r.valuation_high]), 'money', opts);
  const rScale = columnScale(rows.flatMap((r) => [r.revenue_low, r.revenue, r.revenue_high]), 'money', opts);
  const range = (low: number | null, value: number | null, high: number | null, unit: string, s: ScaleName) => {
    const text = formatInterval({ low, high, value }, unit, unit === 'money' ? cur : null, { ...opts, scale: s });
    const twoSided = low !== null && high !== null && low !== high;
    return twoSided && value !== null ? `${text} (${formatNumber(value, unit, unit === 'money' ? cur : null, { ...opts, scale: s })})` : text;
  };
  return rows.map((r) => ({
    company: r.name,
    'valuation basis': r.valuation_basis,
    'as of': r.valuation_date ?? '—',
    valuation: range(r.valuation_low, r.valuation, r.valuation_high, 'money', vScale),
    'revenue period': r.revenue_period ?? '—',
    'revenue basis': r.revenue_basis ?? '—',
    revenue: r.revenue_basis ? range(r.revenue_low, r.revenue, r.revenue_high, 'money', rScale) : '—',
    'P/S': r.ps_low !== null || r.ps_high !== null ? range(r.ps_low, r.ps, r.ps_high, 'multiple', '') : '—',
    'P/S stated': r.ps_stated ?? '—',
    'multiple basis': r.multiple_basis ?? '—',
    sources: r.sources.join(', '),
  }));
}
