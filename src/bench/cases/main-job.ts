/**
 * Wall time of the main job (`node dist/cli/main.js all`, what `npm start` runs after the
 * build), as a fresh process writing to a temporary folder. Target: 3 s on 2 cores.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase, BenchResult } from '../main';

const CLI = join(__dirname, '..', '..', 'cli', 'main.js');
const RUNS = 3;

function timeOnce(outDir: string): { seconds: number; files: number } {
  const start = process.hrtime.bigint();
  const stdout = execFileSync(process.execPath, [CLI, 'all', '--out', outDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, files: stdout.split('\n').filter((l) => l.startsWith(outDir)).length };
}

export const cases: BenchCase[] = [
  {
    name: 'main-job',
    async run(): Promise<BenchResult[]> {
      const outDir = mkdtempSync(join(tmpdir(), 'benchval-main-job-'));
      try {
        const times: number[] = [];
        let files = 0;
        for (let i = 0; i < RUNS; i++) {
          const r = timeOnce(outDir);
          times.push(r.seconds);
          files = r.files;
        }
        const sorted = [...times].sort((a, b) => a - b);
        const median = sorted[Math.floor(sorted.length / 2)];
        return [{
          name: 'main-job wall time (median of 3)',
          value: median,
          unit: 's',
          target: 3,
          detail: `runs ${times.map((t) => t.toFixed(2)).join(' / ')} s, ${files} files`,
        }];
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
    },
  },
];
