/**
 * The main job as the user runs it, each run a fresh process writing to a temporary folder
 * (median of RUNS by wall time; CPU is user + system over every Node process of the run):
 * - `main-job`: `node dist/cli/main.js all`, target under 1.0 s CPU. Measured with the render
 *   cache (charts whose spec did not change are not rendered again, src/charts/renderCache.ts),
 *   as `npm start` runs it, and without it (BENCHVAL_RENDER_CACHE=off: every chart compiled
 *   and rendered), which has no target and shows what a changed data set costs.
 * - `npm-start`: `npm start` end to end with an up-to-date build: npm, the staleness check of
 *   bin/start.js and the job; target under 1.5 s wall (on an idle 2-core machine).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase, BenchResult } from '../main';
import { measure, medianOf, type Measured } from '../measure';
import { projectRoot } from '../../notebooks/paths';

const ROOT = projectRoot();
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const RUNS = 3;
export const MAIN_JOB_CPU_TARGET_SECONDS = 1.0;
export const NPM_START_TARGET_SECONDS = 1.5;

/** npm as the bench was started with it (`npm run bench` sets npm_execpath), else npm on the PATH. */
function npmCommand(args: string[]): [string, string[]] {
  const cli = process.env.npm_execpath;
  return cli && /\.[cm]?js$/.test(cli) ? [process.execPath, [cli, ...args]] : ['npm', args];
}

function withTempDir<T>(prefix: string, fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function checked(m: Measured, what: string): Measured {
  if (m.status !== 0) throw new Error(`${what} exited with ${m.status}: ${m.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return m;
}

function runsText(runs: Measured[]): string {
  return `runs ${runs.map((r) => `${r.seconds.toFixed(2)} s wall / ${r.cpuSeconds.toFixed(2)} s CPU`).join(', ')}`;
}

export const cases: BenchCase[] = [
  {
    name: 'main-job',
    async run(): Promise<BenchResult[]> {
      return withTempDir('benchval-main-job-', (outDir) => {
        const job = (env?: NodeJS.ProcessEnv) => checked(measure(process.execPath, [CLI, 'all', '--out', outDir], { cwd: ROOT, env }), 'benchval all');
        job(); // fills the render cache for the cached runs
        const cached = medianOf(RUNS, () => job());
        const fresh = medianOf(RUNS, () => job({ BENCHVAL_RENDER_CACHE: 'off' }));
        return [
          {
            name: `main-job: benchval all, CPU, unchanged charts from the render cache (median of ${RUNS})`,
            value: cached.median.cpuSeconds, unit: 's CPU', target: MAIN_JOB_CPU_TARGET_SECONDS,
            detail: `${cached.median.seconds.toFixed(2)} s wall, peak ${cached.median.peakMb.toFixed(0)} MB; ${runsText(cached.runs)}`,
          },
          {
            name: `main-job: benchval all, CPU, every chart compiled and rendered (median of ${RUNS})`,
            value: fresh.median.cpuSeconds, unit: 's CPU', target: null,
            detail: `${fresh.median.seconds.toFixed(2)} s wall, peak ${fresh.median.peakMb.toFixed(0)} MB; ${runsText(fresh.runs)}`,
          },
        ];
      });
    },
  },
  {
    name: 'npm-start',
    async run(): Promise<BenchResult[]> {
      return withTempDir('benchval-npm-start-', (outDir) => {
        // arguments after -- go to bin/start.js: `all --out DIR`
        const start = () => checked(measure(...npmCommand(['start', '-s', '--', '--out', outDir]), { cwd: ROOT }), 'npm start');
        start(); // an up-to-date build and a filled render cache, as on any later start
        const r = medianOf(RUNS, start);
        return [{
          name: `npm-start: npm start, up-to-date build (median of ${RUNS})`,
          value: r.median.seconds, unit: 's', target: NPM_START_TARGET_SECONDS,
          detail: `${r.median.cpuSeconds.toFixed(2)} s CPU over ${r.median.processes} node processes; ${runsText(r.runs)}`,
        }];
      });
    },
  },
];
