/**
 * Kill test: `benchval all` killed with SIGKILL at points spread over its run leaves the output
 * folder holding one complete set, the old or the new: manifest.json is one of the two runs'
 * manifests and every file it lists is there with its size and hash, and nothing else is (dot
 * entries aside: a killed run's staging folder and lock, which the next run removes). Runs the
 * built CLI (`npm test` builds dist/ first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const FIXTURE = join(ROOT, 'tests/data/fixtures/valid');
const FIXTURE_SEEDS = join(ROOT, 'tests/data/fixtures/seeds');
const out = mkdtempSync(join(tmpdir(), 'benchval-kill-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The two data sets the runs alternate between (their outputs differ). */
const RUNS = [
  ['all', '--out', out, '--no-png'],
  ['all', '--out', out, '--no-png', '--data-dir', FIXTURE, '--seeds', FIXTURE_SEEDS],
];

interface Manifest { files: { path: string; bytes: number; sha256: string }[] }

function filesUnder(dir: string, base = ''): string[] {
  return readdirSync(join(dir, base)).filter((n) => !n.startsWith('.')).flatMap((n) => {
    const rel = base ? `${base}/${n}` : n;
    return statSync(join(dir, rel)).isDirectory() ? filesUnder(dir, rel) : [rel];
  });
}

/** The manifest of the complete set in `out`; fails when the folder holds anything else. */
function completeSet(): string {
  const text = readFileSync(join(out, 'manifest.json'), 'utf8');
  const m = JSON.parse(text) as Manifest;
  for (const f of m.files) {
    const bytes = readFileSync(join(out, f.path));
    expect(bytes.length, f.path).toBe(f.bytes);
    expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
  }
  expect(filesUnder(out).sort()).toEqual([...m.files.map((f) => f.path), 'manifest.json'].sort());
  return text;
}

function runToEnd(args: string[]): void {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

function killAfter(args: string[], ms: number): Promise<string> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => { clearTimeout(timer); done(signal ?? `exit ${code}`); });
  });
}

describe('SIGKILL during all', () => {
  it('leaves the old or the new complete set, and the next run recovers', async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} not found: run 'npm run build' first (npm test does)`);
    runToEnd(RUNS[1]);
    const b = completeSet();
    runToEnd(RUNS[0]);
    const a = completeSet();
    expect(a).not.toBe(b);
    const outcomes: string[] = [];
    // kill points spread over a run (about 0.5 s to start, 2-3 s in all on 2 cores)
    for (const [i, ms] of [150, 400, 700, 1000, 1300, 1700, 2100, 2600].entries()) {
      completeSet();
      const how = await killAfter(RUNS[(i + 1) % 2], ms);
      outcomes.push(how);
      const after = completeSet();
      expect([a, b]).toContain(after);
    }
    // at least one run was killed mid-way
    expect(outcomes).toContain('SIGKILL');
    // the next run takes over the dead run's lock and removes its staging folder
    runToEnd(RUNS[0]);
    expect(completeSet()).toBe(a);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 120000);
});

describe('two all runs on one folder', () => {
  it('a run finding the folder locked by a live run stops at once naming it; the lock of a dead run is taken over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'benchval-concurrent-'));
    // a live holder: a process that sleeps while "its" run is in progress (an all run of the
    // committed data can finish before a second process starts, so the holder is staged)
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, '.benchval.lock'), JSON.stringify({ pid: holder.pid, started: '2026-01-01T00:00:00.000Z' }) + '\n');
      const second = spawnSync(process.execPath, [CLI, 'all', '--out', dir, '--no-png'], { cwd: ROOT, encoding: 'utf8' });
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(new RegExp(`^benchval all: output folder ${dir} is in use by another benchval run \\(pid ${holder.pid}, since 2026-01-01T00:00:00.000Z\\)`));
      expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
      // the holder dies without releasing the lock: the next run takes it over and completes
      holder.kill('SIGKILL');
      await new Promise((r) => holder.on('exit', r));
      const third = spawnSync(process.execPath, [CLI, 'all', '--out', dir, '--no-png'], { cwd: ROOT, encoding: 'utf8' });
      expect(third.status, third.stderr).toBe(0);
      expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
      expect(existsSync(join(dir, '.benchval.lock'))).toBe(false);
    } finally {
      holder.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);
});

describe('SIGTERM during all', () => {
  it('exits 143, keeps the previous set and leaves no staging folder or lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'benchval-sigterm-'));
    try {
      runToEndIn(dir);
      const before = readFileSync(join(dir, 'manifest.json'), 'utf8');
      const child = spawn(process.execPath, [CLI, 'all', '--out', dir, '--no-png'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (d) => { err += String(d); });
      const done = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      // wait for the charts stage: the run is past validation, with a staging folder
      const deadline = Date.now() + 30000;
      while (!err.includes('benchval all: charts') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      child.kill('SIGTERM');
      expect(await done).toBe(143);
      expect(err).toContain(`benchval all: stopped by SIGTERM; ${dir} keeps the previous run`);
      expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(before);
      expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);
});

function runToEndIn(dir: string): void {
  const r = spawnSync(process.execPath, [CLI, 'all', '--out', dir, '--no-png'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}
