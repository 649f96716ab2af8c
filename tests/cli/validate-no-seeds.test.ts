/**
 * `benchval validate` when the articles folder is not available: the default folder is pointed
 * at a path that does not exist (the real ../shared/seeds may well exist on this machine).
 */
import * as path from 'path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { command as validate } from '../../src/cli/commands/validate';
import { brokenDir, cleanupFixtureDirs, VALID_DIR } from '../data/fixture-dirs';
import { runCommand } from './capture';

const NO_SEEDS = vi.hoisted(() => `${__dirname}/no-such-seeds-folder`);

// vi.mock is hoisted above the imports, so validate sees this locateSeeds
vi.mock('../../src/data/evidence', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/data/evidence')>();
  return { ...real, locateSeeds: (opts: Parameters<typeof real.locateSeeds>[0] = {}) => real.locateSeeds({ ...opts, defaultSeedsDir: NO_SEEDS }) };
});

const run = (argv: string[]) => runCommand(validate, argv);

afterAll(cleanupFixtureDirs);
const envBefore = process.env.BENCHVAL_SEEDS_DIR;
afterEach(() => {
  if (envBefore === undefined) delete process.env.BENCHVAL_SEEDS_DIR; else process.env.BENCHVAL_SEEDS_DIR = envBefore;
});

const NOT_CHECKED = 'benchval validate: evidence not checked against the articles: no --seeds DIR or BENCHVAL_SEEDS_DIR given, '
  + `and ${path.relative(process.cwd(), NO_SEEDS)} (the articles beside the project) does not exist\n`;

describe('benchval validate without the articles', () => {
  it('says in one line that evidence was not checked, and why', async () => {
    delete process.env.BENCHVAL_SEEDS_DIR;
    const { code, out, err } = await run(['--data-dir', VALID_DIR]);
    expect(code).toBe(0);
    expect(out).toBe('ok: 25 facts in 8 tables, 14 entities, 5 sources, 4 assumptions, 3 claims\n');
    expect(err).toBe(NOT_CHECKED);
  });

  it('still checks everything else', async () => {
    delete process.env.BENCHVAL_SEEDS_DIR;
    const { code, out, err } = await run(['--data-dir', brokenDir('claim-unit-contradicts-stated')]);
    expect(code).toBe(1);
    expect(out).toMatch(/claims\.csv:4: column 'unit': 'percent' conflicts with the stated value '约25倍', which reads as multiple\n1 problem\(s\) found\n$/);
    expect(err).toBe(NOT_CHECKED);
  });
});
