/**
 * Where generated files go: the project's out/ folder unless `--out DIR` says otherwise.
 * prepareOutDir checks the folder before anything is computed: it must be on a real
 * filesystem (not /proc, /sys, ...), creatable and writable; otherwise it fails at once with a
 * message naming the folder. (Node's recursive mkdir never returns on /proc, so folders are
 * created one level at a time, after the filesystem check.)
 */
import { closeSync, existsSync, mkdirSync, openSync, statfsSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { takeValueOption } from '../cli/args';

/** The project's out/ folder (resolved from this file: the same from src/ and dist/). */
export const DEFAULT_OUT_DIR = resolve(__dirname, '../../out');

/** Takes `--out DIR` (or `--out=DIR`) out of command-line arguments; throws when DIR is missing. */
export function takeOutDirArg(argv: readonly string[]): { outDir?: string; rest: string[] } {
  const { value, rest } = takeValueOption(argv, 'out');
  return { outDir: value, rest };
}

/** Filesystem types (statfs magic numbers) that hold no files of ours. */
export const PSEUDO_FILESYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'proc'], [0x62656572, 'sysfs'], [0x1cd1, 'devpts'], [0x64626720, 'debugfs'], [0x74726163, 'tracefs'],
  [0x27e0eb, 'cgroup'], [0x63677270, 'cgroup2'], [0x73636673, 'securityfs'], [0xcafe4a11, 'bpf'], [0x6e736673, 'nsfs'],
  [0x50495045, 'pipefs'], [0x42494e4d, 'binfmt_misc'], [0x67596969, 'rpc_pipefs'],
]);

export class OutDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutDirError';
  }
}

function why(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    EROFS: 'read-only file system', EACCES: 'permission denied', EPERM: 'operation not permitted',
    ENOSPC: 'no space left on the device', ENOTDIR: 'a part of the path is a file', EEXIST: 'exists and is not a folder',
  };
  return err.code ? `${err.code}${known[err.code] ? `: ${known[err.code]}` : ''}` : err.message;
}

/**
 * Makes sure `dir` exists and can take files, creating missing folders; returns its absolute
 * path. Throws OutDirError when it is on a pseudo-filesystem, is a file, or cannot be created or
 * written to.
 */
export function prepareOutDir(dir: string): string {
  const abs = resolve(dir);
  let existing = abs;
  const missing: string[] = [];
  while (!existsSync(existing)) {
    missing.unshift(existing);
    const up = dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  let fsType: number;
  try {
    if (!statSync(existing).isDirectory()) throw new OutDirError(`output folder ${abs}: ${existing} is a file, not a folder`);
    fsType = Number(statfsSync(existing).type);
  } catch (e) {
    if (e instanceof OutDirError) throw e;
    throw new OutDirError(`output folder ${abs}: cannot inspect ${existing} (${why(e)})`);
  }
  const pseudo = PSEUDO_FILESYSTEMS.get(fsType);
  if (pseudo) throw new OutDirError(`output folder ${abs} is on the ${pseudo} pseudo-filesystem, which holds no files; choose a folder on disk`);
  for (const m of missing) {
    try { mkdirSync(m); } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new OutDirError(`output folder ${abs}: cannot create ${m} (${why(e)})`);
    }
  }
  const probe = join(abs, `.benchval-probe-${process.pid}`);
  try {
    const fd = openSync(probe, 'wx');
    try { writeSync(fd, 'probe'); } finally { closeSync(fd); }
    unlinkSync(probe);
  } catch (e) {
    throw new OutDirError(`output folder ${abs} is not writable (${why(e)})`);
  }
  return abs;
}
