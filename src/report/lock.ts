/**
 * One writer per output folder: `benchval all` holds `<out>/.benchval.lock` (the process id and
 * start time) while it runs. A second run on the same folder stops at once with a message
 * naming the holder; a lock left by a process that no longer exists (killed) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = '.benchval.lock';

export class OutLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutLockedError';
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of `outDir` (which must exist); returns the function that releases it. */
export function lockOutDir(outDir: string): () => void {
  const path = join(outDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try { writeSync(fd, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }) + '\n'); } finally { closeSync(fd); }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: { pid?: number; started?: string } = {};
      try { holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder; } catch { /* unreadable: treated as stale */ }
      if (holder.pid !== undefined && alive(holder.pid)) {
        throw new OutLockedError(
          `output folder ${outDir} is in use by another benchval run (pid ${holder.pid}, since ${holder.started ?? '?'}); `
          + `wait for it to finish, or remove ${path} if that process is not benchval`);
      }
      rmSync(path, { force: true }); // left by a run that was killed
    }
  }
  throw new OutLockedError(`output folder ${outDir}: cannot take the lock ${path}`);
}
