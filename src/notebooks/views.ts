/**
 * Tables for notebooks: facts and derived rows as records of formatted text (the formatting
 * core of src/units/format), ready for `displayTable`.
 */
import { resolveScenario, type ScenarioSpec } from '../api/dataset';
import { readAssumptions, type AssumptionOverrides } from '../data';
import type { Derived } from '../metrics/derived';
import type { Fact } from '../types';
import { formatRange, type FormatOptions } from '../units/format';

/** One record per derived row: label, value with interval, formula, inputs, assumptions, id. */
export function derivedView(rows: readonly Derived[], opts: FormatOptions = {}): Array<Record<string, string>> {
  return rows.map((d) => ({
    metric: d.label ?? `${d.entity} · ${d.metric}`,
    value: formatRange(d, opts),
    formula: d.formula,
    inputs: d.inputs.join(', '),
    assumptions: d.assumptions.join(', '),
    id: d.id,
  }));
}

/** One record per fact: entity, metric, the number as written and as read, date, source. */
export function factView(facts: readonly Fact[], opts: FormatOptions = {}): Array<Record<string, string>> {
  return facts.map((f) => ({
    entity: f.entity,
    metric: f.metric,
    'as written': f.quantity,
    value: formatRange(f, opts),
    date: f.as_of ?? `${f.period_start ?? '?'}..${f.period_end ?? '?'}`,
    source: f.source,
    id: f.id,
  }));
}

/**
 * Assumption overrides for market-convention FX rates with every cross rate kept consistent
 * (`{ USDCNY: 7.2 }` also moves HKD/CNY through the HKD peg); null rates are left as in the file.
 */
export function fxOverrides(fx: Record<string, number | null>, dataDir?: string): AssumptionOverrides {
  const set = Object.fromEntries(Object.entries(fx).filter(([, v]) => v !== null)) as ScenarioSpec['fx'];
  if (!set || Object.keys(set).length === 0) return {};
  return resolveScenario(readAssumptions({ dataDir }), { fx: set });
}
