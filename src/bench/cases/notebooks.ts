/**
 * Wall time to execute all notebooks headless and render them to HTML, as `benchval notebooks`
 * does (kernel start-up included), target 30 s: notebooks run in groups, one nbconvert per core. The executed copies go to a temporary folder
 * that is removed afterwards, so the bench never replaces out/notebooks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase, BenchResult } from '../main';
import { executeNotebooks, findJupyter, JUPYTER_INSTALL_HINT } from '../../notebooks';

export const NOTEBOOKS_TARGET_SECONDS = 30;

export const cases: BenchCase[] = [
  {
    name: 'notebooks',
    async run(): Promise<BenchResult[]> {
      if (!findJupyter()) throw new Error(`bench notebooks: jupyter not found.\n${JUPYTER_INSTALL_HINT}`);
      const outputDir = mkdtempSync(join(tmpdir(), 'benchval-bench-notebooks-'));
      try {
        const started = process.hrtime.bigint();
        const runs = await executeNotebooks({ outputDir });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const failed = runs.filter((r) => r.problems.length > 0).map((r) => r.notebook);
        if (failed.length) throw new Error(`bench notebooks: failing notebooks: ${failed.join(', ')} (run \`benchval notebooks\` for details)`);
        const slowest = [...runs].sort((a, b) => b.seconds - a.seconds)[0];
        return [{
          name: 'notebooks: execute all and render HTML',
          value: seconds,
          unit: 's',
          target: NOTEBOOKS_TARGET_SECONDS,
          detail: `${runs.length} notebooks; slowest ${slowest ? `${slowest.notebook} ${slowest.seconds.toFixed(1)} s` : '-'}`,
        }];
      } finally {
        rmSync(outputDir, { recursive: true, force: true });
      }
    },
  },
];
