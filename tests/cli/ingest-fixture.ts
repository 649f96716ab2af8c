/** A scratch copy of the committed data and a small synthetic article for the ingest, accept and inbox tests. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REAL_DATA = path.resolve(__dirname, '../../data');
const roots: string[] = [];

/** A temporary folder holding `data/` (a copy of the committed CSVs) and `article.txt`. */
export function ingestScratch(article = ARTICLE): { root: string; dataDir: string; article: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'benchval-ingest-'));
  roots.push(root);
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir);
  for (const f of fs.readdirSync(REAL_DATA)) if (f.endsWith('.csv')) fs.copyFileSync(path.join(REAL_DATA, f), path.join(dataDir, f));
  const file = path.join(root, 'zhipu-update.txt');
  fs.writeFileSync(file, article);
  return { root, dataDir, article: file };
}

export function cleanupIngestScratch(): void {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
}

/**
 * A made-up update on Zhipu: 1.909亿元 for 2025 H1 revenue agrees with the base's 1.91亿元 within
 * the precision written; 29.58万元 for 2024 net loss is four orders of magnitude below the
 * base's 29.58亿元 and must fail; QuarkLab is not an entity.
 */
export const ARTICLE = [
  '智谱2025年上半年营收1.909亿元。',
  '智谱2024年净亏损29.58万元。',
  'QuarkLab估值约20亿美元。',
  '',
].join('\n');
