/**
 * Growth with the data: synthetic data sets of 10x, 100x and 1000x the facts
 * (src/bench/synthetic.ts; BENCHVAL_BENCH_FACTORS overrides, e.g. `10,100`), each run as
 * - `benchval all --no-png`, the main job without PNGs: whether it completes, its wall time,
 *   CPU and peak memory (charts at volume are bounded by the chart builders; a chart error is
 *   reported here as it is, not hidden);
 * - `benchval audit --no-fail`: load -> derive -> audit alone, the part that grows with facts.
 * The growth exponent is the least-squares slope of log(time) over log(facts): 1 is linear,
 * 2 quadratic. Target: at most 1.2 for the audit pipeline. Each run stops after
 * BENCHVAL_BENCH_GROWTH_LIMIT seconds (default 600) and is reported as not completed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase, BenchResult } from '../main';
import { logSlope, measure, type Measured } from '../measure';
import { writeSyntheticData } from '../synthetic';
import { DEFAULT_SEEDS_DIR } from '../../data/evidence';
import { projectRoot } from '../../notebooks/paths';
import { DEFAULT_DATA_DIR } from '../../data/paths';

const ROOT = projectRoot();
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
export const GROWTH_EXPONENT_TARGET = 1.2;
/** Each run is stopped after this long (BENCHVAL_BENCH_GROWTH_LIMIT seconds, default 600). */
const LIMIT_SECONDS = Number(process.env.BENCHVAL_BENCH_GROWTH_LIMIT ?? 600);

/** Least-squares slope of log(y) over log(x) over every size (see logSlope). */
export const growthExponent = logSlope;

function describe(m: Measured): string {
  return `${m.seconds.toFixed(2)} s wall, ${m.cpuSeconds.toFixed(2)} s CPU, peak ${m.peakMb.toFixed(0)} MB`;
}

export const cases: BenchCase[] = [
  {
    name: 'linear-growth',
    async run(): Promise<BenchResult[]> {
      const factors = (process.env.BENCHVAL_BENCH_FACTORS ?? '10,100,1000').split(',').map(Number).filter((n) => n >= 1);
      const dir = mkdtempSync(join(tmpdir(), 'benchval-bench-growth-'));
      const out: BenchResult[] = [];
      const auditPoints: Array<{ x: number; y: number }> = [];
      const allPoints: Array<{ x: number; y: number }> = [];
      try {
        for (const factor of factors) {
          const syn = writeSyntheticData(DEFAULT_DATA_DIR, join(dir, `x${factor}`), { factor, seedsDir: DEFAULT_SEEDS_DIR });
          // the generated articles hold the generated rows' evidence (and copies of the real articles)
          const args = ['--data-dir', syn.dataDir];
          const all = measure(process.execPath, [CLI, 'all', '--no-png', ...args, '--seeds', syn.articlesDir, '--out', join(dir, `out${factor}`)], { cwd: ROOT, timeoutSeconds: LIMIT_SECONDS });
          const audit = measure(process.execPath, [CLI, 'audit', '--no-fail', ...args], { cwd: ROOT, timeoutSeconds: LIMIT_SECONDS });
          if (audit.status !== 0) throw new Error(`bench linear-growth: audit at ${factor}x exited ${audit.status}: ${audit.stderr.trim()}`);
          const failure = all.status === 0 ? '' : `; exited ${all.status}: ${all.stderr.trim().split('\n').slice(-1)[0]}`;
          // the main job must complete at every size: a failure is a miss
          out.push({
            name: `linear-growth: ${factor}x (${syn.facts} facts) all --no-png, wall`, value: all.status === 0 ? all.seconds : Infinity, unit: 's', target: LIMIT_SECONDS,
            detail: `${all.status === 0 ? 'completed' : 'FAILED'}: ${describe(all)}${failure}`,
          });
          out.push({ name: `linear-growth: ${factor}x (${syn.facts} facts) load + derive + audit, wall`, value: audit.seconds, unit: 's', target: null, detail: describe(audit) });
          auditPoints.push({ x: syn.facts, y: audit.cpuSeconds });
          if (all.status === 0) allPoints.push({ x: syn.facts, y: all.cpuSeconds });
          rmSync(join(dir, `x${factor}`), { recursive: true, force: true });
        }
        if (auditPoints.length >= 2) {
          out.push({ name: `linear-growth: exponent of audit CPU over facts (${factors.join('x, ')}x)`, value: growthExponent(auditPoints), unit: '', target: GROWTH_EXPONENT_TARGET });
        }
        if (allPoints.length >= 2) {
          out.push({ name: `linear-growth: exponent of all --no-png CPU over facts (${allPoints.length} sizes completed)`, value: growthExponent(allPoints), unit: '', target: GROWTH_EXPONENT_TARGET });
        }
        return out;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
