/**
 * All or nothing for the main job's output. The files are written into a staging folder inside
 * the output folder (same filesystem); when every file is there, a journal lists the top-level
 * entries to move, and each is renamed into place (the old one moved aside first). A run killed
 * before the journal leaves the old set untouched; one killed while moving is completed by the
 * next run (recoverOutDir rolls the journal forward before anything else), so the output folder
 * holds one complete run, old or new. `manifest.json`, written last into the staging folder,
 * lists every file of the run with its size and SHA-256.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeFileAtomic } from './writeFile';

export const STAGING_PREFIX = '.benchval-staging-';
export const BACKUP_PREFIX = '.benchval-old-';
export const JOURNAL_FILE = '.benchval-commit.json';
export const MANIFEST_FILE = 'manifest.json';

interface Journal { staging: string; backup: string; entries: string[] }

export interface ManifestEntry { path: string; bytes: number; sha256: string }

/** A fresh staging folder inside `outDir`. */
export function createStaging(outDir: string): string {
  return mkdtempSync(join(outDir, STAGING_PREFIX));
}

/** Every file under `dir`, relative with '/' separators, sorted. */
function filesUnder(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, base));
    else out.push(relative(base, p).split('\\').join('/'));
  }
  return out;
}

/** Writes `manifest.json` into the staging folder: every file written so far with size and hash. */
export function writeManifest(staging: string): string {
  const files: ManifestEntry[] = filesUnder(staging).filter((f) => f !== MANIFEST_FILE).map((f) => {
    const bytes = readFileSync(join(staging, f));
    return { path: f, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  const path = join(staging, MANIFEST_FILE);
  writeFileAtomic(path, JSON.stringify({ files }, null, 2) + '\n');
  return path;
}

/** Test hook: called after each entry is moved into place while committing. */
export interface CommitHooks { afterMove?: (entry: string, index: number) => void }

function rollForward(outDir: string, j: Journal, hooks: CommitHooks = {}): void {
  j.entries.forEach((e, i) => {
    const src = join(j.staging, e);
    const dst = join(outDir, e);
    const old = join(j.backup, e);
    if (!existsSync(src)) return; // moved before an interruption
    if (existsSync(dst)) {
      if (existsSync(old)) rmSync(dst, { recursive: true, force: true });
      else renameSync(dst, old);
    }
    renameSync(src, dst);
    hooks.afterMove?.(e, i);
  });
  rmSync(join(outDir, JOURNAL_FILE), { force: true });
  rmSync(j.backup, { recursive: true, force: true });
  rmSync(j.staging, { recursive: true, force: true });
}

/** Moves every top-level entry of the staging folder into `outDir`, replacing the old ones. */
export function commitStaging(outDir: string, staging: string, hooks: CommitHooks = {}): void {
  const entries = readdirSync(staging).sort();
  const backup = mkdtempSync(join(outDir, BACKUP_PREFIX));
  const journal: Journal = { staging, backup, entries };
  writeFileAtomic(join(outDir, JOURNAL_FILE), JSON.stringify(journal) + '\n');
  rollForward(outDir, journal, hooks);
}

/**
 * Completes a commit a killed run left half done, and removes the staging and backup folders
 * and temporary files killed runs left. Call with the output folder's lock held.
 */
export function recoverOutDir(outDir: string): void {
  const journalPath = join(outDir, JOURNAL_FILE);
  if (existsSync(journalPath)) {
    let j: Journal | null = null;
    try { j = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal; } catch { /* written atomically: unreadable means none */ }
    if (j) rollForward(outDir, j);
    rmSync(journalPath, { force: true });
  }
  for (const name of readdirSync(outDir)) {
    if (name.startsWith(STAGING_PREFIX) || name.startsWith(BACKUP_PREFIX) || /^\..+\.tmp-\d+-\d+$/.test(name)) {
      rmSync(join(outDir, name), { recursive: true, force: true });
    }
  }
}

/** Removes a staging folder after a failure (the output folder keeps the old set). */
export function discardStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}
