import * as fs from 'fs';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataValidationError, readDataset, validateData } from '../../src/data';
import { BROKEN_ROOT, brokenDir, cleanupFixtureDirs } from './fixture-dirs';

afterAll(cleanupFixtureDirs);

interface Expected { file: string; line: number; column: string | null; message: RegExp }

/** One expected issue per broken fixture (file, line and column worked out from the fixture). */
const CASES: Record<string, Expected> = {
  'unknown-entity': { file: 'valuations.csv', line: 2, column: 'entity', message: /unknown entity 'stepfunn'/ },
  'unknown-source': { file: 'funding_rounds.csv', line: 3, column: 'source', message: /unknown source 'tmtpost-2027'/ },
  'unparseable-quantity': { file: 'valuations.csv', line: 4, column: 'quantity', message: /cannot parse '5000-7500亿欧元' \(unknown unit '欧元'\)/ },
  'missing-unit': { file: 'deployments.csv', line: 3, column: 'unit', message: /empty/ },
  'missing-currency': { file: 'funding_rounds.csv', line: 2, column: 'currency', message: /unit 'money' needs CNY, USD or HKD/ },
  'conflicting-currency': { file: 'valuations.csv', line: 3, column: 'currency', message: /'USD' conflicts with '955億港元', which is in HKD/ },
  'unit-conflict': { file: 'model_specs.csv', line: 2, column: 'unit', message: /'parameters' conflicts with '50亿元', which reads as money/ },
  'low-above-high': { file: 'valuations.csv', line: 2, column: 'quantity', message: /low 30000000000 > high 20000000000/ },
  'duplicate-fact-id': { file: 'multiples.csv', line: 4, column: 'id', message: /duplicate fact id 'qb-stepfun-funding_amount-bplus' \(first at .*funding_rounds\.csv:2\)/ },
  'header-missing-column': { file: 'benchmarks.csv', line: 1, column: 'variant', message: /missing column in header/ },
  'header-unknown-column': { file: 'benchmarks.csv', line: 1, column: 'score', message: /unknown column/ },
  'qualifier-contradiction': { file: 'deployments.csv', line: 4, column: 'qualifier', message: /'over' contradicts the quantity '近4萬輛', which reads as nearly/ },
  'bad-qualifier': { file: 'multiples.csv', line: 2, column: 'qualifier', message: /'about' is not one of exact, approx/ },
  'bad-date': { file: 'deployments.csv', line: 2, column: 'as_of', message: /bad date '2026-02-30'/ },
  'empty-evidence': { file: 'financials.csv', line: 3, column: 'evidence', message: /empty \(required\)/ },
  'evidence-number-missing': { file: 'funding_rounds.csv', line: 2, column: 'evidence', message: /does not contain '60' of the quantity '超60亿元'/ },
  'unknown-parent': { file: 'entities.csv', line: 9, column: 'parent', message: /unknown parent entity 'stepfunx'/ },
  'duplicate-entity-id': { file: 'entities.csv', line: 6, column: 'id', message: /duplicate entity id 'zhipu' \(first at line 3\)/ },
  'wrong-column-count': { file: 'deployments.csv', line: 4, column: null, message: /expected 13 fields, found 12/ },
  'bad-assumption': { file: 'assumptions.csv', line: 3, column: 'value', message: /'seven' is not a number/ },
};

describe('broken fixtures', () => {
  it('has a test case for every broken fixture directory', () => {
    expect(fs.readdirSync(BROKEN_ROOT).sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s', (name, exp) => {
    const dir = brokenDir(name);
    const issues = validateData({ dataDir: dir });
    const hit = issues.find((i) => path.basename(i.file) === exp.file && i.line === exp.line && i.column === exp.column);
    expect(hit, JSON.stringify(issues, null, 1)).toBeDefined();
    expect(hit!.message).toMatch(exp.message);
    expect(path.resolve(hit!.file)).toBe(path.join(dir, exp.file));
    let err: unknown;
    try { readDataset({ dataDir: dir }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(DataValidationError);
    const col = exp.column === null ? '' : `column '${exp.column}': `;
    expect((err as DataValidationError).message).toContain(`${exp.file}:${exp.line}: ${col}`);
    expect((err as DataValidationError).issues).toEqual(issues);
  });

  it('collects every problem, not only the first', () => {
    // duplicate-fact-id has a duplicate inside multiples.csv (line 3) and one across tables (line 4)
    const issues = validateData({ dataDir: brokenDir('duplicate-fact-id') });
    expect(issues.map((i) => [path.basename(i.file), i.line, i.column])).toEqual([
      ['multiples.csv', 3, 'id'], ['multiples.csv', 4, 'id'],
    ]);
  });
});
