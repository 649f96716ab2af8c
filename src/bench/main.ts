/**
 * `npm run bench`: runs every benchmark case in ./cases (main-job, npm-start, notebooks, linear-growth, tables, report-load, ...) and
 * prints one line per result, `MISS` when it is over its target, failing (exit 1) when any is.
 * `npm run bench -- <name>` runs the cases whose name contains <name>. Cases export
 * `cases: BenchCase[]`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchResult {
  name: string;
  /** measured value */
  value: number;
  unit: string;
  /** the value must be at most this */
  target: number | null;
  detail?: string;
}

export interface BenchCase {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** One result line: `ok` or `MISS`, the figure and its target. */
export function resultLine(r: BenchResult): string {
  const ok = r.target === null || r.value <= r.target;
  const target = r.target === null ? '' : ` (target <= ${r.target} ${r.unit})`;
  return `${ok ? 'ok  ' : 'MISS'} ${r.name}: ${r.value.toFixed(3)} ${r.unit}${target}${r.detail ? ' ' + r.detail : ''}`;
}

/**
 * Runs the cases (those whose name contains `filter`), printing each result as it comes. A case
 * that throws is a miss with its error, and the other cases still run.
 */
export async function runBench(filter?: string, print: (line: string) => void = () => {}): Promise<BenchResult[]> {
  const dir = join(__dirname, 'cases');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
  const results: BenchResult[] = [];
  for (const f of files) {
    const mod = require(join(dir, f)) as { cases?: BenchCase[] };
    for (const c of mod.cases ?? []) {
      if (filter && !c.name.includes(filter)) continue;
      print(`bench ${c.name} ...`);
      let got: BenchResult[];
      try {
        got = await c.run();
      } catch (e) {
        got = [{ name: `${c.name}: failed`, value: 1, unit: 'error', target: 0, detail: (e as Error).message.split('\n')[0] }];
      }
      for (const r of got) print(resultLine(r));
      results.push(...got);
    }
  }
  return results;
}

async function main(): Promise<number> {
  const results = await runBench(process.argv[2], (line) => process.stdout.write(line + '\n'));
  const missed = results.filter((r) => r.target !== null && r.value > r.target);
  process.stdout.write(`\n${results.length - missed.length} ok, ${missed.length} missed\n`);
  for (const r of missed) process.stdout.write(`${resultLine(r)}\n`);
  return missed.length ? 1 : 0;
}

if (require.main === module) {
  main().then((c) => { process.exitCode = c; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
}
