/**
 * A scratch copy of a data directory, optionally without one source (its sources.csv row, its
 * fact rows and its claims): the fact base as it stood before that article was added. Used by
 * notebook 07 to replay adding an article, and handy for trying `ingest` without touching data/.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { resolveDataDir } from '../data/paths';

/** Copies the CSV files (and the articles folder) of `dataDir` to a new temporary folder; returns it. */
export function sandboxDataDir(opts: { dataDir?: string; without?: string; dest?: string } = {}): string {
  const src = resolveDataDir({ dataDir: opts.dataDir });
  const dest = opts.dest ?? fs.mkdtempSync(path.join(os.tmpdir(), 'benchval-sandbox-'));
  fs.mkdirSync(dest, { recursive: true });
  for (const f of fs.readdirSync(src)) {
    const from = path.join(src, f);
    if (f === 'articles' && fs.statSync(from).isDirectory()) { fs.cpSync(from, path.join(dest, f), { recursive: true }); continue; }
    if (!f.endsWith('.csv')) continue;
    let text = fs.readFileSync(from, 'utf8');
    if (opts.without) {
      const rows = parse(text, { bom: true }) as string[][];
      const header = rows[0];
      const col = f === 'sources.csv' ? header.indexOf('id') : header.indexOf('source');
      if (col >= 0) text = stringify([header, ...rows.slice(1).filter((r) => r[col] !== opts.without)]);
    }
    fs.writeFileSync(path.join(dest, f), text);
  }
  return dest;
}

/** Writes `text` to a file named `name` in a new temporary folder; returns its path (for trying `ingest`). */
export function sandboxArticle(text: string, name = 'article.txt'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'benchval-article-'));
  const file = path.join(dir, path.basename(name));
  fs.writeFileSync(file, text);
  return file;
}
