/**
 * Plain-text lines the notebooks print for facts and derived metrics: every number comes with
 * the ids it was computed from (derived) or its source and evidence (facts), so a reader can
 * trace it back to the CSV row.
 */
import type { Currency, Fact, Source } from '../types';
import type { Derived } from '../metrics';
import { formatQuantity } from '../units';

/** One value in the unit's display form; `rate` (a fraction) shows as percent. */
export function formatValue(value: number | null, unit: string, currency: Currency | null = null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === 'rate') return `${Number((value * 100).toFixed(1))}%`;
  return formatQuantity(value, unit, currency);
}

export interface RangeLike {
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string;
  currency: Currency | null;
}

/**
 * `20x – 30x (point 25x)`, `≥ 50亿 CNY`, `≤ 5x` or a single value. The point is the stated
 * value: a fact's number as written (the midpoint of a written range), a derived row's formula
 * on its inputs' stated values.
 */
export function formatRange(r: RangeLike): string {
  const f = (v: number | null) => formatValue(v, r.unit, r.currency);
  if (r.low !== null && r.high !== null) {
    if (r.low === r.high) return f(r.low);
    return `${f(r.low)} – ${f(r.high)} (point ${f(r.value)})`;
  }
  if (r.low !== null) return `≥ ${f(r.low)}`;
  if (r.high !== null) return `≤ ${f(r.high)}`;
  return f(r.value);
}

/** `<id>: <range> = <formula>; inputs: a, b; assumptions: fx; <method>` */
export function describeDerived(row: Derived): string {
  const parts = [`${row.id}: ${formatRange(row)} = ${row.formula}`, `inputs: ${row.inputs.join(', ')}`];
  if (row.assumptions.length) parts.push(`assumptions: ${row.assumptions.join(', ')}`);
  if (row.method) parts.push(row.method);
  if (row.note) parts.push(row.note);
  return parts.join('; ');
}

/** `<id>: <quantity> -> <range> | <outlet> (<source id>, <published>) | evidence 「…」 | <file>:<line>` */
export function describeFact(fact: Fact, sources: readonly Source[]): string {
  const s = sources.find((x) => x.id === fact.source);
  const origin = s ? `${s.outlet} (${s.id}, ${s.published})` : fact.source;
  return `${fact.id}: ${fact.quantity} -> ${formatRange(fact)} [${fact.qualifier}] | ${origin} | evidence 「${fact.evidence}」 | ${fact.file}:${fact.line}`;
}

/** Derived rows as table records with formatted bounds, for `displayTable`. */
export function derivedTableRows(rows: readonly Derived[]): Record<string, string>[] {
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    low: formatValue(r.low, r.unit, r.currency),
    point: formatValue(r.value, r.unit, r.currency),
    high: formatValue(r.high, r.unit, r.currency),
    formula: r.formula,
    inputs: r.inputs.join(', '),
    assumptions: r.assumptions.join(', '),
  }));
}
