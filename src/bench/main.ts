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

export async function runBench(filter?: string): Promise<BenchResult[]> {
  const dir = join(__dirname, 'cases');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
  const results: BenchResult[] = [];
  for (const f of files) {
    const mod = require(join(dir, f)) as { cases?: BenchCase[] };
    for (const c of mod.cases ?? []) {
      if (filter && !c.name.includes(filter)) continue;
      process.stdout.write(`bench ${c.name} ...\n`);
      results.push(...(await c.run()));
    }
  }
  return results;
}

async function main(): Promise<number> {
  const results = await runBench(process.argv[2]);
  let missed = 0;
  for (const r of results) {
    const ok = r.target === null || r.value <= r.target;
    if (!ok) missed++;
    const target = r.target === null ? '' : ` (target <= ${r.target} ${r.unit})`;
    process.stdout.write(`${ok ? 'ok  ' : 'MISS'} ${r.name}: ${r.value.toFixed(3)} ${r.unit}${target}${r.detail ? ' ' + r.detail : ''}\n`);
  }
  return missed ? 1 : 0;
}

if (require.main === module) {
  main().then((c) => { process.exitCode = c; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
}
