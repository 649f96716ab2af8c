/**
 * One metric, one unit: every row of a metric across all fact tables carries the same unit
 * (a `revenue` row in `multiple` among revenue rows in `money` is an error). Benchmark scores
 * are grouped by metric and benchmark, because each benchmark has its own scale (AIME 2025 in
 * points, MathArena in percent).
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
  const groups = new Map<string, { label: string; rows: Fact[] }>();
  for (const f of facts) {
    const { key, label } = groupKey(f);
    const g = groups.get(key) ?? { label, rows: [] };
    g.rows.push(f);
    groups.set(key, g);
  }
  for (const { label, rows } of groups.values()) {
    const byUnit = new Map<string, Fact[]>();
    for (const f of rows) byUnit.set(f.unit, [...(byUnit.get(f.unit) ?? []), f]);
    if (byUnit.size < 2) continue;
    const counts = [...byUnit.values()].map((r) => r.length);
    const top = Math.max(...counts);
    const majority = counts.filter((c) => c === top).length === 1
      ? [...byUnit.entries()].find(([, r]) => r.length === top)![0]
      : null;
    for (const f of rows) {
      if (f.unit === majority) continue;
      const others = [...byUnit.entries()].filter(([u]) => u !== f.unit)
        .map(([u, r]) => `'${u}' (${r.length} row${r.length === 1 ? '' : 's'}, first at ${r[0].file}:${r[0].line})`);
      issues.add(f.file, f.line, 'unit', `${label} is in '${f.unit}' here, but other rows of it use ${others.join(', ')}; one metric takes one unit across the data set`);
    }
  }
}
