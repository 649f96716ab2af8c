import { afterAll, describe, expect, it } from 'vitest';
import {
  DataValidationError, FACT_FRAME_COLUMNS, loadAssumptions, loadEntities, loadFacts, loadSources, loadTable,
  recordsToFrame,
} from '../../src/data';
import { brokenDir, cleanupFixtureDirs, VALID_DIR } from './fixture-dirs';
import { rowsToFrame } from '../../src/data/frames';

const opts = { dataDir: VALID_DIR };
afterAll(cleanupFixtureDirs);

describe('danfojs-node loaders', () => {
  it('loads one table with typed columns', () => {
    const df = loadTable('valuations', opts);
    expect(df.shape).toEqual([3, FACT_FRAME_COLUMNS.length + 3]);
    expect(df.columns).toEqual([...FACT_FRAME_COLUMNS, 'basis', 'file', 'line']);
    const dtypes = Object.fromEntries(df.columns.map((c, i) => [c, df.dtypes[i]]));
    expect(dtypes).toMatchObject({ value: 'float32', low: 'float32', high: 'float32', line: 'int32', id: 'string', basis: 'string' });
    // 200-300亿元 midpoint 2.5e10; 5000-7500亿美元 high 7.5e11
    expect(df['value'].values[0]).toBe(2.5e10);
    expect(df['high'].values[2]).toBe(7.5e11);
    expect(df['line'].values).toEqual([2, 3, 4]);
  });

  it('loads all facts as one long table, numbers as doubles, missing as NaN / null', () => {
    const df = loadFacts(opts);
    expect(df.shape[0]).toBe(25);
    for (const c of ['benchmark', 'variant', 'round', 'investors', 'basis']) expect(df.columns).toContain(c);
    const ids = df['id'].values as string[];
    const at = (id: string, col: string) => (df[col].values as unknown[])[ids.indexOf(id)];
    expect(at('jz-step-2-mini-price_input', 'value')).toBe(1e-6);
    expect(at('ne-minimax-revenue-2025-9m', 'value')).toBe(53437000);
    // 超50亿元 has no upper bound: NaN in the frame
    expect(Number.isNaN(at('qb-stepfun-funding_amount-bplus', 'high'))).toBe(true);
    expect(at('qb-stepfun-funding_amount-bplus', 'basis')).toBeNull();
    expect(at('tmt-stepfun-valuation-bplus', 'basis')).toBe('post-money');
    // sum of the three financials: 53437000 + 465000000 - 2358000000 = -1839563000
    const fin = df.query(df['table'].eq('financials'));
    expect(fin['value'].sum()).toBe(-1839563000);
  });

  it('keeps values danfo would label int32 or round in float32', () => {
    const df = recordsToFrame([{ v: 5.5e12 }, { v: 2 }, { v: 1e-6 }], ['v'], ['float32']);
    expect(df.dtypes).toEqual(['float32']);
    expect(df['v'].values).toEqual([5.5e12, 2, 1e-6]);
    // 5.5e12 + 2 + 1e-6
    expect(df['v'].sum()).toBe(5.5e12 + 2 + 1e-6);
  });

  it('loads sources, entities and assumptions', () => {
    expect(loadSources(opts).shape).toEqual([5, 8]);
    const e = loadEntities(opts);
    expect(e.shape).toEqual([14, 7]); // id, kind, name_en, name_zh, parent, note, aliases
    expect(e.dtypes.every((d) => d === 'string')).toBe(true);
    // the 2026-01 rates move together: 7.25 CNY/USD x 0.128 USD/HKD = 0.928 CNY/HKD
    const a = loadAssumptions({ ...opts, overrides: { 'usd-cny-2026-01': 7.25, 'hkd-cny-2026-01': 0.928 } });
    expect(a.shape).toEqual([4, 7]);
    expect(a.dtypes[a.columns.indexOf('value')]).toBe('float32');
    expect(a['value'].values).toEqual([7.15, 7.25, 0.128, 0.928]);
  });

  it('throws DataValidationError on broken data', () => {
    expect(() => loadTable('valuations', { dataDir: brokenDir('unknown-entity') })).toThrow(DataValidationError);
    expect(() => loadFacts({ dataDir: brokenDir('wrong-column-count') })).toThrow(/deployments\.csv:4: expected 13 fields/);
  });
});

describe('queryable and rowsToFrame', () => {
  it('chains queries three deep on a loaded frame', () => {
    const df = loadFacts({ dataDir: VALID_DIR });
    const money = df.query(df['unit'].eq('money'));
    const cny = money.query(money['currency'].eq('CNY'));
    const big = cny.query(cny['value'].gt(1e9));
    // every row left is money in CNY above 1e9, and the labels run 0..n-1
    expect(big.shape[0]).toBeGreaterThan(0);
    expect(big.index).toEqual([...Array(big.shape[0]).keys()]);
    expect((big['value'].values as number[]).every((v) => v > 1e9)).toBe(true);
  });

  it('builds a frame from records: numbers numeric, lists joined, missing numbers NaN', () => {
    const df = rowsToFrame([{ id: 'a', x: 1.5, tags: ['p', 'q'] }, { id: 'b', x: null, tags: [] }]);
    expect(df.columns).toEqual(['id', 'x', 'tags']);
    expect(df['x'].values[0]).toBe(1.5);
    expect(Number.isNaN(df['x'].values[1] as number)).toBe(true);
    expect(df['tags'].values).toEqual(['p;q', '']);
    const once = df.query(df['id'].eq('b'));
    expect(once.query(once['id'].eq('b')).shape[0]).toBe(1);
  });
});
