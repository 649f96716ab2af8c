/**
 * The derived table: metrics computed by rules over the whole fact base (every company with a
 * valuation and a revenue of matching dates gets a P/S, every model with total and active
 * parameters an active share, ...). Each row names its formula, its input fact ids and the
 * assumption ids it used. See ./rules for the rules.
 *
 * A row's `value` is the formula on the numbers the inputs state (超4200万 enters as 4200万,
 * 200-300亿 as 250亿); `low` / `high` bound it over the intervals the inputs' wording admits.
 * When an input states no single number (亿元级别, 千亿 as a size class, 数亿) or a one-sided
 * input enters where the result falls as it rises (超4200万 as a divisor), the value is null,
 * the interval stays, and the note says why (`no point value: ...`, see ./rules/select).
 * A pairing whose formula is undefined (a revenue of 0 as divisor) is still a row: value, low
 * and high are null and the note gives the reason. Every currency conversion a row uses is
 * also a `converted_value` row of its own.
 */
import { createHash } from 'node:crypto';
import type { Assumption, Currency, Entity, Fact } from '../types';
import { intervalJson, type Interval } from './interval';
import { rowsToFrame } from '../data/frames';
import type { Conversion } from './rules/select';
import { valuationRules } from './rules/valuation';
import { financeRules } from './rules/finance';
import { deploymentRules } from './rules/deployment';
import { modelRules } from './rules/models';
import { marketRules } from './rules/market';
import { reportsNote } from './rules/events';
import { analystRules } from './rules/analyst';

export interface Derived {
  /** short, stable id: `<metric>-<entity>-<6 hex digits of the inputs and detail>` */
  id: string;
  /** for people: `Zhipu · market cap / annualized revenue · 2025 H1` (always set by computeDerived) */
  label?: string;
  metric: string;
  entity: string;
  /** the formula on the inputs' stated values; null when undefined (see `note`) */
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string;
  currency: Currency | null;
  /** human-readable formula, e.g. "valuation / revenue" */
  formula: string;
  /** input fact ids */
  inputs: string[];
  /** assumption ids used (FX rates) */
  assumptions: string[];
  /** how a choice was made (annualizing, horizon, ...) */
  method: string | null;
  note: string | null;
}

export interface DerivedDraft {
  metric: string;
  entity: string;
  detail: string;
  /** bounds over the inputs' intervals; null when the formula is undefined on them */
  interval: Interval | null;
  /** the formula on the inputs' stated values */
  value: number | null;
  /** why the interval or the value is missing */
  problem?: string | null;
  unit: string;
  currency?: Currency | null;
  formula: string;
  inputs: string[];
  assumptions?: string[];
  method?: string | null;
  note?: string | null;
  /** currency conversions of inputs (published as `converted_value` rows) */
  conversions?: Conversion[];
}

export interface RuleContext {
  facts: readonly Fact[];
  assumptions: readonly Assumption[];
}

export type DerivedRule = (ctx: RuleContext) => DerivedDraft[];

export const DERIVED_RULES: readonly DerivedRule[] = [
  ...valuationRules, ...financeRules, ...deploymentRules, ...modelRules, ...marketRules, ...analystRules,
];

/**
 * One `converted_value` row per distinct conversion (fact, target currency, FX assumption)
 * that the drafts used, in the order first used.
 */
export function conversionDrafts(drafts: readonly DerivedDraft[]): DerivedDraft[] {
  const seen = new Set<string>();
  const out: DerivedDraft[] = [];
  for (const c of drafts.flatMap((d) => d.conversions ?? [])) {
    const key = `${c.fact.id}|${c.to}|${c.assumption}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      metric: 'converted_value', entity: c.fact.entity, detail: `${c.fact.id}-${c.to}-${c.assumption}`,
      interval: c.converted.interval, value: c.converted.value, unit: c.fact.unit, currency: c.to,
      problem: c.converted.noValue ? `no point value: ${c.converted.noValue}` : null,
      formula: `${c.fact.metric} x rate ${c.to}/${c.from}`, inputs: [c.fact.id], assumptions: [c.assumption],
      method: `${c.rate} ${c.to} per ${c.from} from ${c.assumption}, the rate dated closest to ${c.asOf ?? 'the latest'}`,
      note: `${c.fact.quantity} in ${c.to}`,
    });
  }
  return out;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Published values keep 12 significant digits: far more than any input states, and it drops
 * binary floating-point noise such as 30.000000000000004 from exports.
 */
function significant(x: number): number {
  return Number(x.toPrecision(12));
}

/** Short period of a fact: `2025`, `2025 H1`, `2025 Q3`, `2025 9M`, `2025-04..2025-12`, or its as_of. */
export function shortPeriod(f: Pick<Fact, 'as_of' | 'period_start' | 'period_end'>): string | null {
  const s = f.period_start;
  const e = f.period_end;
  if (s && e && /^\d{4}-\d{2}-\d{2}$/.test(s) && /^\d{4}-\d{2}-\d{2}$/.test(e)) {
    const [ys, ms, ds] = s.split('-').map(Number);
    const [ye, me] = e.split('-').map(Number);
    const monthEnd = new Date(Date.UTC(ye, me, 0)).getUTCDate() === Number(e.slice(8));
    if (ys === ye && ds === 1 && monthEnd) {
      const months = me - ms + 1;
      if (months === 12) return String(ys);
      if (months === 6 && (ms === 1 || ms === 7)) return `${ys} H${ms === 1 ? 1 : 2}`;
      if (months === 3 && (ms - 1) % 3 === 0) return `${ys} Q${(ms - 1) / 3 + 1}`;
      if (ms === 1) return `${ys} ${months}M`;
    }
    return `${s.slice(0, 7)}..${e.slice(0, 7)}`;
  }
  if (s || e) return `${s ?? '?'}..${e ?? '?'}`;
  return f.as_of;
}

/** What the id and label of derived rows are built from. */
export interface LabelContext {
  facts?: ReadonlyMap<string, Fact>;
  /** English names by entity id (else the id) */
  names?: ReadonlyMap<string, string>;
}

/** `Zhipu · market cap / annualized revenue · 2025 H1`: entity, formula, the inputs' periods. */
export function derivedLabel(d: Pick<DerivedDraft, 'entity' | 'formula' | 'inputs'>, ctx: LabelContext = {}): string {
  const name = ctx.names?.get(d.entity) ?? d.entity;
  const inputs = d.inputs.map((id) => ctx.facts?.get(id)).filter((f): f is Fact => !!f);
  const flows = inputs.filter((f) => f.period_start || f.period_end);
  const periods = [...new Set((flows.length ? flows : inputs).map(shortPeriod).filter((p): p is string => !!p))];
  const formula = d.formula.replace(/_/g, ' ');
  return [name, formula, periods.join(' → ')].filter(Boolean).join(' · ');
}

/** `<metric>-<entity>-<6 hex digits>`: the digits hash the inputs and detail, so the id stays put when rows are added. */
export function derivedId(d: Pick<DerivedDraft, 'metric' | 'entity' | 'detail' | 'inputs'>): string {
  const hash = createHash('sha1').update(`${d.metric}|${d.entity}|${d.detail}|${d.inputs.join(',')}`).digest('hex').slice(0, 6);
  return slug(`${d.metric.replace(/_/g, '-')}-${d.entity}-${hash}`);
}

/** Turns drafts into rows with short unique ids (derivedId) and labels (derivedLabel). */
export function finishDerived(drafts: readonly DerivedDraft[], ctx: LabelContext = {}): Derived[] {
  const seen = new Map<string, number>();
  return drafts.map((d) => {
    let id = derivedId(d);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    if (n > 0) id = `${id}-${n + 1}`;
    const j = d.interval ? intervalJson(d.interval) : { low: null, high: null };
    // no interval: the formula is undefined on the inputs; an interval without a value: the
    // inputs state no number to put in (the problem says which, `no point value: ...`)
    const undefinedBy = !d.problem ? null : d.interval === null ? `not computed: ${d.problem}` : d.value === null ? d.problem : null;
    return {
      id,
      label: derivedLabel(d, ctx),
      metric: d.metric,
      entity: d.entity,
      value: d.value !== null && Number.isFinite(d.value) ? significant(d.value) : null,
      low: j.low === null ? null : significant(j.low),
      high: j.high === null ? null : significant(j.high),
      unit: d.unit,
      currency: d.currency ?? null,
      formula: d.formula,
      inputs: [...d.inputs],
      assumptions: [...new Set(d.assumptions ?? [])],
      method: d.method ?? null,
      note: [undefinedBy, d.note].filter(Boolean).join('; ') || null,
    };
  });
}

/** Every derived metric over the whole fact base. */
export function computeDerived(
  facts: readonly Fact[], assumptions: readonly Assumption[], rules: readonly DerivedRule[] = DERIVED_RULES,
  entities: readonly Entity[] = [],
): Derived[] {
  const ctx: RuleContext = { facts, assumptions };
  const drafts = rules.flatMap((r) => r(ctx));
  const labels: LabelContext = {
    facts: new Map(facts.map((f) => [f.id, f])), names: new Map(entities.map((e) => [e.id, e.name_en])),
  };
  return markMixedBases(finishDerived(withReports(facts, [...drafts, ...conversionDrafts(drafts)]), labels), facts);
}

/** Valuation basis of every entity: `listed` when any fact gives its market cap, `private` when only valuations. */
function entityBases(facts: readonly Fact[]): Map<string, 'listed' | 'private'> {
  const out = new Map<string, 'listed' | 'private'>();
  for (const f of facts) {
    if (f.metric === 'market_cap' || f.basis === 'market-cap') out.set(f.entity, 'listed');
    else if (f.metric === 'valuation' && !out.has(f.entity)) out.set(f.entity, 'private');
  }
  return out;
}

/**
 * Listed market caps and private valuations are different bases: a row whose inputs combine a
 * listed company's market cap with a multiple stated for a private company (or the other way
 * round) says so in its note.
 */
export function markMixedBases(rows: Derived[], facts: readonly Fact[]): Derived[] {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const basisOf = entityBases(facts);
  return rows.map((d) => {
    const inputs = d.inputs.map((id) => byId.get(id)).filter((f): f is Fact => !!f);
    const bases = new Set<string>();
    for (const f of inputs) {
      if (f.metric === 'market_cap' || f.basis === 'market-cap') bases.add('listed');
      else if (f.metric === 'valuation') bases.add('private');
      else if (f.metric === 'ps_ratio') {
        const b = basisOf.get(f.entity);
        if (b) bases.add(b);
      }
    }
    if (bases.size < 2) return d;
    const why = 'mixes bases: a listed market cap against a private valuation or a multiple stated on one';
    return { ...d, note: d.note ? `${d.note}; ${why}` : why };
  });
}

/**
 * Rules enter each event once, through one report (./rules/events); the note of a row whose
 * inputs stand for several reports names the others, so every report stays traceable.
 */
function withReports(facts: readonly Fact[], drafts: readonly DerivedDraft[]): DerivedDraft[] {
  const byId = new Map(facts.map((f) => [f.id, f] as const));
  return drafts.map((d) => {
    const more = reportsNote(facts, d.inputs.flatMap((id) => byId.get(id) ?? []));
    return more ? { ...d, note: d.note ? `${d.note}; ${more}` : more } : d;
  });
}

/** Column order of the derived table. */
export const DERIVED_COLUMNS = [
  'id', 'label', 'metric', 'entity', 'value', 'low', 'high', 'unit', 'currency', 'formula', 'inputs', 'assumptions', 'method', 'note',
] as const;

/** Derived rows as plain records (lists joined with `;`) for tables and CSV. */
export function derivedRecords(rows: readonly Derived[]): Array<Record<string, string | number | null>> {
  return rows.map((r) => ({
    ...r,
    inputs: r.inputs.join(';'),
    assumptions: r.assumptions.join(';'),
  }));
}

/** The derived table as a danfojs-node DataFrame (danfojs is loaded on first use; queries chain). */
export function derivedFrame(facts: readonly Fact[], assumptions: readonly Assumption[]): unknown {
  return rowsToFrame(derivedRecords(computeDerived(facts, assumptions)), DERIVED_COLUMNS);
}
