/**
 * Wall time to execute all notebooks headless and render them to HTML, as `benchval notebooks`
 * does (kernel start-up included), target 30 s: notebooks run in groups, one nbconvert per core. The executed copies go to a temporary folder
 * that is removed afterwards, so the bench never replaces out/notebooks.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase, BenchResult } from '../main';
import { executeNotebooks, findJupyter, JUPYTER_INSTALL_HINT } from '../../notebooks';

export const NOTEBOOKS_TARGET_SECONDS = 30;

/**
 * CPU seconds of the finished child processes of this process and their descendants (Linux:
 * cutime + cstime of /proc/self/stat, at 100 ticks per second); null elsewhere.
 */
function childrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields from 3 (state): cutime and cstime are fields 16 and 17, i.e. index 13 and 14 here
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

export const cases: BenchCase[] = [
  {
    name: 'notebooks',
    async run(): Promise<BenchResult[]> {
      if (!findJupyter()) throw new Error(`bench notebooks: jupyter not found.\n${JUPYTER_INSTALL_HINT}`);
      const outputDir = mkdtempSync(join(tmpdir(), 'benchval-bench-notebooks-'));
      try {
        const cpuBefore = childrenCpuSeconds();
        const started = process.hrtime.bigint();
        const runs = await executeNotebooks({ outputDir });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const cpu = cpuBefore === null ? null : childrenCpuSeconds()! - cpuBefore;
        const failed = runs.filter((r) => r.problems.length > 0).map((r) => r.notebook);
        if (failed.length) throw new Error(`bench notebooks: failing notebooks: ${failed.join(', ')} (run \`benchval notebooks\` for details)`);
        const slowest = [...runs].sort((a, b) => b.seconds - a.seconds)[0];
        return [{
          name: 'notebooks: execute all and render HTML',
          value: seconds,
          unit: 's',
          target: NOTEBOOKS_TARGET_SECONDS,
          detail: `${runs.length} notebooks${cpu === null ? '' : `, ${cpu.toFixed(1)} s CPU over all processes`}; slowest ${slowest ? `${slowest.notebook} ${slowest.seconds.toFixed(1)} s` : '-'}`,
        }];
      } finally {
        rmSync(outputDir, { recursive: true, force: true });
      }
    },
  },
];
