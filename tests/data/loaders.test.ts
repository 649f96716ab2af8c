import * as fs from 'fs';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DataValidationError, readAssumptions, readDataset, readEntities, readFacts, readFactTable, readSources,
  validateData,
} from '../../src/data';
import { convertMoney } from '../../src/units';
import { factInterval } from '../../src/metrics/tolerance';
import { FACT_TABLES } from '../../src/types';
import { cleanupFixtureDirs, VALID_DIR, validCopy } from './fixture-dirs';

const opts = { dataDir: VALID_DIR };
afterAll(cleanupFixtureDirs);

describe('plain loaders on the valid fixture', () => {
  it('reads sources', () => {
    const s = readSources(opts);
    expect(s).toHaveLength(5);
    expect(s[0]).toMatchObject({ id: 'qbitai-20260227', published: '2026-02-27', seed_file: '000_deb369909d0c8340.txt' });
    // tmtpost-2026 has no url: null, not ''
    expect(s.find((x) => x.id === 'tmtpost-2026')!.url).toBeNull();
  });

  it('reads entities with parents', () => {
    const e = readEntities(opts);
    expect(e).toHaveLength(14);
    expect(e.find((x) => x.id === 'step-3')).toMatchObject({ kind: 'model', parent: 'stepfun' });
    expect(e.find((x) => x.id === 'stepfun')!.parent).toBeNull();
  });

  it('reads assumptions and applies overrides by id', () => {
    const a = readAssumptions(opts);
    expect(a.map((x) => x.id)).toEqual(['usd-cny-2025-06', 'usd-cny-2026-01', 'hkd-usd-2026-01', 'hkd-cny-2026-01']);
    expect(a[1]).toMatchObject({ value: 7, unit: 'CNY/USD', as_of: '2026-01' });
    // usd-cny-2025-06 is in no triangle (no other rate of 2025-06): it moves alone
    const o = readAssumptions({ ...opts, overrides: { 'usd-cny-2025-06': 7.3 } });
    expect(o[0].value).toBe(7.3);
    expect(o[1].value).toBe(7);
    // the 2026-01 triangle moves together: 7.2 CNY/USD x 0.128 USD/HKD = 0.9216 CNY/HKD
    const all = readAssumptions({ ...opts, overrides: { 'usd-cny-2026-01': 7.2, 'hkd-cny-2026-01': 0.9216 } });
    expect(all.map((x) => x.value)).toEqual([7.15, 7.2, 0.128, 0.9216]);
    // usd-cny-2026-01 alone leaves 0.896 against 0.9216: 0.9216 / 0.896 = 1.02857, 2.86% apart
    expect(() => readAssumptions({ ...opts, overrides: { 'usd-cny-2026-01': 7.2 } })).toThrow(
      /assumptions\.csv:5: column 'value': FX rates of 2026-01 disagree: usd-cny-2026-01 \(7\.2 CNY\/USD, overridden\) x hkd-usd-2026-01 \(0\.128 USD\/HKD\) = 0\.9216 CNY\/HKD, but hkd-cny-2026-01 is 0\.896 CNY\/HKD; 2\.86% apart/,
    );
    expect(() => readAssumptions({ ...opts, overrides: { 'eur-cny': 7.8 } })).toThrow(/unknown assumption id 'eur-cny'/);
  });

  it('reads one fact table with parsed values, column qualifier and extra columns', () => {
    const v = readFactTable('valuations', opts);
    expect(v).toHaveLength(3);
    // 200-300亿元: [2e10, 3e10], midpoint 2.5e10; the qualifier column says estimate
    expect(v[0]).toMatchObject({
      id: 'tmt-stepfun-valuation-bplus', table: 'valuations', value: 2.5e10, low: 2e10, high: 3e10,
      qualifier: 'estimate', currency: 'CNY', basis: 'post-money', seed_file: '001_e8eff2d0261bc750.txt', line: 2,
    });
    expect(v[0].file.endsWith(path.join('valid', 'valuations.csv'))).toBe(true);
    // 955億港元 = 9.55e10 HKD, qualifier from the quantity (exact)
    expect(v[1]).toMatchObject({ value: 9.55e10, currency: 'HKD', qualifier: 'exact', basis: 'market-cap', line: 3 });
  });

  it('reads every fact table', () => {
    const facts = readFacts(opts);
    const counts = Object.fromEntries(FACT_TABLES.map((t) => [t, facts.filter((f) => f.table === t).length]));
    expect(counts).toEqual({
      benchmarks: 3, funding_rounds: 2, valuations: 3, financials: 3, multiples: 1, deployments: 4, model_specs: 6, market: 3,
    });
    expect(new Set(facts.map((f) => f.id)).size).toBe(25);
    const rev = facts.find((f) => f.id === 'ne-minimax-revenue-2025-9m')!;
    // 5343.7萬美元 = 53437000 USD over 2025-01-01 .. 2025-09-30
    expect(rev).toMatchObject({ value: 53437000, unit: 'money', currency: 'USD', period_start: '2025-01-01', period_end: '2025-09-30', as_of: null });
    const price = facts.find((f) => f.id === 'jz-step-2-mini-price_input')!;
    expect(price).toMatchObject({ value: 1e-6, unit: 'money/token', currency: 'CNY' });
    // 80% with the qualifier column 'over' (written 超 80%): [80, none)
    const share = facts.find((f) => f.id === 'tmt-china-llm-industry-share-big-five')!;
    expect(share).toMatchObject({ value: 80, low: 80, high: null, qualifier: 'over' });
    const funding = facts.find((f) => f.id === 'qb-stepfun-funding_amount-bplus')!;
    expect(funding).toMatchObject({ value: 5e9, low: 5e9, high: null, qualifier: 'over', round: 'B+', investors: null });
  });

  it('validates clean and reads the whole data set', () => {
    expect(validateData(opts)).toEqual([]);
    const d = readDataset(opts);
    expect(d.tables).toEqual([...FACT_TABLES]);
    expect([d.facts.length, d.entities.length, d.sources.length, d.assumptions.length]).toEqual([25, 14, 5, 4]);
  });

  it('uses BENCHVAL_DATA_DIR when no dataDir is given', () => {
    const before = process.env.BENCHVAL_DATA_DIR;
    process.env.BENCHVAL_DATA_DIR = VALID_DIR;
    try {
      expect(readEntities()).toHaveLength(14);
    } finally {
      if (before === undefined) delete process.env.BENCHVAL_DATA_DIR; else process.env.BENCHVAL_DATA_DIR = before;
    }
  });

  it('fails on a missing table file, naming it, in every loader', () => {
    const dir = validCopy('no-multiples', { 'multiples.csv': null });
    const missing = /multiples\.csv: cannot read file \(ENOENT\): the file is missing/;
    expect(() => readFacts({ dataDir: dir })).toThrow(missing);
    expect(() => readDataset({ dataDir: dir })).toThrow(missing);
    expect(() => readFactTable('multiples', { dataDir: dir })).toThrow(missing);
    expect(readFactTable('valuations', { dataDir: dir })).toHaveLength(3);
    expect(() => readFactTable('nope' as never, { dataDir: dir })).toThrow(/unknown fact table 'nope'/);
  });

  it.each(['sources.csv', 'entities.csv', 'assumptions.csv', ...FACT_TABLES.map((t) => `${t}.csv`)])(
    'reports a missing %s as an error on the file',
    (file) => {
      const dir = validCopy(`missing-${file}`, { [file]: null });
      const hit = validateData({ dataDir: dir }).find((i) => i.file.endsWith(file) && i.line === 0);
      expect(hit).toMatchObject({ column: null, message: expect.stringMatching(/^cannot read file \(ENOENT\): the file is missing/) });
      expect(path.resolve(hit!.file)).toBe(path.join(dir, file));
    },
  );

  it('keeps the open bound of a labelled quantity: 超百万辆 as a forecast is [1e6, +inf)', () => {
    const csv = fs.readFileSync(path.join(VALID_DIR, 'deployments.csv'), 'utf8').trimEnd()
      + '\nqb-stepfun-vehicles_with_model-2026,stepfun,vehicles_with_model,超百万辆,vehicles,,forecast,,2026-01-01,2026-12-31,'
      + 'qbitai-20260227,预计2026年搭载量超百万辆,\n';
    const dir = validCopy('labelled-open-bound', { 'deployments.csv': csv });
    const f = readFactTable('deployments', { dataDir: dir }).find((x) => x.id === 'qb-stepfun-vehicles_with_model-2026')!;
    // 超百万辆: 百万 = 1e6, written 超 -> low 1e6, no high; the column adds the label forecast
    expect(f).toMatchObject({ value: 1e6, low: 1e6, high: null, qualifier: 'forecast', line: 6 });
    expect(factInterval(f, 'stated')).toEqual({ lo: 1e6, hi: Infinity });
    // forecast tolerance 10% on the closed side: 1e6 - 1e5 = 9e5
    expect(factInterval(f, 'tolerant')).toEqual({ lo: 9e5, hi: Infinity });
  });

  it('numbers records by the line they start on, across quoted line breaks', () => {
    const csv = fs.readFileSync(path.join(VALID_DIR, 'financials.csv'), 'utf8').split('\n');
    // line 2 gets a note spanning two lines, so the next record starts on line 4
    csv[1] = csv[1] + '"first part\nsecond part"';
    const dir = validCopy('multiline', { 'financials.csv': csv.join('\n') });
    const f = readFactTable('financials', { dataDir: dir });
    expect(f[0]).toMatchObject({ line: 2, note: 'first part\nsecond part' });
    expect(f.map((x) => x.line)).toEqual([2, 4, 5]);
  });
});

describe('the project assumptions file', () => {
  it('is valid and its implied HKD/CNY rate matches the two others', () => {
    const a = readAssumptions({ dataDir: path.resolve(__dirname, '../../data') });
    const byId = new Map(a.map((x) => [x.id, x]));
    for (const x of a) expect(x.rationale).toMatch(/^Analyst (assumption|choice)/);
    // 7.00 CNY/USD x 0.128 USD/HKD = 0.896 CNY/HKD
    expect(byId.get('usd-cny-2026-01')!.value * byId.get('hkd-usd-2026-01')!.value).toBeCloseTo(byId.get('hkd-cny-2026-01')!.value, 10);
    // 1210亿 HKD x 0.896 = 1084.16亿 CNY
    expect(convertMoney(1.21e11, 'HKD', 'CNY', a, '2026-01')).toBeCloseTo(1.08416e11, 0);
  });
});

describe('DataValidationError', () => {
  it('is an Error with the issue list', () => {
    const e = new DataValidationError([{ file: 'data/x.csv', line: 3, column: 'unit', message: 'empty' }]);
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe("data/x.csv:3: column 'unit': empty");
  });
});
