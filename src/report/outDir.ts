/** Where generated files go: the project's out/ folder unless `--out DIR` says otherwise. */
import { resolve } from 'node:path';
import { takeValueOption } from '../cli/args';

/** The project's out/ folder (resolved from this file: the same from src/ and dist/). */
export const DEFAULT_OUT_DIR = resolve(__dirname, '../../out');

/** Takes `--out DIR` (or `--out=DIR`) out of command-line arguments; throws when DIR is missing. */
export function takeOutDirArg(argv: readonly string[]): { outDir?: string; rest: string[] } {
  const { value, rest } = takeValueOption(argv, 'out');
  return { outDir: value, rest };
}
