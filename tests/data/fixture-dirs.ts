/**
 * Fixture data directories: `valid/` is a complete small data set; each `broken/<case>/` holds
 * only the files that differ from it, and brokenDir() lays them over a copy of `valid/`; a file
 * `REMOVE` in a case lists files of `valid/` the case leaves out, one per line. `seeds/` holds
 * synthetic article texts containing the evidence phrases of `valid/` (not the articles).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const VALID_DIR = path.resolve(__dirname, 'fixtures/valid');
export const BROKEN_ROOT = path.resolve(__dirname, 'fixtures/broken');
export const SEEDS_FIXTURE_DIR = path.resolve(__dirname, 'fixtures/seeds');
/** Marker file of a broken case: names of files to remove from the copy of valid/. */
const REMOVE = 'REMOVE';

let tmpRoot: string | null = null;

/** A fresh temporary directory for data sets (removed by cleanupFixtureDirs). */
export function scratchDir(name: string): string {
  if (!tmpRoot) tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'benchval-data-'));
  const dir = path.join(tmpRoot, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A copy of the valid fixture with `files` (name -> content) replaced or added. */
export function validCopy(name: string, files: Record<string, string | Buffer | null> = {}): string {
  const dir = scratchDir(name);
  for (const f of fs.readdirSync(VALID_DIR)) fs.copyFileSync(path.join(VALID_DIR, f), path.join(dir, f));
  for (const [f, content] of Object.entries(files)) {
    if (content === null) fs.rmSync(path.join(dir, f));
    else fs.writeFileSync(path.join(dir, f), content);
  }
  return dir;
}

/** The valid fixture with broken/<name>/ laid over it. */
export function brokenDir(name: string): string {
  const overlay = path.join(BROKEN_ROOT, name);
  if (!fs.existsSync(overlay)) throw new Error(`no broken fixture '${name}'`);
  const files: Record<string, string | Buffer | null> = {};
  for (const f of fs.readdirSync(overlay)) {
    // copied as bytes: some cases hold files that are not UTF-8 on purpose
    const bytes = fs.readFileSync(path.join(overlay, f));
    if (f !== REMOVE) files[f] = bytes;
    else for (const gone of bytes.toString('utf8').split('\n').map((l) => l.trim()).filter(Boolean)) files[gone] = null;
  }
  return validCopy(name, files);
}

export function cleanupFixtureDirs(): void {
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
  tmpRoot = null;
}
