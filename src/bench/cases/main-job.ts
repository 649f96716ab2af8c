/**
 * Wall time of the main job, target 3 s on 2 cores, measured two ways, each as fresh processes
 * writing to a temporary folder (median of three runs):
 * - `main-job`: `node dist/cli/main.js all`, the job alone;
 * - `npm-start`: `npm start` end to end, i.e. npm itself, the incremental TypeScript build (with
 *   nothing to recompile, as after `npm run bench`'s own build) and the main job, which is what
 *   the user runs. The build step is also timed alone to show where the time goes.
 */
import { execFileSync } from 'node:child_process';
import { median } from 'simple-statistics';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase, BenchResult } from '../main';
import { projectRoot } from '../../notebooks/paths';

const ROOT = projectRoot();
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const RUNS = 3;
export const MAIN_JOB_TARGET_SECONDS = 3;

/** npm as the bench was started with it (`npm run bench` sets npm_execpath), else npm on the PATH. */
function npmCommand(args: string[]): [string, string[]] {
  const cli = process.env.npm_execpath;
  return cli && /\.[cm]?js$/.test(cli) ? [process.execPath, [cli, ...args]] : ['npm', args];
}

/** Runs the command; returns its wall time in seconds and its standard output. */
function timed(command: string, args: string[]): { seconds: number; stdout: string } {
  const start = process.hrtime.bigint();
  const stdout = execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, stdout };
}

function runsText(times: number[]): string {
  return `runs ${times.map((t) => t.toFixed(2)).join(' / ')} s`;
}

/** Files the main job printed as written into outDir. */
function filesWritten(stdout: string, outDir: string): number {
  return stdout.split('\n').filter((l) => l.startsWith(outDir)).length;
}

function withTempDir<T>(prefix: string, fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const cases: BenchCase[] = [
  {
    name: 'main-job',
    async run(): Promise<BenchResult[]> {
      return withTempDir('benchval-main-job-', (outDir) => {
        const times: number[] = [];
        let files = 0;
        for (let i = 0; i < RUNS; i++) {
          const r = timed(process.execPath, [CLI, 'all', '--out', outDir]);
          times.push(r.seconds);
          files = filesWritten(r.stdout, outDir);
        }
        return [{
          name: `main-job: benchval all (median of ${RUNS})`,
          value: median(times),
          unit: 's',
          target: MAIN_JOB_TARGET_SECONDS,
          detail: `${runsText(times)}, ${files} files`,
        }];
      });
    },
  },
  {
    name: 'npm-start',
    async run(): Promise<BenchResult[]> {
      return withTempDir('benchval-npm-start-', (outDir) => {
        const build: number[] = [];
        const start: number[] = [];
        let files = 0;
        for (let i = 0; i < RUNS; i++) {
          build.push(timed(...npmCommand(['run', '-s', 'build'])).seconds);
          // arguments after -- go to the last command of the script: `node dist/cli/main.js all --out DIR`
          const r = timed(...npmCommand(['start', '-s', '--', '--out', outDir]));
          start.push(r.seconds);
          files = filesWritten(r.stdout, outDir);
        }
        const total = median(start);
        const buildPart = median(build);
        const verdict = total <= MAIN_JOB_TARGET_SECONDS
          ? 'within the target'
          : `over the ${MAIN_JOB_TARGET_SECONDS} s target; the build step alone takes ${buildPart.toFixed(2)} s of it`;
        return [
          {
            name: `npm-start: npm start end to end, build + main job (median of ${RUNS})`,
            value: total,
            unit: 's',
            target: MAIN_JOB_TARGET_SECONDS,
            detail: `${runsText(start)}, ${files} files; ${verdict}`,
          },
          {
            name: `npm-start: of which npm run build with nothing to recompile (median of ${RUNS})`,
            value: buildPart,
            unit: 's',
            target: null,
            detail: runsText(build),
          },
        ];
      });
    },
  },
];
