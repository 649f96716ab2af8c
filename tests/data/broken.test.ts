import * as fs from 'fs';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataValidationError, formatIssue, readDataset, validateData } from '../../src/data';
import { runValidation } from '../../src/cli/commands/validate';
import { BROKEN_ROOT, brokenDir, cleanupFixtureDirs, SEEDS_FIXTURE_DIR, VALID_DIR } from './fixture-dirs';
import { CASES, prefix } from './broken-cases';

afterAll(cleanupFixtureDirs);


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
    if (exp.total !== undefined) expect(v.issues.length, v.issues.map(formatIssue).join('\n')).toBe(exp.total);
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
