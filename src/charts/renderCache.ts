/**
 * Content-addressed cache of rendered charts: an SVG is a pure function of its vega-lite spec
 * (data inline) and the vega / vega-lite versions, a PNG of its SVG, scale and font files. The
 * main job rebuilds every spec from the data on every run and looks its output up here, so
 * an unchanged chart skips the vega-lite compile, the vega dataflow and resvg, while any change
 * of data, spec, renderer version or font renders it afresh.
 *
 * Entries live in BENCHVAL_RENDER_CACHE (default <tmp>/benchval-render-cache), one file per
 * key, written atomically; the oldest half is removed when there are more than MAX_ENTRIES.
 * BENCHVAL_RENDER_CACHE=off disables it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MAX_ENTRIES = 512;

let versions: string | null = null;
function rendererVersions(): string {
  if (versions === null) {
    const v = (name: string): string => {
      try {
        return (require(`${name}/package.json`) as { version: string }).version;
      } catch {
        return '?';
      }
    };
    versions = ['vega', 'vega-lite', '@resvg/resvg-js'].map((n) => `${n}@${v(n)}`).join(',');
  }
  return versions;
}

/** The cache folder, or null when disabled. */
export function renderCacheDir(): string | null {
  const env = process.env.BENCHVAL_RENDER_CACHE;
  if (env === 'off' || env === '0') return null;
  return env || join(tmpdir(), 'benchval-render-cache');
}

/** Key of content `parts` under the current renderer versions. */
export function cacheKey(kind: string, ...parts: string[]): string {
  const h = createHash('sha256').update(rendererVersions()).update('\0').update(kind);
  for (const p of parts) h.update('\0').update(p);
  return `${kind}-${h.digest('hex').slice(0, 40)}`;
}

export function cacheGet(key: string, ext: string): Buffer | null {
  const dir = renderCacheDir();
  if (!dir) return null;
  try {
    return readFileSync(join(dir, `${key}.${ext}`));
  } catch {
    return null;
  }
}

export function cachePut(key: string, ext: string, data: string | Buffer): void {
  const dir = renderCacheDir();
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${key}.${ext}`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    prune(dir);
  } catch {
    // a cache that cannot be written only costs time
  }
}

function prune(dir: string): void {
  const names = readdirSync(dir);
  if (names.length <= MAX_ENTRIES) return;
  const aged = names.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of aged.slice(0, Math.floor(names.length / 2))) rmSync(join(dir, n), { force: true });
}
