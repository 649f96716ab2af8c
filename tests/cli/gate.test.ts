/**
 * `validate` is the gate of `all`: for every broken fixture both exit non-zero and both print
 * the fixture's problem at the same file and line (all prints exactly validate's list), and
 * `all` writes nothing.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command as all } from '../../src/cli/commands/all';
import { command as validate } from '../../src/cli/commands/validate';
import { CASES, prefix } from '../data/broken-cases';
import { brokenDir, cleanupFixtureDirs, SEEDS_FIXTURE_DIR } from '../data/fixture-dirs';
import { runCommand } from './capture';

const outRoot = mkdtempSync(join(tmpdir(), 'benchval-gate-'));
afterAll(() => { cleanupFixtureDirs(); rmSync(outRoot, { recursive: true, force: true }); });

/** The problem lines of a run's stdout (without the count line). */
function problems(out: string): string[] {
  return out.split('\n').filter((l) => l !== '' && !/^\d+ problem\(s\) found$/.test(l));
}

describe('validate and all agree on every broken fixture', () => {
  it.each(Object.entries(CASES))('%s', async (name, exp) => {
    const dir = brokenDir(name);
    const out = join(outRoot, name);
    const v = await runCommand(validate, ['--data-dir', dir, '--seeds', SEEDS_FIXTURE_DIR]);
    const a = await runCommand(all, ['--data-dir', dir, '--seeds', SEEDS_FIXTURE_DIR, '--out', out, '--no-png']);
    expect(v.code).toBe(1);
    expect(a.code).toBe(1);
    const where = join(dir, exp.file);
    const expected = `${where}${prefix(exp).slice(exp.file.length)}`;
    const vHit = problems(v.out).find((l) => l.startsWith(expected));
    expect(vHit, v.out).toBeDefined();
    expect(problems(a.out)).toContain(vHit);
    expect(problems(a.out)).toEqual(problems(v.out));
    expect(a.err).toMatch(/benchval all: \d+ problem\(s\) in the data; nothing was written/);
    // nothing written: no output, staging folder or lock left
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
