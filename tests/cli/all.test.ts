/**
 * `benchval all` (the main job) on the real data through the built CLI (`npm test` builds
 * dist/ first; this test does not build): every output is written, each path is printed, and a
 * second run gives the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

function runAll(out: string): string[] {
  const stdout = execFileSync(process.execPath, [CLI, 'all', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  return stdout.split('\n').filter((l) => l.length > 0);
}

describe('benchval all', () => {
  let out: string;
  let lines: string[];

  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} not found: run 'npm run build' first (npm test does)`);
    out = mkdtempSync(join(tmpdir(), 'benchval-all-'));
    lines = runAll(out);
  }, 180000);

  it('prints every path it writes, and each exists', () => {
    const paths = lines.filter((l) => l.startsWith(out));
    const expected = [
      ...CHARTS.flatMap((c) => [`charts/${c.name}.vl.json`, `charts/${c.name}.svg`, `charts/${c.name}.png`]),
      'metrics/derived.json', 'metrics/derived.csv', 'audit/findings.json', 'audit/report.md',
      'data/facts.json', 'data/facts.csv', 'report/index.html', 'manifest.json',
    ];
    expect(paths.map((p) => relative(out, p))).toEqual(expected);
    for (const p of paths) expect(statSync(p).size, p).toBeGreaterThan(0);
    // 8 charts x 3 files + 7 other files + manifest.json = 32
    expect(lines.at(-1)).toMatch(/^wrote 32 files in \d+\.\d\d s$/);
  });

  it('lists every other file in manifest.json with its size and SHA-256, and leaves nothing else behind', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { path: string; bytes: number; sha256: string }[] };
    const printed = lines.filter((l) => l.startsWith(out)).map((p) => relative(out, p)).filter((p) => p !== 'manifest.json');
    expect(manifest.files.map((f) => f.path).sort()).toEqual([...printed].sort());
    for (const f of manifest.files) {
      const bytes = readFileSync(join(out, f.path));
      expect(bytes.length, f.path).toBe(f.bytes);
      expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
    }
    // no staging folder, lock, journal or temporary file
    expect(readdirSync(out).sort()).toEqual(['audit', 'charts', 'data', 'manifest.json', 'metrics', 'report']);
  });

  it('writes the facts export with one row per fact', () => {
    const facts = JSON.parse(readFileSync(join(out, 'data/facts.json'), 'utf8')) as { id: string }[];
    const csvText = readFileSync(join(out, 'data/facts.csv'), 'utf8');
    // UTF-8 byte order mark, then the header
    expect(csvText.startsWith('\uFEFFid,table,entity,')).toBe(true);
    const csvRows = csvText.trimEnd().split('\n');
    expect(facts.length).toBeGreaterThan(0);
    // header + one line per fact (no fact text in this data spans lines)
    expect(csvRows.length).toBe(facts.length + 1);
  });

  it('writes PNG files', () => {
    const png = readFileSync(join(out, 'charts/funding.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('writes the same chart, export and report bytes on a second run', () => {
    const again = mkdtempSync(join(tmpdir(), 'benchval-all-'));
    runAll(again);
    for (const f of ['charts/valuations.svg', 'charts/valuations.vl.json', 'data/facts.csv', 'metrics/derived.csv', 'audit/report.md', 'report/index.html']) {
      expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    }
    expect(existsSync(join(again, 'report/index.html'))).toBe(true);
  }, 60000);
});
