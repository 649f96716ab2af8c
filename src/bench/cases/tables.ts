/**
 * Large benchmark tables: a generated evaluation log of BENCHVAL_BENCH_TABLE_ROWS rows (default
 * 1,000,000; src/bench/tables.ts) as CSV and its Parquet copy in a temporary folder, each read
 * in a fresh process (src/bench/tableRead.ts):
 * - group-by into a DataFrame (80 groups), CSV and Parquet: target under 1.5 s and 600 MB (wall,
 *   and CPU, which other load on a shared machine does not inflate);
 * - filtered read (one benchmark, score >= 50, three columns), CSV and Parquet;
 * - full load into a DataFrame against danfojs' readCSV: target at most half its time
 *   (ratio <= 0.5, wall and CPU) and less peak memory (ratio < 1).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase, BenchResult } from '../main';
import { measure, type Measured } from '../measure';
import { csvToParquet, writeEvalCsv } from '../tables';
import { projectRoot } from '../../notebooks/paths';

const ROOT = projectRoot();
const READ = join(ROOT, 'dist', 'bench', 'tableRead.js');
export const GROUP_BY_TARGET_SECONDS = 1.5;
export const GROUP_BY_TARGET_MB = 600;

function read(mode: string, file: string): Measured {
  const m = measure(process.execPath, [READ, mode, file], { cwd: ROOT });
  if (m.status !== 0) throw new Error(`bench tables: ${mode} ${file}: ${m.stderr.trim()}`);
  return m;
}

function text(m: Measured): string {
  return `${m.seconds.toFixed(2)} s wall, ${m.cpuSeconds.toFixed(2)} s CPU, peak ${m.peakMb.toFixed(0)} MB, shape ${m.stdout.trim()}`;
}

export const cases: BenchCase[] = [
  {
    name: 'tables',
    async run(): Promise<BenchResult[]> {
      const rows = Number(process.env.BENCHVAL_BENCH_TABLE_ROWS ?? 1_000_000);
      const dir = mkdtempSync(join(tmpdir(), 'benchval-bench-tables-'));
      try {
        const csv = await writeEvalCsv(dir, rows);
        const parquet = await csvToParquet(csv);
        const size = (f: string) => `${(statSync(f).size / 1e6).toFixed(0)} MB`;
        const out: BenchResult[] = [];
        for (const [label, file] of [['CSV', csv], ['Parquet', parquet]] as const) {
          const g = read('group', file);
          out.push({ name: `tables: group-by of ${rows} rows (${label}, ${size(file)}) into a DataFrame, wall`, value: g.seconds, unit: 's', target: GROUP_BY_TARGET_SECONDS, detail: text(g) });
          out.push({ name: `tables: group-by of ${rows} rows (${label}), CPU`, value: g.cpuSeconds, unit: 's CPU', target: GROUP_BY_TARGET_SECONDS });
          out.push({ name: `tables: group-by of ${rows} rows (${label}), peak memory`, value: g.peakMb, unit: 'MB', target: GROUP_BY_TARGET_MB });
          const f = read('filter', file);
          out.push({ name: `tables: filtered read of ${rows} rows (${label}), wall`, value: f.seconds, unit: 's', target: null, detail: text(f) });
        }
        const full = read('full', csv);
        const fullPq = read('full', parquet);
        const danfo = read('danfo', csv);
        out.push({ name: `tables: full load of ${rows} CSV rows into a DataFrame (readTable), wall`, value: full.seconds, unit: 's', target: null, detail: text(full) });
        out.push({ name: `tables: full load of ${rows} Parquet rows into a DataFrame (readTable), wall`, value: fullPq.seconds, unit: 's', target: null, detail: text(fullPq) });
        out.push({ name: `tables: full load of ${rows} CSV rows, danfojs readCSV (baseline), wall`, value: danfo.seconds, unit: 's', target: null, detail: text(danfo) });
        out.push({ name: 'tables: full CSV load, readTable / danfo readCSV wall time', value: full.seconds / danfo.seconds, unit: 'x', target: 0.5 });
        out.push({ name: 'tables: full CSV load, readTable / danfo readCSV CPU time', value: full.cpuSeconds / danfo.cpuSeconds, unit: 'x', target: 0.5 });
        out.push({ name: 'tables: full CSV load, readTable / danfo readCSV peak memory', value: full.peakMb / danfo.peakMb, unit: 'x', target: 0.999 });
        return out;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
