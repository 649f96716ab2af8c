import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCHMARKS, csvToParquet, MODELS, writeEvalCsv } from '../../src/bench/tables';
import { entityResolver, nameKey, readTable, readTableColumns, tableQuery } from '../../src/table';

const dir = mkdtempSync(join(tmpdir(), 'benchval-table-'));
let csv = '';
let parquet = '';
const jsonl = join(dir, 'evals.jsonl');
beforeAll(async () => {
  // 160 rows: model i % 10, benchmark floor(i / 10) % 8, score from a hash
  csv = await writeEvalCsv(dir, 160);
  parquet = await csvToParquet(csv);
  writeFileSync(jsonl, ['{"model":"Step 3.5 Flash","score":74.4}', '{"model":"step-3.5-flash","score":70}', '{"model":"Kimi K2","score":null}'].join('\n') + '\n');
}, 30000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readTable', () => {
  it('reads CSV, Parquet and JSON lines into the same columns', async () => {
    const a = await readTableColumns(csv);
    const b = await readTableColumns(parquet);
    expect(a.columns).toEqual(['model', 'benchmark', 'sample', 'score', 'passed']);
    expect(a.rows).toBe(160);
    expect(b.data.score).toEqual(a.data.score);
    expect(b.data.sample.slice(0, 3)).toEqual([0, 1, 2]); // integers as numbers, not bigint
    const j = await readTableColumns(jsonl);
    expect(j.data.score).toEqual([74.4, 70, null]);
  });
  it('pushes the filter down: 160 rows / 10 models = 16 rows of one model, 2 of them per benchmark', async () => {
    const t = await readTableColumns(parquet, { where: { model: 'Kimi K2', benchmark: ['AIME 2025', 'HLE'] }, select: ['sample', 'benchmark'] });
    // Kimi K2 is model 3: samples 3, 13, ..., 153; AIME 2025 is benchmark 0 (samples 0-9, 80-89), HLE 5 (50-59, 130-139)
    expect(t.columns).toEqual(['sample', 'benchmark']);
    expect(t.data.sample).toEqual([3, 53, 83, 133]);
  });
  it('groups and aggregates in the engine: 10 models x 8 benchmarks = 80 groups of 2', async () => {
    const df = await readTable(csv, { groupBy: ['model', 'benchmark'], aggregate: { n: ['count', '*'], best: ['max', 'score'] } });
    expect(df.shape).toEqual([80, 4]);
    expect(df.columns).toEqual(['model', 'benchmark', 'n', 'best']);
    const n = df.column('n').values as number[];
    expect(n.every((x) => x === 2)).toBe(true); // 160 rows / 80 groups
  });
  it('comparisons are bound as parameters, never pasted into SQL', () => {
    const q = tableQuery('x.csv', { where: { model: "O'Brien", score: { '>=': 50, '<': 90 } } });
    expect(q.sql).toBe(`SELECT * FROM read_csv('x.csv', header = true) WHERE "model" = $1 AND "score" >= $2 AND "score" < $3`);
    expect(q.params).toEqual(["O'Brien", 50, 90]);
  });
  it('a large result gets the same values through dictionary codes: row i is model i % 10, benchmark floor(i / 10) % 8', async () => {
    const big = await writeEvalCsv(join(dir, 'big'), 20_000); // >= DICTIONARY_MIN_ROWS, 10 and 8 distinct names
    const t = await readTableColumns(big);
    expect(t.rows).toBe(20_000);
    expect(t.data.model.every((m, i) => m === MODELS[i % 10])).toBe(true);
    expect(t.data.benchmark.every((b, i) => b === BENCHMARKS[Math.floor(i / 10) % 8])).toBe(true);
    expect(t.data.sample[19_999]).toBe(19_999);
  }, 30000);
  it('names the file and the problem', async () => {
    await expect(readTableColumns(join(dir, 'missing.csv'))).rejects.toThrow(/missing\.csv: file not found/);
    await expect(readTableColumns(csv, { select: ['nope'] })).rejects.toThrow(/evals\.csv: .*nope/);
    expect(() => tableQuery('x.txt')).toThrow(/x\.txt: unknown format/);
    expect(() => tableQuery('x.csv', { where: { a: { '~': 1 } as never } })).toThrow(/unknown comparison '~'/);
  });
  it('resolves model names to entities into an entity column', async () => {
    const entities = [{ id: 'step-3.5-flash', name_en: 'Step 3.5 Flash', name_zh: null, aliases: 'Step-3.5-Flash;阶跃3.5' }, { id: 'kimi-k2', name_en: 'Kimi K2' }];
    const t = await readTableColumns(jsonl, { resolve: { column: 'model', entities } });
    expect(t.data.entity).toEqual(['step-3.5-flash', 'step-3.5-flash', 'kimi-k2']);
  });
});

describe('entityResolver', () => {
  it('matches id, names and aliases without case, spaces, hyphens or dots; ambiguous names resolve to nothing', () => {
    const r = entityResolver([
      { id: 'stepfun', name_en: 'StepFun', name_zh: '阶跃星辰', aliases: ['Step Fun'] },
      { id: 'a', name_en: 'Same' }, { id: 'b', name_en: 'same' },
    ]);
    expect(nameKey(' Step 3.5-Flash ')).toBe('step35flash');
    // traditional script reads as simplified, as article names do: 智譜 is 智谱
    expect(entityResolver([{ id: 'zhipu', name_zh: '智谱' }])('智譜')).toBe('zhipu');
    expect([r('stepfun'), r('STEP FUN'), r('阶跃星辰'), r('step-fun'), r('Same'), r('unknown'), r(null)])
      .toEqual(['stepfun', 'stepfun', 'stepfun', 'stepfun', null, null, null]);
  });
});

describe('loadDanfo', () => {
  it('defers mathjs until a frame needs it; results are unchanged', async () => {
    const { loadDanfo } = await import('../../src/table/danfo');
    const loaded = () => Object.keys(require.cache).some((k) => /[\\/]node_modules[\\/]mathjs[\\/]/.test(k));
    const dfd = loadDanfo();
    const df = new dfd.DataFrame({ a: [1, 2, 3, 10], b: ['x', 'y', 'x', 'z'] });
    expect(df.shape).toEqual([4, 2]);
    expect(loaded()).toBe(false);
    expect(df.column('a').median()).toBe(2.5); // (2 + 3) / 2, through mathjs
    expect(loaded()).toBe(true);
  });
});
