/**
 * `bv.open()` against reading the CSVs alone: opening the dataset (sources, entities, facts,
 * assumptions; derived metrics, findings and DataFrames are built on first use) must take at most
 * twice as long as `readDataset()`. A fresh Node process for each measurement, median of five,
 * so module loading counts the same on both sides. Also reports the first `ds.frame('facts')`
 * (danfojs-node load included) and a second frame from the loaded library.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchCase, BenchResult } from '../main';
import { median } from 'simple-statistics';

export const OPEN_TARGET_RATIO = 2;
const RUNS = 5;


/** Milliseconds of `body` in a fresh process (after requiring `dist/index.js`), as the script prints them. */
function timed(body: string): number {
  const dist = join(__dirname, '..', '..');
  const script = `const bv = require(${JSON.stringify(dist)}); const t = process.hrtime.bigint(); ${body}; `
    + 'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));';
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

export const cases: BenchCase[] = [
  {
    name: 'api-open',
    async run(): Promise<BenchResult[]> {
      const read: number[] = [];
      const open: number[] = [];
      const frames: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        read.push(timed('bv.data.readDataset()'));
        open.push(timed('bv.openSync()'));
        frames.push(timed("const ds = bv.openSync(); ds.frame('facts'); ds.frame('derived')"));
      }
      const r = median(read);
      const o = median(open);
      return [
        { name: 'api-open: bv.open() / readDataset()', value: o / r, unit: 'x', target: OPEN_TARGET_RATIO, detail: `open ${o.toFixed(0)} ms, read ${r.toFixed(0)} ms (median of ${RUNS} fresh processes)` },
        { name: 'api-open: open + facts and derived frames (danfojs-node load included)', value: median(frames), unit: 'ms', target: null, detail: 'informational' },
      ];
    },
  },
];
