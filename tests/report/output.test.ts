/** The output folder: checked before use, locked, written all or nothing. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockOutDir, OutLockedError } from '../../src/report/lock';
import { OutDirError, prepareOutDir } from '../../src/report/outDir';
import { commitStaging, createStaging, JOURNAL_FILE, recoverOutDir, writeManifest } from '../../src/report/stage';
import { OutputWriteError, writeFileAtomic } from '../../src/report/writeFile';

const root = mkdtempSync(join(tmpdir(), 'benchval-out-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fresh(name: string): string {
  const d = join(root, name);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  return d;
}

/** A staged run: charts/a.svg and data/facts.json holding `tag`, and its manifest. */
function stagedRun(out: string, tag: string): string {
  const s = createStaging(out);
  writeFileAtomic(join(s, 'charts', 'a.svg'), `<svg>${tag}</svg>`);
  writeFileAtomic(join(s, 'data', 'facts.json'), `["${tag}"]`);
  writeManifest(s);
  return s;
}

function contents(out: string): Record<string, string> {
  return {
    svg: readFileSync(join(out, 'charts', 'a.svg'), 'utf8'),
    json: readFileSync(join(out, 'data', 'facts.json'), 'utf8'),
  };
}

describe('prepareOutDir', () => {
  it('fails at once on a pseudo-filesystem, naming the folder', () => {
    // /proc/self exists; Node's recursive mkdir below it never returns, so this also shows it is not called
    expect(() => prepareOutDir('/proc/self')).toThrow(new OutDirError('output folder /proc/self is on the proc pseudo-filesystem, which holds no files; choose a folder on disk'));
    expect(() => prepareOutDir('/proc/self/report/x')).toThrow(/^output folder \/proc\/self\/report\/x is on the proc pseudo-filesystem/);
    expect(() => prepareOutDir('/sys/benchval')).toThrow(/on the sysfs pseudo-filesystem/);
  });

  it('fails when a part of the path is a file', () => {
    const f = join(root, 'a-file');
    writeFileSync(f, 'x');
    expect(() => prepareOutDir(join(f, 'out'))).toThrow(`output folder ${join(f, 'out')}: ${f} is a file, not a folder`);
  });

  it('creates missing folders and leaves no probe behind', () => {
    const d = join(root, 'new', 'deep', 'out');
    expect(prepareOutDir(d)).toBe(d);
    expect(readdirSync(d)).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('fails on a folder it may not write to', () => {
    const d = fresh('read-only');
    rmSync(d, { recursive: true });
    mkdirSync(d, { mode: 0o555 });
    expect(() => prepareOutDir(d)).toThrow(/is not writable \(EACCES: permission denied\)/);
  });
});

describe('writeFileAtomic', () => {
  it('names the file it cannot write and leaves no temporary file', () => {
    const d = fresh('atomic');
    mkdirSync(join(d, 'x.json')); // a folder where the file should go: the rename fails
    let err: unknown;
    try { writeFileAtomic(join(d, 'x.json'), '{}'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(OutputWriteError);
    expect((err as Error).message).toMatch(new RegExp(`^cannot write ${join(d, 'x.json')} \\(E`));
    expect(readdirSync(d)).toEqual(['x.json']);
  });
});

describe('lock', () => {
  it('refuses a second writer while the first holds the lock, and frees it after', () => {
    const d = fresh('lock');
    const release = lockOutDir(d);
    expect(() => lockOutDir(d)).toThrow(OutLockedError);
    expect(() => lockOutDir(d)).toThrow(new RegExp(`in use by another benchval run \\(pid ${process.pid}, since `));
    release();
    expect(existsSync(join(d, LOCK_FILE))).toBe(false);
    lockOutDir(d)();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const d = fresh('stale-lock');
    // pid 2^22 + 1 is above Linux's pid_max ceiling (2^22): no such process
    writeFileSync(join(d, LOCK_FILE), JSON.stringify({ pid: 4194305, started: '2026-01-01T00:00:00Z' }));
    const release = lockOutDir(d);
    expect(JSON.parse(readFileSync(join(d, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    release();
  });
});

describe('staging and commit', () => {
  it('replaces the old set by the new one and removes the staging folder', () => {
    const out = fresh('commit');
    commitStaging(out, stagedRun(out, 'old'));
    commitStaging(out, stagedRun(out, 'new'));
    expect(contents(out)).toEqual({ svg: '<svg>new</svg>', json: '["new"]' });
    expect(readdirSync(out).sort()).toEqual(['charts', 'data', 'manifest.json']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const sha = createHash('sha256').update('<svg>new</svg>').digest('hex');
    // '<svg>new</svg>' is 14 bytes
    expect(manifest.files).toContainEqual({ path: 'charts/a.svg', bytes: 14, sha256: sha });
  });

  it('a commit interrupted after the first move is completed by the next run', () => {
    const out = fresh('interrupted');
    commitStaging(out, stagedRun(out, 'old'));
    const staging = stagedRun(out, 'new');
    // entries move in sorted order: charts, data, manifest.json; stop after charts
    expect(() => commitStaging(out, staging, { afterMove: (e) => { if (e === 'charts') throw new Error('killed'); } })).toThrow('killed');
    // mid-way: new charts, old data, and the journal saying what is left
    expect(contents(out)).toEqual({ svg: '<svg>new</svg>', json: '["old"]' });
    expect(existsSync(join(out, JOURNAL_FILE))).toBe(true);
    recoverOutDir(out);
    expect(contents(out)).toEqual({ svg: '<svg>new</svg>', json: '["new"]' });
    expect(readdirSync(out).sort()).toEqual(['charts', 'data', 'manifest.json']);
  });

  it('a run killed before the commit leaves the old set and its staging folder is removed next time', () => {
    const out = fresh('before-commit');
    commitStaging(out, stagedRun(out, 'old'));
    stagedRun(out, 'half');
    expect(readdirSync(out).some((n) => n.startsWith('.benchval-staging-'))).toBe(true);
    recoverOutDir(out);
    expect(contents(out)).toEqual({ svg: '<svg>old</svg>', json: '["old"]' });
    expect(readdirSync(out).sort()).toEqual(['charts', 'data', 'manifest.json']);
  });
});
