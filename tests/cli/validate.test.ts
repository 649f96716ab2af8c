import * as fs from 'fs';
import * as path from 'path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { command as validate } from '../../src/cli/commands/validate';
import { brokenDir, cleanupFixtureDirs, scratchDir, SEEDS_FIXTURE_DIR, VALID_DIR } from '../data/fixture-dirs';
import { runCommand } from './capture';

const REAL_DATA = path.resolve(__dirname, '../../data');
/** the fixture seeds as validate prints them (relative to the working directory when inside it) */
const SEEDS_SHOWN = path.relative(process.cwd(), SEEDS_FIXTURE_DIR);

const run = (argv: string[]) => runCommand(validate, argv);

/** A copy of the committed data with `files` replaced (null: removed). */
function dataCopy(name: string, files: Record<string, string | null>): string {
  const dir = scratchDir(name);
  for (const f of fs.readdirSync(REAL_DATA)) if (f.endsWith('.csv')) fs.copyFileSync(path.join(REAL_DATA, f), path.join(dir, f));
  for (const [f, text] of Object.entries(files)) {
    if (text === null) fs.rmSync(path.join(dir, f)); else fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

const envBefore = process.env.BENCHVAL_SEEDS_DIR;
afterEach(() => {
  if (envBefore === undefined) delete process.env.BENCHVAL_SEEDS_DIR; else process.env.BENCHVAL_SEEDS_DIR = envBefore;
});
afterAll(cleanupFixtureDirs);

describe('benchval validate', () => {
  it('prints the counts and where the evidence was checked', async () => {
    const { code, out, err } = await run(['--data-dir', VALID_DIR, '--seeds', SEEDS_FIXTURE_DIR]);
    expect(err).toBe('');
    expect(out).toBe(`ok: 25 facts in 8 tables, 14 entities, 5 sources, 4 assumptions, 3 claims; evidence found in 5 articles in ${SEEDS_SHOWN}\n`);
    expect(code).toBe(0);
  });

  it('takes --seeds=DIR and BENCHVAL_SEEDS_DIR', async () => {
    expect((await run([`--data-dir=${VALID_DIR}`, `--seeds=${SEEDS_FIXTURE_DIR}`])).code).toBe(0);
    process.env.BENCHVAL_SEEDS_DIR = SEEDS_FIXTURE_DIR;
    const { code, out } = await run(['--data-dir', VALID_DIR]);
    expect(code).toBe(0);
    expect(out).toContain(`evidence found in 5 articles in ${SEEDS_SHOWN}`);
  });

  it('lists claim problems as file:line: column: message and exits 1', async () => {
    const { code, out } = await run(['--data-dir', brokenDir('claim-unknown-fact'), '--seeds', SEEDS_FIXTURE_DIR]);
    expect(code).toBe(1);
    expect(out.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/claims\.csv:4: column 'expression': unknown fact or assumption id 'tmt-stepfun-revenue-2099e' at character 31 of 'tmt-stepfun-valuation-bplus \/ tmt-stepfun-revenue-2099e'$/),
      '1 problem(s) found',
    ]);
  });

  it('names evidence that is not in the article', async () => {
    const { code, out } = await run(['--data-dir', brokenDir('evidence-not-in-article'), '--seeds', SEEDS_FIXTURE_DIR]);
    expect(code).toBe(1);
    expect(out).toMatch(/financials\.csv:3: column 'evidence': '4\.65億美元及5\.12億美元' does not occur in the article of 'netease-202601' \(white space aside\)\n1 problem\(s\) found\n$/);
  });

  it('rejects a seeds folder that does not exist, and bad arguments, with exit 2', async () => {
    const gone = path.join(scratchDir('no-such-seeds'), 'x');
    const r = await run(['--data-dir', VALID_DIR, '--seeds', gone]);
    expect([r.code, r.out, r.err]).toEqual([2, '', `benchval validate: seeds folder ${gone} (from --seeds) does not exist\n`]);
    expect((await run(['--seeds'])).code).toBe(2);
    expect((await run(['--seeds='])).code).toBe(2);
    expect((await run(['--bogus'])).code).toBe(2);
    const help = await run(['--help']);
    expect([help.code, help.out]).toEqual([0, 'usage: benchval validate [--data-dir DIR] [--seeds DIR]\n']);
  });
});

describe('benchval validate on copies of the committed data', () => {
  const claims = fs.readFileSync(path.join(REAL_DATA, 'claims.csv'), 'utf8');

  it('reports a claim that references a fact id no table has', async () => {
    const line = claims.split('\n').findIndex((l) => l.startsWith('tmt-stepfun-ps-about-25x,')) + 1;
    expect(line).toBeGreaterThan(1);
    const edited = claims.replace(
      'tmt-stepfun-valuation-post-bplus / tmt-stepfun-revenue-2025e,,200', 'tmt-stepfun-valuation-post-bplus / tmt-stepfun-revenue-2099e,,200',
    );
    expect(edited).not.toBe(claims);
    const { code, out } = await run(['--data-dir', dataCopy('claim-2099e', { 'claims.csv': edited }), '--seeds', SEEDS_FIXTURE_DIR]);
    expect(code).toBe(1);
    expect(out).toMatch(new RegExp(`claims\\.csv:${line}: column 'expression': unknown fact or assumption id 'tmt-stepfun-revenue-2099e'`));
  });

  it('reports a missing fact table by name', async () => {
    const { code, out } = await run(['--data-dir', dataCopy('no-multiples', { 'multiples.csv': null })]);
    expect(code).toBe(1);
    expect(out).toMatch(/multiples\.csv: cannot read file \(ENOENT\): the file is missing/);
  });
});

describe('benchval validate on broken fixtures', () => {
  it('prints every problem and exits 1', async () => {
    // the overlay directory alone has no sources.csv, entities.csv, ...: each is reported
    const { code, out } = await run(['--data-dir', path.resolve(__dirname, '../data/fixtures/broken/unknown-entity')]);
    expect(code).toBe(1);
    const lines = out.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe(`${lines.length - 1} problem(s) found`);
    expect(out).toMatch(/sources\.csv: cannot read file \(ENOENT\)/);
    expect(out).toMatch(/entities\.csv: cannot read file \(ENOENT\)/);
    // with entities.csv and sources.csv unreadable, rows are not checked against them: the
    // overlay's valuations.csv (unknown entity 'stepfunn' on line 2) adds no follow-on problem;
    // 11 tables of 12 are missing (only valuations.csv is there)
    expect(out).not.toMatch(/valuations\.csv:2/);
    expect(lines[lines.length - 1]).toBe('11 problem(s) found');
  });

  it('reports a broken fixture with file, line and column', async () => {
    const { code, out } = await run(['--data-dir', brokenDir('bad-date')]);
    expect(code).toBe(1);
    expect(out).toMatch(/deployments\.csv:2: column 'as_of': bad date '2026-02-30'/);
    expect(out.trimEnd().split('\n')).toHaveLength(2);
  });
});
