/**
 * Synthetic evaluation logs for the large-table benchmarks: `rows` per-sample scores of
 * MODELS x BENCHMARKS, as CSV and (through DuckDB) its Parquet copy. Deterministic: row i is
 * model i % MODELS, benchmark (i / MODELS) % BENCHMARKS, sample i, score from a small hash.
 *
 * CLI: `node dist/bench/tables.js --rows 1000000 --out DIR` prints the two files.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const MODELS = ['Step 3.5 Flash', 'DeepSeek-V3.2', 'Qwen3-235B-A22B', 'Kimi K2', 'GLM-4.6', 'MiniMax-M2', 'GPT-5', 'Claude Opus 4.5',
  'Gemini 3 Pro', 'Llama 4 Maverick'];
export const BENCHMARKS = ['AIME 2025', 'GPQA Diamond', 'LiveCodeBench', 'SWE-bench Verified', 'MMLU-Pro', 'HLE', 'BrowseComp', 'tau2-bench'];

function score(i: number): number {
  let h = Math.imul(i ^ 0x9e3779b9, 2654435761) >>> 0;
  h ^= h >>> 15;
  return Math.round((((h >>> 0) % 10000) / 100) * 10) / 10;
}

/** Writes `rows` rows to DIR/evals.csv; resolves with its path. */
export async function writeEvalCsv(dir: string, rows: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'evals.csv');
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('model,benchmark,sample,score,passed\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const s = score(i);
    chunk += `${MODELS[i % MODELS.length]},${BENCHMARKS[Math.floor(i / MODELS.length) % BENCHMARKS.length]},${i},${s},${s >= 50}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
  return file;
}

/** The Parquet copy of a CSV (DuckDB COPY), next to it; resolves with its path. */
export async function csvToParquet(csv: string): Promise<string> {
  const { DuckDBInstance } = require('@duckdb/node-api') as typeof import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const parquet = csv.replace(/\.csv$/, '.parquet');
  await conn.run(`COPY (SELECT * FROM read_csv('${csv.replace(/'/g, "''")}', header = true)) TO '${parquet.replace(/'/g, "''")}' (FORMAT parquet)`);
  conn.closeSync();
  db.closeSync();
  return parquet;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const get = (n: string) => {
    const i = args.indexOf(`--${n}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const out = get('out');
  if (!out) {
    process.stderr.write('usage: node dist/bench/tables.js --rows N --out DIR\n');
    process.exit(2);
  }
  writeEvalCsv(resolve(out), Number(get('rows') ?? '1000000')).then(async (csv) => {
    process.stdout.write(`${csv}\n${await csvToParquet(csv)}\n`);
  }, (e: unknown) => { console.error(e); process.exitCode = 1; });
}
