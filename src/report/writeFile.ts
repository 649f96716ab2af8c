/**
 * Writing one output file so that it is never seen half-written: the bytes go to a temporary
 * file beside it, which is then renamed over it (rename is atomic within a folder). A failure
 * (full disk, permissions) removes the temporary file and names the file being written.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

export class OutputWriteError extends Error {
  constructor(readonly path: string, cause: unknown) {
    const err = cause as NodeJS.ErrnoException;
    const what = err.code === 'ENOSPC' ? 'ENOSPC: no space left on the device' : err.code ?? err.message;
    super(`cannot write ${path} (${what})`);
    this.name = 'OutputWriteError';
  }
}

/** Writes `data` to `path` through a temporary file and a rename; creates the folder. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${counter++}`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new OutputWriteError(path, e);
  }
}
