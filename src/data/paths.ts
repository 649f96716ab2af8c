/**
 * Where the data lives. The default data directory is `data/` of the project (resolved from
 * this file, so it works from src/data and dist/data); `BENCHVAL_DATA_DIR` overrides it, and an
 * explicit `dataDir` option overrides both.
 */
import * as path from 'path';
import { takeValueOption } from '../cli/args';

export interface DataOptions {
  /** directory holding the CSV tables; default: env BENCHVAL_DATA_DIR, else the project's data/ */
  dataDir?: string;
}

/** The project's own data directory. */
export const DEFAULT_DATA_DIR = path.resolve(__dirname, '../../data');

/** Absolute data directory for the options (see the module comment for the order). */
export function resolveDataDir(opts: DataOptions = {}): string {
  const dir = opts.dataDir ?? (process.env.BENCHVAL_DATA_DIR || DEFAULT_DATA_DIR);
  return path.resolve(dir);
}

/** A file path as shown in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/**
 * Takes `--data-dir DIR` (or `--data-dir=DIR`) out of command-line arguments; returns the
 * directory (undefined when absent) and the remaining arguments. Throws when DIR is missing.
 */
export function takeDataDirArg(argv: readonly string[]): { dataDir?: string; rest: string[] } {
  const { value, rest } = takeValueOption(argv, 'data-dir');
  return { dataDir: value, rest };
}
