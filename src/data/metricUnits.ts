/**
 * One metric, one unit: every row of a metric across all fact tables carries the same unit
 * (a `revenue` row in `multiple` among revenue rows in `money` is an error). Benchmark scores
 * are grouped by metric and benchmark, because each benchmark has its own scale (AIME 2025 in
 * points, MathArena in percent). Linear in the number of facts: rows are counted per unit, never
 * copied.
 */
import type { Fact } from '../types';
import type { IssueList } from './errors';

function groupKey(f: Fact): { key: string; label: string } {
  const benchmark = f.table === 'benchmarks' ? f.benchmark ?? null : null;
  if (benchmark) return { key: `${f.metric}\u0000${benchmark}`, label: `metric '${f.metric}' of benchmark '${benchmark}'` };
  return { key: f.metric, label: `metric '${f.metric}'` };
}

/**
 * Reports every fact whose unit differs from the unit most rows of its metric use; when no unit
 * is used by more rows than every other, every row of the metric is reported.
 */
export function checkMetricUnits(facts: readonly Fact[], issues: IssueList): void {
  const groups = new Map<string, { label: string; rows: Fact[]; byUnit: Map<string, { count: number; first: Fact }> }>();
  for (const f of facts) {
    const { key, label } = groupKey(f);
    let g = groups.get(key);
    if (!g) { g = { label, rows: [], byUnit: new Map() }; groups.set(key, g); }
    g.rows.push(f);
    const u = g.byUnit.get(f.unit);
    if (u) u.count++;
    else g.byUnit.set(f.unit, { count: 1, first: f });
  }
  for (const { label, rows, byUnit } of groups.values()) {
    if (byUnit.size < 2) continue;
    const counts = [...byUnit.values()].map((u) => u.count);
    const top = Math.max(...counts);
    const majority = counts.filter((c) => c === top).length === 1
      ? [...byUnit.entries()].find(([, u]) => u.count === top)![0]
      : null;
    // one description per unit of the other units, so each row costs O(units)
    const describe = new Map([...byUnit.entries()].map(([unit, u]) => [unit,
      `'${unit}' (${u.count} row${u.count === 1 ? '' : 's'}, first at ${u.first.file}:${u.first.line})`] as const));
    for (const f of rows) {
      if (f.unit === majority) continue;
      const others = [...describe.entries()].filter(([u]) => u !== f.unit).map(([, d]) => d);
      issues.add(f.file, f.line, 'unit', `${label} is in '${f.unit}' here, but other rows of it use ${others.join(', ')}; one metric takes one unit across the data set`);
    }
  }
}
