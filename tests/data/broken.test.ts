import * as fs from 'fs';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataValidationError, formatIssue, readDataset, validateData } from '../../src/data';
import { runValidation } from '../../src/cli/commands/validate';
import { BROKEN_ROOT, brokenDir, cleanupFixtureDirs, SEEDS_FIXTURE_DIR, VALID_DIR } from './fixture-dirs';

afterAll(cleanupFixtureDirs);

/**
 * `data`: found by the data loaders (validateData, readDataset) and by `benchval validate`;
 * `validate`: claims and evidence, found by `benchval validate` only (runValidation).
 */
interface Expected { by: 'data' | 'validate'; file: string; line: number; column: string | null; message: RegExp }

const data = (file: string, line: number, column: string | null, message: RegExp): Expected => ({ by: 'data', file, line, column, message });
const validate = (file: string, line: number, column: string | null, message: RegExp): Expected => ({ by: 'validate', file, line, column, message });

/** One expected issue per broken fixture (file, line and column worked out from the fixture). */
const CASES: Record<string, Expected> = {
  'unknown-entity': data('valuations.csv', 2, 'entity', /unknown entity 'stepfunn'/),
  'unknown-source': data('funding_rounds.csv', 3, 'source', /unknown source 'tmtpost-2027'/),
  'unparseable-quantity': data('valuations.csv', 4, 'quantity', /cannot parse '5000-7500亿欧元' \(unknown unit '欧元'\)/),
  'missing-unit': data('deployments.csv', 3, 'unit', /empty/),
  'missing-currency': data('funding_rounds.csv', 2, 'currency', /unit 'money' needs CNY, USD or HKD/),
  'conflicting-currency': data('valuations.csv', 3, 'currency', /'USD' conflicts with '955億港元', which is in HKD/),
  'unit-conflict': data('model_specs.csv', 2, 'unit', /'parameters' conflicts with '50亿元', which reads as money/),
  'low-above-high': data('valuations.csv', 2, 'quantity', /low 30000000000 > high 20000000000/),
  'duplicate-fact-id': data('multiples.csv', 4, 'id', /duplicate fact id 'qb-stepfun-funding_amount-bplus' \(first at .*funding_rounds\.csv:2\)/),
  'header-missing-column': data('benchmarks.csv', 1, 'variant', /missing column in header/),
  'header-unknown-column': data('benchmarks.csv', 1, 'score', /unknown column/),
  'qualifier-contradiction': data('deployments.csv', 4, 'qualifier', /'over' contradicts the quantity '近4萬輛', which reads as nearly/),
  'bad-qualifier': data('multiples.csv', 2, 'qualifier', /'about' is not one of exact, approx/),
  'bad-date': data('deployments.csv', 2, 'as_of', /bad date '2026-02-30'/),
  'empty-evidence': data('financials.csv', 3, 'evidence', /empty \(required\)/),
  'evidence-number-missing': data('funding_rounds.csv', 2, 'evidence', /does not contain '60' of the quantity '超60亿元'/),
  'unknown-parent': data('entities.csv', 9, 'parent', /unknown parent entity 'stepfunx'/),
  'duplicate-entity-id': data('entities.csv', 6, 'id', /duplicate entity id 'zhipu' \(first at line 3\)/),
  'wrong-column-count': data('deployments.csv', 4, null, /expected 13 fields, found 12/),
  'bad-assumption': data('assumptions.csv', 3, 'value', /'seven' is not a number/),
  // a missing table is an error naming the file (line 0: the file as a whole)
  'missing-fact-table': data('multiples.csv', 0, null, /^cannot read file \(ENOENT\): the file is missing/),
  'unknown-unit': data('deployments.csv', 4, 'unit', /'vehicels' is not a known unit \(known: money, .*vehicles/),
  // revenue: two rows in money (lines 2 and 5), one in multiple (line 6)
  'metric-unit-mismatch': data('financials.csv', 6, 'unit',
    /metric 'revenue' is in 'multiple' here, but other rows of it use 'money' \(2 rows, first at .*financials\.csv:2\)/),
  // 7 CNY/USD x 0.128 USD/HKD = 0.896 CNY/HKD against 0.92: 0.896 / 0.92 = 0.97391, 2.61% apart
  'fx-triangle-mismatch': data('assumptions.csv', 5, 'value', new RegExp(
    'FX rates of 2026-01 disagree: usd-cny-2026-01 \\(7 CNY/USD\\) x hkd-usd-2026-01 \\(0\\.128 USD/HKD\\) = 0\\.896 CNY/HKD, '
    + 'but hkd-cny-2026-01 is 0\\.92 CNY/HKD; 2\\.61% apart, more than 0\\.5%\\. '
    + 'Override usd-cny-2026-01, hkd-usd-2026-01 and hkd-cny-2026-01 together')),
  'bad-assumption-unit': data('assumptions.csv', 3, 'unit', /'CNY per USD' is neither a currency pair QUOTE\/BASE/),
  'missing-claims': validate('claims.csv', 0, null, /^cannot read file \(ENOENT\): the file is missing/),
  // 'tmt-stepfun-valuation-bplus / ' is 30 characters, so the id starts at character 31
  'claim-unknown-fact': validate('claims.csv', 4, 'expression',
    /unknown fact or assumption id 'tmt-stepfun-revenue-2099e' at character 31 of/),
  'claim-unit-contradicts-stated': validate('claims.csv', 4, 'unit', /'percent' conflicts with the stated value '约25倍', which reads as multiple/),
  'claim-unknown-source': validate('claims.csv', 2, 'source', /unknown source 'qbitai-20990101'/),
  'claim-bad-expression': validate('claims.csv', 2, 'expression', /at character \d+ of '\(qb-step-3\.5-flash-score-aime2025-pacore/),
  'claim-duplicate-id': validate('claims.csv', 4, 'id', /duplicate id 'tmt-openai-round-dwarfs-stepfun' \(first on line 3\)/),
  'claim-unknown-unit': validate('claims.csv', 2, 'unit', /'points' is not a known unit/),
  'claim-stated-fact-unit': validate('claims.csv', 4, 'unit', /'percent' conflicts with the stated fact 'tmt-stepfun-ps_ratio', which is in 'multiple'/),
  'claim-refers-to-broken-fact': validate('claims.csv', 5, 'expression', /fact 'tmt-stepfun-api_calls_growth' has problems in its table/),
  'evidence-not-in-article': validate('financials.csv', 3, 'evidence',
    /'4\.65億美元及5\.12億美元' does not occur in the article of 'netease-202601' \(white space aside\)/),
  'claim-evidence-not-in-article': validate('claims.csv', 3, 'evidence', /'OpenAI 的 400 亿美元 D 轮融资仍是王者' does not occur in the article of 'tmtpost-2026'/),
  'seed-file-missing': validate('sources.csv', 4, 'seed_file', /'002_missing\.txt' not found in the seeds folder .*fixtures\/seeds/),
};

/** How formatIssue starts the line of the expected issue. */
function prefix(exp: Expected): string {
  const where = exp.line > 0 ? `${exp.file}:${exp.line}` : exp.file;
  return `${where}: ${exp.column === null ? '' : `column '${exp.column}': `}`;
}

describe('broken fixtures', () => {
  it('has a test case for every broken fixture directory', () => {
    expect(fs.readdirSync(BROKEN_ROOT).sort()).toEqual(Object.keys(CASES).sort());
  });

  it('the valid fixture passes every check, evidence included (against the synthetic seeds)', () => {
    const v = runValidation({ dataDir: VALID_DIR, seedsDir: SEEDS_FIXTURE_DIR });
    expect(v.issues).toEqual([]);
    expect(v.claims.map((c) => c.id)).toEqual(['qb-pacore-gain-aime2025', 'tmt-openai-round-dwarfs-stepfun', 'tmt-stepfun-ps-about-25x']);
    expect(v.evidence).toEqual({ checked: true, dir: SEEDS_FIXTURE_DIR, articles: 5 });
  });

  it.each(Object.entries(CASES))('%s', (name, exp) => {
    const dir = brokenDir(name);
    const v = runValidation({ dataDir: dir, seedsDir: SEEDS_FIXTURE_DIR });
    const hit = v.issues.find((i) => path.basename(i.file) === exp.file && i.line === exp.line && i.column === exp.column);
    expect(hit, JSON.stringify(v.issues, null, 1)).toBeDefined();
    expect(hit!.message).toMatch(exp.message);
    expect(path.resolve(hit!.file)).toBe(path.join(dir, exp.file));
    expect(formatIssue(hit!).endsWith(`${prefix(exp)}${hit!.message}`)).toBe(true);
    if (exp.by === 'validate') {
      // the loaders do not read claims or articles
      expect(validateData({ dataDir: dir }).some((i) => i.line === exp.line && i.column === exp.column && exp.message.test(i.message))).toBe(false);
      return;
    }
    const issues = validateData({ dataDir: dir });
    expect(issues).toContainEqual(hit);
    let err: unknown;
    try { readDataset({ dataDir: dir }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(DataValidationError);
    expect((err as DataValidationError).message).toContain(prefix(exp));
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
