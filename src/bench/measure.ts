/**
 * Wall time, CPU time and peak memory of commands run as fresh processes. Every Node process
 * the command starts (npm itself, the scripts it runs) is preloaded with ./measurePreload, which
 * writes its own `process.resourceUsage()` at exit into a scratch folder; CPU is the sum over
 * those processes, peak memory the largest resident set among them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linearRegression } from 'simple-statistics';

export interface Measured {
  seconds: number;
  cpuSeconds: number;
  /** largest peak resident set of the processes, MB */
  peakMb: number;
  processes: number;
  status: number | null;
  /** killed at the time limit (CPU and memory are then unknown: 0) */
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export function measure(command: string, args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutSeconds?: number }): Measured {
  const dir = mkdtempSync(join(tmpdir(), 'benchval-measure-'));
  try {
    const preload = join(__dirname, 'measurePreload.js');
    const nodeOptions = [process.env.NODE_OPTIONS ?? '', `--require ${preload}`].join(' ').trim();
    const start = process.hrtime.bigint();
    const r = spawnSync(command, [...args], {
      cwd: opts.cwd, encoding: 'utf8', maxBuffer: 1 << 28, killSignal: 'SIGKILL',
      timeout: opts.timeoutSeconds ? opts.timeoutSeconds * 1000 : undefined,
      env: { ...process.env, ...opts.env, NODE_OPTIONS: nodeOptions, BENCHVAL_MEASURE_DIR: dir },
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    let cpu = 0;
    let peak = 0;
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    for (const f of files) {
      const u = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { userCPUTime: number; systemCPUTime: number; maxRSS: number };
      cpu += (u.userCPUTime + u.systemCPUTime) / 1e6;
      peak = Math.max(peak, u.maxRSS / 1024);
    }
    const timedOut = r.signal === 'SIGKILL' && !!opts.timeoutSeconds;
    return {
      seconds, cpuSeconds: cpu, peakMb: peak, processes: files.length, status: r.status, timedOut,
      stdout: r.stdout ?? '', stderr: timedOut ? `killed after the ${opts.timeoutSeconds} s time limit` : r.stderr ?? '',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median run of `n` by wall time (CPU and memory of that run). */
export function medianOf(n: number, run: () => Measured): { median: Measured; runs: Measured[] } {
  const runs = Array.from({ length: n }, run);
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return { median: sorted[Math.floor((n - 1) / 2)], runs };
}

/**
 * Growth exponent: the least-squares slope of log(y) over log(x) (1 is linear, 2 quadratic);
 * NaN when the points do not spread over x. Points with a non-positive coordinate are left out.
 */
export function logSlope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const p = points.filter((q) => q.x > 0 && q.y > 0).map((q) => [Math.log(q.x), Math.log(q.y)]);
  if (new Set(p.map(([x]) => x)).size < 2) return NaN;
  return linearRegression(p).m;
}
