/**
 * The vega, vega-lite and vega-embed browser builds, read from node_modules so the report
 * can inline them and work offline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function packageDir(name: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    const candidate = join(dir, name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`package '${name}' is not installed (needed for the HTML report)`);
}

export const VENDOR_SCRIPTS = [
  { name: 'vega', file: 'build/vega.min.js' },
  { name: 'vega-lite', file: 'build/vega-lite.min.js' },
  { name: 'vega-embed', file: 'build/vega-embed.min.js' },
] as const;

export interface VendorScript {
  name: string;
  path: string;
  code: string;
}

/** The three builds, in load order. Throws if one could close the inline <script> element. */
export function readVendorScripts(): VendorScript[] {
  return VENDOR_SCRIPTS.map(({ name, file }) => {
    const path = join(packageDir(name), file);
    const code = readFileSync(path, 'utf8');
    if (/<\/script|<!--/i.test(code)) throw new Error(`${path} contains '</script' or '<!--' and cannot be inlined`);
    return { name, path, code };
  });
}
