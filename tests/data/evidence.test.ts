import * as fs from 'fs';
import * as path from 'path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkEvidence, DEFAULT_SEEDS_DIR, locateSeeds, readArticles, squashWhiteSpace } from '../../src/data/evidence';
import { IssueList } from '../../src/data/errors';
import { readSources } from '../../src/data';
import { runValidation } from '../../src/cli/commands/validate';
import { cleanupFixtureDirs, scratchDir, SEEDS_FIXTURE_DIR, VALID_DIR } from './fixture-dirs';

afterAll(cleanupFixtureDirs);
const envBefore = process.env.BENCHVAL_SEEDS_DIR;
afterEach(() => {
  if (envBefore === undefined) delete process.env.BENCHVAL_SEEDS_DIR; else process.env.BENCHVAL_SEEDS_DIR = envBefore;
});

describe('locating the articles', () => {
  it('defaults to ../shared/seeds beside the project', () => {
    expect(DEFAULT_SEEDS_DIR).toBe(path.resolve(__dirname, '../../../shared/seeds'));
  });

  it('takes the option first, then BENCHVAL_SEEDS_DIR, then the default folder when it exists', () => {
    const other = scratchDir('other-seeds');
    process.env.BENCHVAL_SEEDS_DIR = other;
    expect(locateSeeds({ seedsDir: SEEDS_FIXTURE_DIR })).toEqual({ dir: SEEDS_FIXTURE_DIR, given: 'option' });
    expect(locateSeeds({})).toEqual({ dir: other, given: 'env' });
    delete process.env.BENCHVAL_SEEDS_DIR;
    expect(locateSeeds({ defaultSeedsDir: SEEDS_FIXTURE_DIR })).toEqual({ dir: SEEDS_FIXTURE_DIR, given: 'default' });
  });

  it('says why there are no articles when the default folder does not exist', () => {
    delete process.env.BENCHVAL_SEEDS_DIR;
    const gone = path.join(scratchDir('no-seeds'), 'seeds');
    expect(locateSeeds({ defaultSeedsDir: gone })).toEqual({
      dir: null, reason: `no --seeds DIR or BENCHVAL_SEEDS_DIR given, and ${gone} (the articles beside the project) does not exist`,
    });
  });

  it('fails on a folder given that does not exist', () => {
    const gone = path.join(scratchDir('gone'), 'nothing');
    expect(() => locateSeeds({ seedsDir: gone })).toThrow(`seeds folder ${gone} (from --seeds) does not exist`);
    process.env.BENCHVAL_SEEDS_DIR = gone;
    expect(() => locateSeeds({})).toThrow(`seeds folder ${gone} (from BENCHVAL_SEEDS_DIR) does not exist`);
  });
});

describe('evidence against the articles', () => {
  it('compares with every white space removed, full-width spaces included', () => {
    expect(squashWhiteSpace(' 市销率\n(P/S) 约为\u300025\t倍 ')).toBe('市销率(P/S)约为25倍');
  });

  it('finds phrases whose white space differs, and reports the others at their row', () => {
    const seeds = scratchDir('tiny-seeds');
    // synthetic article: the phrase broken over two lines and spaced differently
    fs.writeFileSync(path.join(seeds, 'a.txt'), '合成文本。其市销率\n(P/S)约为 25倍，仅供测试。');
    const sources = [{ id: 'src-a', seed_file: 'a.txt' }, { id: 'src-b', seed_file: 'b.txt' }] as unknown as Parameters<typeof readArticles>[1];
    const issues = new IssueList();
    const articles = readArticles(scratchDir('tiny-data'), sources, seeds, issues);
    // b.txt does not exist: reported once at sources.csv (no such file here, so line 0), its rows skipped
    expect(issues.items).toEqual([expect.objectContaining({ column: 'seed_file', message: expect.stringMatching(/^'b\.txt' not found in the seeds folder/) })]);
    expect([...articles.keys()]).toEqual(['src-a']);
    const rows = [
      { id: 'ok', source: 'src-a', evidence: '市销率(P/S) 约为 25 倍', file: 'multiples.csv', line: 2 },
      { id: 'other-number', source: 'src-a', evidence: '市销率(P/S)约为 26 倍', file: 'multiples.csv', line: 3 },
      { id: 'no-article', source: 'src-b', evidence: '任何', file: 'multiples.csv', line: 4 },
    ];
    const found = new IssueList();
    checkEvidence(rows, articles, found);
    expect(found.items).toEqual([{
      file: 'multiples.csv', line: 3, column: 'evidence',
      message: "'市销率(P/S)约为 26 倍' does not occur in the article of 'src-a' (white space aside)",
    }]);
  });

  it('reads only plain UTF-8 files inside the seeds folder', () => {
    const seeds = scratchDir('guarded-seeds');
    const outside = scratchDir('outside-seeds');
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'not an article');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(seeds, 'link.txt'));
    fs.mkdirSync(path.join(seeds, 'folder.txt'));
    fs.writeFileSync(path.join(seeds, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    fs.writeFileSync(path.join(seeds, 'fine.txt'), '合成文本');
    const sources = ['link.txt', 'folder.txt', 'latin1.txt', 'fine.txt', '../outside-seeds/secret.txt']
      .map((f, i) => ({ id: `s${i}`, seed_file: f })) as unknown as Parameters<typeof readArticles>[1];
    const issues = new IssueList();
    const articles = readArticles(scratchDir('guarded-data'), sources, seeds, issues);
    expect([...articles.keys()]).toEqual(['s3']);
    expect(issues.items.map((i) => i.message)).toEqual([
      expect.stringMatching(/^'link\.txt' leads outside the seeds folder .* \(to .*outside-seeds\/secret\.txt\)$/),
      expect.stringMatching(/^'folder\.txt' in the seeds folder .* is not a plain file$/),
      // 'caf' then 0xE9 at offset 3
      expect.stringMatching(/^'latin1\.txt': not UTF-8: invalid byte 0xE9 at byte offset 3 /),
      // '../outside-seeds/secret.txt' is reported where sources.csv is read (not a plain file name) and not read here
    ]);
  });

  it('reports a missing seed file at its sources.csv row', () => {
    const issues = new IssueList();
    readArticles(VALID_DIR, readSources({ dataDir: VALID_DIR }), scratchDir('empty-seeds'), issues);
    expect(issues.items.map((i) => [path.basename(i.file), i.line, i.column])).toEqual([
      ['sources.csv', 2, 'seed_file'], ['sources.csv', 3, 'seed_file'], ['sources.csv', 4, 'seed_file'],
      ['sources.csv', 5, 'seed_file'], ['sources.csv', 6, 'seed_file'],
    ]);
  });
});

const REAL_DATA = path.resolve(__dirname, '../../data');
const haveArticles = fs.existsSync(DEFAULT_SEEDS_DIR);

describe.skipIf(!haveArticles)(`the committed data against the articles in ${DEFAULT_SEEDS_DIR} (skipped when that folder does not exist)`, () => {
  it('every seed file exists and every fact and claim evidence occurs in its article', () => {
    delete process.env.BENCHVAL_SEEDS_DIR;
    const v = runValidation({ dataDir: REAL_DATA });
    expect(v.evidence).toEqual({ checked: true, dir: DEFAULT_SEEDS_DIR, articles: 5 });
    expect(v.issues.filter((i) => i.column === 'evidence' || i.column === 'seed_file')).toEqual([]);
    expect(v.dataset.facts.length).toBeGreaterThanOrEqual(180);
    expect(v.claims.length).toBeGreaterThanOrEqual(60);
  });

  it('the valid fixture quotes the articles too', () => {
    delete process.env.BENCHVAL_SEEDS_DIR;
    expect(runValidation({ dataDir: VALID_DIR }).issues).toEqual([]);
  });
});
