/**
 * Plain-text lines the notebooks print for facts and derived metrics: every number comes with
 * the ids it was computed from (derived) or its source and evidence (facts), so a reader can
 * trace it back to the CSV row.
 */
import type { Fact, Source } from '../types';
import type { Derived } from '../metrics';
import { formatRange, formatValue } from '../units/format';

// the value formats are shared with the report; the notebooks' API keeps offering them here
export { formatRange, formatValue, type RangeLike } from '../units/format';

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
