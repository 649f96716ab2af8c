/**
 * Sensitivity tables: the selected derived metrics recomputed for every value of one parameter
 * (an FX pair such as USDCNY, or an assumption id such as target-ps-multiple).
 */
import type { Derived } from '../metrics/derived';
import { formatInterval, type FormatOptions } from '../units/format';
import type { Dataset, DerivedFilter, ScenarioSpec } from './dataset';

/** `[from, to, step]`, `{ from, to, step }` or `{ values: [...] }`. */
export type ParameterRange = readonly [number, number, number] | { from: number; to: number; step: number } | { values: readonly number[] };
/** exactly one parameter */
export type SensitivityGrid = Record<string, ParameterRange>;
/** a derived filter, or a function picking rows of a dataset */
export type SensitivitySelector = DerivedFilter | ((ds: Dataset) => Derived[]);

export interface SensitivityRow {
  parameter: string;
  at: number;
  id: string;
  label: string;
  /** the label, made unique with the id where two rows share it (a column title) */
  column: string;
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string;
  currency: Derived['currency'];
}

/** The values of a range; `[6.8, 7.4, 0.1]` -> 6.8, 6.9, ..., 7.4 (no floating-point drift). */
export function rangeValues(r: ParameterRange): number[] {
  if (!Array.isArray(r) && 'values' in r) return [...(r as { values: readonly number[] }).values];
  const t = r as { from: number; to: number; step: number };
  const [from, to, step] = Array.isArray(r) ? (r as readonly number[]) : [t.from, t.to, t.step];
  if (!(step > 0) || !(to >= from)) throw new Error(`bad range [${from}, ${to}, ${step}]: need from <= to and a positive step`);
  const n = Math.round((to - from) / step);
  if (n > 1000) throw new Error(`range [${from}, ${to}, ${step}] has ${n + 1} values; at most 1001`);
  return Array.from({ length: n + 1 }, (_, i) => Number((from + i * step).toPrecision(12)));
}

const FX_PAIR = /^(CNY|USD|HKD)(CNY|USD|HKD)$/;

/** The scenario that sets `parameter` to `value`. */
export function scenarioFor(parameter: string, value: number): ScenarioSpec {
  return FX_PAIR.test(parameter) ? { fx: { [parameter]: value } } : { overrides: { [parameter]: value } };
}

export class SensitivityTable {
  constructor(readonly parameter: string, readonly values: readonly number[], readonly rows: readonly SensitivityRow[]) {}

  /** One record per parameter value, one column per metric (its label), values formatted. */
  wide(opts: FormatOptions = {}): Array<Record<string, string | number>> {
    return this.values.map((at) => {
      const rec: Record<string, string | number> = { [this.parameter]: at };
      for (const r of this.rows.filter((x) => x.at === at)) {
        rec[r.column] = formatInterval({ low: r.low, high: r.high, value: r.value }, r.unit, r.currency, opts);
      }
      return rec;
    });
  }
}

export function sensitivity(ds: Dataset, select: SensitivitySelector, grid: SensitivityGrid): SensitivityTable {
  const keys = Object.keys(grid);
  if (keys.length !== 1) throw new Error(`a sensitivity table varies one parameter; got ${keys.length} (${keys.join(', ')})`);
  const parameter = keys[0];
  const values = rangeValues(grid[parameter]);
  const pick = typeof select === 'function' ? select : (d: Dataset) => d.derived(select);
  const rows: SensitivityRow[] = [];
  for (const at of values) {
    const s = ds.scenario(scenarioFor(parameter, at));
    for (const d of pick(s)) {
      rows.push({ parameter, at, id: d.id, label: d.label ?? d.id, column: '', value: d.value, low: d.low, high: d.high, unit: d.unit, currency: d.currency });
    }
  }
  // a column per row id, titled by its label; the second of two equal labels gets its id
  const titles = new Map<string, string>();
  const used = new Set<string>();
  for (const r of rows) {
    if (!titles.has(r.id)) {
      const title = used.has(r.label) ? `${r.label} (${r.id})` : r.label;
      used.add(title);
      titles.set(r.id, title);
    }
    r.column = titles.get(r.id)!;
  }
  return new SensitivityTable(parameter, values, rows);
}
