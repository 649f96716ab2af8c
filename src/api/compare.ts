/** Differences between two datasets (scenarios): derived metrics, findings and assumptions. */
import type { Derived } from '../metrics/derived';
import { formatInterval, formatNumber, type FormatOptions } from '../units/format';
import type { Dataset } from './dataset';

export interface Bounds { value: number | null; low: number | null; high: number | null }

export interface DerivedChange {
  id: string;
  label: string;
  unit: string;
  currency: Derived['currency'];
  /** null when the row exists only in the other dataset */
  a: Bounds | null;
  b: Bounds | null;
  /** b.value - a.value */
  change: number | null;
  /** change in percent of a.value */
  change_pct: number | null;
}

export interface FindingChange { id: string; a: string | null; b: string | null; message: string }
export interface AssumptionChange { id: string; unit: string; a: number | null; b: number | null }

export interface Comparison {
  assumptions: AssumptionChange[];
  derived: DerivedChange[];
  findings: FindingChange[];
}

const bounds = (d: Derived): Bounds => ({ value: d.value, low: d.low, high: d.high });
const same = (x: Bounds, y: Bounds) => x.value === y.value && x.low === y.low && x.high === y.high;

export function compareDatasets(a: Dataset, b: Dataset): Comparison {
  const assumptions: AssumptionChange[] = [];
  const bAssumptions = new Map(b.assumptions.map((z) => [z.id, z]));
  for (const x of a.assumptions) {
    const y = bAssumptions.get(x.id);
    if (!y || y.value !== x.value) assumptions.push({ id: x.id, unit: x.unit, a: x.value, b: y?.value ?? null });
  }
  const da = new Map(a.derived().map((d) => [d.id, d]));
  const db = new Map(b.derived().map((d) => [d.id, d]));
  const derived: DerivedChange[] = [];
  for (const id of new Set([...da.keys(), ...db.keys()])) {
    const x = da.get(id);
    const y = db.get(id);
    if (x && y && same(bounds(x), bounds(y))) continue;
    const r = (x ?? y)!;
    const change = x?.value != null && y?.value != null ? y.value - x.value : null;
    derived.push({
      id, label: r.label ?? id, unit: r.unit, currency: r.currency, a: x ? bounds(x) : null, b: y ? bounds(y) : null,
      change: change === null ? null : Number(change.toPrecision(12)),
      change_pct: change === null || !x?.value ? null : Number(((change / x.value) * 100).toPrecision(12)),
    });
  }
  const fa = new Map(a.findings().map((f) => [f.id, f]));
  const fb = new Map(b.findings().map((f) => [f.id, f]));
  const findings: FindingChange[] = [];
  for (const id of new Set([...fa.keys(), ...fb.keys()])) {
    const x = fa.get(id);
    const y = fb.get(id);
    if (x && y && x.status === y.status && x.computed?.text === y.computed?.text) continue;
    findings.push({ id, a: x?.status ?? null, b: y?.status ?? null, message: (y ?? x)!.message });
  }
  return { assumptions, derived, findings };
}

/** The derived changes for people: label, before, after, change. */
export function formatComparison(c: Comparison, opts: FormatOptions = {}): Array<Record<string, string>> {
  const show = (x: Bounds | null, d: DerivedChange) => (x ? formatInterval(x, d.unit, d.currency, opts) : '—');
  return c.derived.map((d) => ({
    metric: d.label,
    before: show(d.a, d),
    after: show(d.b, d),
    change: d.change === null ? '—' : `${d.change > 0 ? '+' : ''}${formatNumber(d.change, d.unit, d.currency, opts)}`,
    'change %': d.change_pct === null ? '—' : `${d.change_pct > 0 ? '+' : ''}${formatNumber(d.change_pct, 'percent', null, opts)}`,
  }));
}
