/**
 * The browser builds the report inlines so it works offline: vega, vega-lite and vega-embed
 * (charts, with their action menu and tooltips) and simple-datatables (sortable, searchable,
 * paginated tables; 104 kB minified, 27 kB gzipped, no dependencies, enhances the server-written
 * <table> so its rows, ids and headers stay in the page), plus the table library's stylesheet.
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
  { name: 'simple-datatables', file: 'dist/umd/simple-datatables.js' },
] as const;

/** The table library's stylesheet, inlined before the report's own styles. */
export function readTableStyle(): string {
  return readFileSync(join(packageDir('simple-datatables'), 'dist/style.css'), 'utf8');
}

export interface VendorScript {
  name: string;
  path: string;
  code: string;
}

/**
 * `<!--` inside a regular expression literal or a string written as `<\!--`: the same pattern
 * and text to JavaScript (an identity escape), but no longer a comment opener to the HTML parser
 * (simple-datatables' HTML parser holds one in a regular expression).
 */
export function escapeCommentOpeners(code: string): string {
  return code.replace(/<!--/g, '<\\!--');
}

/** The builds, in load order. Throws if one could close the inline <script> element. */
export function readVendorScripts(): VendorScript[] {
  return VENDOR_SCRIPTS.map(({ name, file }) => {
    const path = join(packageDir(name), file);
    const code = escapeCommentOpeners(readFileSync(path, 'utf8'));
    if (/<\/script|<!--/i.test(code)) throw new Error(`${path} contains '</script' or '<!--' and cannot be inlined`);
    return { name, path, code };
  });
}
