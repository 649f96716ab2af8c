/** bin/start.js (`npm start`): the staleness check that decides whether to run the build. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staleness } = require('../../bin/start.js') as { staleness(root: string): string | null };

const root = mkdtempSync(join(tmpdir(), 'benchval-start-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(rel: string, secondsAgo: number): void {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, '');
  const t = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(p, t, t);
}

describe('npm start staleness check', () => {
  it('builds on the first run, not when dist is newer than every source, again when a source is newer', () => {
    file('src/a.ts', 100);
    file('package.json', 100);
    expect(staleness(root)).toBe('building (first run, ~15 s)…');
    file('dist/cli/main.js', 50);
    file('dist/.tsbuildinfo', 50);
    expect(staleness(root)).toBeNull();
    file('src/deep/b.ts', 10); // newer than the build
    expect(staleness(root)).toBe('sources changed since the last build: rebuilding…');
    file('dist/.tsbuildinfo', 0);
    expect(staleness(root)).toBeNull();
    file('tsconfig.json', -5); // a compiler setting changed after the build
    expect(staleness(root)).toMatch(/rebuilding/);
  });
});
