/** Where generated files go: the project's out/ folder unless `--out DIR` says otherwise. */
import { resolve } from 'node:path';

/** The project's out/ folder (resolved from this file: the same from src/ and dist/). */
export const DEFAULT_OUT_DIR = resolve(__dirname, '../../out');

/** Takes `--out DIR` (or `--out=DIR`) out of command-line arguments; throws when DIR is missing. */
export function takeOutDirArg(argv: readonly string[]): { outDir?: string; rest: string[] } {
  const rest: string[] = [];
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new Error('--out needs a directory');
      outDir = v;
      i++;
    } else if (a.startsWith('--out=')) {
      outDir = a.slice('--out='.length);
      if (!outDir) throw new Error('--out needs a directory');
    } else {
      rest.push(a);
    }
  }
  return { outDir, rest };
}
