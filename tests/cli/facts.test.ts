import * as path from 'path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { command as facts } from '../../src/cli/commands/facts';
import { FACT_TABLES } from '../../src/types';
import { brokenDir, cleanupFixtureDirs } from '../data/fixture-dirs';
import { runCommand } from './capture';

const VALID_DIR = path.resolve(__dirname, '../data/fixtures/valid');

const run = runCommand;

const COMMON_KEYS = [
  'id', 'table', 'entity', 'metric', 'quantity', 'value', 'low', 'high', 'unit', 'currency', 'qualifier',
  'as_of', 'period_start', 'period_end', 'event', 'source', 'seed_file', 'evidence', 'note',
];

afterEach(() => { delete process.env.BENCHVAL_DATA_DIR; });
afterAll(cleanupFixtureDirs);

describe('benchval facts', () => {
  it('--json prints every fact with the export keys', async () => {
    const { code, out } = await run(facts, ['--json', '--data-dir', VALID_DIR]);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(25);
    for (const r of rows) {
      expect(Object.keys(r).slice(0, COMMON_KEYS.length)).toEqual(COMMON_KEYS);
      expect(FACT_TABLES).toContain(r.table);
      expect(typeof r.evidence).toBe('string');
      expect(r.seed_file).toMatch(/^\d{3}_[0-9a-f]+\.txt$/);
    }
    const v = rows.find((r) => r.id === 'tmt-stepfun-valuation-bplus')!;
    // 200-300亿元 -> 2e10 .. 3e10, midpoint 2.5e10
    expect(v).toMatchObject({ value: 2.5e10, low: 2e10, high: 3e10, currency: 'CNY', basis: 'post-money', line: 2 });
    expect(Object.keys(v)).toEqual([...COMMON_KEYS, 'basis', 'file', 'line']);
    const b = rows.find((r) => r.id === 'qb-step-3.5-flash-score-aime2025-pacore')!;
    expect(b).toMatchObject({ benchmark: 'AIME 2025', variant: 'PaCoRe', value: 99.9 });
    const f = rows.find((r) => r.id === 'qb-stepfun-funding_amount-bplus')!;
    // 超50亿元: JSON null for the open upper bound
    expect(f).toMatchObject({ low: 5e9, high: null, qualifier: 'over', round: 'B+' });
  });

  it('filters by --table and --entity', async () => {
    const t = JSON.parse((await run(facts, ['--json', '--table', 'model_specs', '--data-dir', VALID_DIR])).out);
    expect(t).toHaveLength(6);
    const e = JSON.parse((await run(facts, ['--json', '--entity', 'stepfun', '--data-dir', VALID_DIR])).out);
    expect(e.map((r: { id: string }) => r.id).sort()).toEqual([
      'qb-stepfun-funding_amount-bplus', 'tmt-stepfun-api_calls_growth', 'tmt-stepfun-ps_ratio', 'tmt-stepfun-valuation-bplus',
    ]);
    const both = JSON.parse((await run(facts, ['--json', '--table', 'valuations', '--entity', 'stepfun', '--data-dir', VALID_DIR])).out);
    expect(both).toHaveLength(1);
  });

  it('reads BENCHVAL_DATA_DIR', async () => {
    process.env.BENCHVAL_DATA_DIR = VALID_DIR;
    const { code, out } = await run(facts, ['--json', '--table', 'multiples']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([expect.objectContaining({ id: 'tmt-stepfun-ps_ratio', value: 25, qualifier: 'approx' })]);
  });

  it('prints an aligned table without --json', async () => {
    const { code, out } = await run(facts, ['--table', 'valuations', '--data-dir=' + VALID_DIR]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    // header, rule, three rows
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^id +entity +metric +quantity +value +qualifier +date +source$/);
    expect(lines[2]).toContain('CNY 25bn');
    expect(lines[3]).toContain('HKD 95.5bn');
    // the value column starts at the same display position (CJK characters count 2) in every row
    const cells = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\ua4cf\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    const at = (line: string, text: string) => cells(line.slice(0, line.indexOf(text)));
    expect(at(lines[2], 'CNY 25bn')).toBe(at(lines[0], 'value'));
    expect(at(lines[3], 'HKD 95.5bn')).toBe(at(lines[0], 'value'));
    expect(at(lines[4], 'USD 625bn')).toBe(at(lines[0], 'value'));
  });

  it('rejects bad arguments with exit code 2', async () => {
    expect((await run(facts, ['--table', 'nope', '--data-dir', VALID_DIR])).code).toBe(2);
    expect((await run(facts, ['--entity', 'nobody', '--data-dir', VALID_DIR])).code).toBe(2);
    expect((await run(facts, ['--bogus'])).code).toBe(2);
    expect((await run(facts, ['--data-dir'])).code).toBe(2);
  });

  it('exits 1 and lists the problems on invalid data', async () => {
    const { code, out, err } = await run(facts, ['--json', '--data-dir', brokenDir('unknown-entity')]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/valuations\.csv:2: column 'entity': unknown entity 'stepfunn'/);
  });
});


