/**
 * One table read in a fresh process, for the table benchmarks (./cases/tables.ts):
 * `node dist/bench/tableRead.js <mode> <file>` with mode
 * - `group`: readTable grouped by model and benchmark (mean score, count) into a DataFrame;
 * - `filter`: readTable of one benchmark's rows scoring at least 50, three columns;
 * - `full`: readTable of every row and column into a DataFrame;
 * - `danfo`: danfojs-node's own readCSV of the file, the baseline.
 * Prints `rows columns` of the DataFrame.
 */
import { readTable } from '../table';

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  let shape: number[];
  if (mode === 'group') {
    shape = (await readTable(file, { groupBy: ['model', 'benchmark'], aggregate: { mean_score: ['mean', 'score'], n: ['count', '*'] } })).shape;
  } else if (mode === 'filter') {
    shape = (await readTable(file, { where: { benchmark: 'AIME 2025', score: { '>=': 50 } }, select: ['model', 'sample', 'score'] })).shape;
  } else if (mode === 'full') {
    shape = (await readTable(file)).shape;
  } else if (mode === 'danfo') {
    const dfd = require('danfojs-node') as typeof import('danfojs-node');
    shape = (await dfd.readCSV(file)).shape;
  } else {
    throw new Error(`unknown mode '${mode}' (group, filter, full, danfo)`);
  }
  process.stdout.write(`${shape.join(' ')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
