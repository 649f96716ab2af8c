/**
 * Synthetic data for scale tests and benchmarks. `writeSyntheticData` copies a data directory
 * and adds `factor - 1` generated copies of every fact row (so `factor` 10 gives about ten times
 * the facts), each copy valid on its own:
 * - ids get a `-sK` suffix (K = 1 … factor - 1);
 * - every number written in the quantity is scaled by a deterministic factor in [0.85, 1.0]
 *   (down only, so scores, shares and margins stay inside their ranges), with the same digits
 *   replaced in the evidence phrase, so the evidence still shows the number;
 * - each copy cites a generated source (`<source>-sK`, same publication date) whose article text
 *   is the copy's evidence phrases, written to `articlesDir` so evidence checks run too;
 * - about half the copies move to a generated entity (`<entity>-sK`, same kind and parent), so
 *   the data grows both on existing entities and on new ones.
 * Claims and assumptions are copied unchanged (claims keep referring to the original rows).
 *
 * CLI: `node dist/bench/synthetic.js --factor 10 --out DIR` (or `--facts 100000`) prints the data
 * and articles folders.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { FACT_TABLES } from '../types';
import { TABLE_FILES, factTableFile } from '../data/schema';
import { DEFAULT_SEEDS_DIR } from '../data/evidence';

export interface SyntheticOptions {
  /** total size as a multiple of the source data (integer >= 1); ignored when `facts` is given */
  factor?: number;
  /**
   * about how many fact rows to write in all: the factor becomes facts / (fact rows of the source
   * data), rounded, at least 1 (`facts: 100000` from 188 rows: factor 532, 100,016 rows)
   */
  facts?: number;
  /** varies the generated numbers; default 1 */
  seed?: number;
  /** share of copies moved to a generated entity, 0 to 1; default 0.5 */
  newEntityShare?: number;
  /** folder of the original articles, copied into the articles folder when given */
  seedsDir?: string;
}

export interface SyntheticResult {
  dataDir: string;
  articlesDir: string;
  /** fact rows written, originals included */
  facts: number;
  entities: number;
  sources: number;
}

type Row = Record<string, string>;

interface Table { header: string[]; rows: Row[] }

function readTable(file: string): Table {
  const records = parse(fs.readFileSync(file, 'utf8'), { bom: true, skip_empty_lines: true }) as string[][];
  const [header, ...body] = records;
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

function writeTable(file: string, t: Table): void {
  fs.writeFileSync(file, stringify(t.rows.map((r) => t.header.map((h) => r[h] ?? '')), { header: true, columns: t.header }));
}

/** Deterministic number in [0, 1) from integers (a small integer hash). */
function unit(...xs: number[]): number {
  let h = 2166136261;
  for (const x of xs) {
    h ^= x;
    h = Math.imul(h, 16777619) >>> 0;
    h ^= h >>> 13;
  }
  return (h >>> 0) / 4294967296;
}

const NUMBER_RE = /\d+(?:,\d{3})*(?:\.\d+)?/g;

/** Scales a number as written, keeping its decimals; never below one unit of its last digit. */
function scaleNumber(text: string, f: number): string {
  const plain = text.replace(/,/g, '');
  const decimals = plain.includes('.') ? plain.split('.')[1].length : 0;
  const step = 10 ** -decimals;
  const v = Math.max(step, Number(plain) * f);
  return v.toFixed(decimals);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces each number of `quantity` in both quantity and evidence; null when the evidence lacks one. */
function vary(quantity: string, evidence: string, f: number): { quantity: string; evidence: string } {
  const tokens = [...new Set(quantity.match(NUMBER_RE) ?? [])].filter((t) => Number(t.replace(/,/g, '')) > 0);
  let q = quantity;
  let e = evidence;
  for (const t of tokens) {
    const re = new RegExp(`(?<![\\d.,])${escapeRe(t)}(?![\\d]|\\.\\d|,\\d)`, 'g');
    if (!re.test(e)) continue; // evidence writes the number another way: keep both as they are
    const n = scaleNumber(t, f);
    q = q.replace(new RegExp(`(?<![\\d.,])${escapeRe(t)}(?![\\d]|\\.\\d|,\\d)`, 'g'), n);
    e = e.replace(new RegExp(`(?<![\\d.,])${escapeRe(t)}(?![\\d]|\\.\\d|,\\d)`, 'g'), n);
  }
  return { quantity: q, evidence: e };
}

/** The factor giving about `facts` rows from the fact tables of `srcDir`. */
export function factorFor(srcDir: string, facts: number): number {
  if (!(facts >= 1)) throw new Error(`facts must be at least 1, got ${facts}`);
  const rows = FACT_TABLES.reduce((n, t) => n + readTable(path.join(srcDir, factTableFile(t))).rows.length, 0);
  return Math.max(1, Math.round(facts / rows));
}

export function writeSyntheticData(srcDir: string, destDir: string, opts: SyntheticOptions): SyntheticResult {
  const factor = opts.facts !== undefined ? factorFor(srcDir, opts.facts) : Math.floor(opts.factor ?? NaN);
  if (!(factor >= 1)) throw new Error(`factor must be an integer >= 1, got ${opts.factor}`);
  const seed = opts.seed ?? 1;
  const share = opts.newEntityShare ?? 0.5;
  const dataDir = path.join(destDir, 'data');
  const articlesDir = path.join(destDir, 'articles');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.mkdirSync(articlesDir, { recursive: true });
  for (const f of fs.readdirSync(srcDir)) {
    const from = path.join(srcDir, f);
    if (f.endsWith('.csv') || f.endsWith('.md')) fs.copyFileSync(from, path.join(dataDir, f));
  }

  const sources = readTable(path.join(srcDir, TABLE_FILES.sources));
  const entities = readTable(path.join(srcDir, TABLE_FILES.entities));
  const sourceById = new Map(sources.rows.map((s) => [s.id, s]));
  const entityById = new Map(entities.rows.map((e) => [e.id, e]));
  const newSources = new Map<string, Row>();
  const newEntities = new Map<string, Row>();
  const articles = new Map<string, string[]>();
  let facts = 0;

  FACT_TABLES.forEach((table, ti) => {
    const file = path.join(srcDir, factTableFile(table));
    const t = readTable(file);
    const out: Row[] = [...t.rows];
    for (let k = 1; k < factor; k++) {
      t.rows.forEach((row, i) => {
        const f = 0.85 + 0.15 * unit(seed, k, ti, i);
        const { quantity, evidence } = vary(row.quantity, row.evidence, f);
        const src = sourceById.get(row.source);
        const sourceId = `${row.source}-s${k}`;
        if (src && !newSources.has(sourceId)) {
          newSources.set(sourceId, { ...src, id: sourceId, title: `${src.title} (synthetic ${k})`, seed_file: `${sourceId}.txt`, url: '' });
        }
        let entity = row.entity;
        const ent = entityById.get(row.entity);
        if (ent && unit(seed, k, ti, i, 7) < share) {
          entity = `${row.entity}-s${k}`;
          if (!newEntities.has(entity)) {
            newEntities.set(entity, { ...ent, id: entity, name_en: `${ent.name_en} S${k}`, name_zh: `${ent.name_zh}S${k}` });
          }
        }
        const phrases = articles.get(sourceId) ?? [];
        phrases.push(evidence);
        articles.set(sourceId, phrases);
        out.push({ ...row, id: `${row.id}-s${k}`, entity, quantity, evidence, source: sourceId });
      });
    }
    facts += out.length;
    writeTable(path.join(dataDir, factTableFile(table)), { header: t.header, rows: out });
  });

  writeTable(path.join(dataDir, TABLE_FILES.sources), { header: sources.header, rows: [...sources.rows, ...newSources.values()] });
  writeTable(path.join(dataDir, TABLE_FILES.entities), { header: entities.header, rows: [...entities.rows, ...newEntities.values()] });
  if (opts.seedsDir) {
    for (const s of sources.rows) {
      const from = path.join(opts.seedsDir, s.seed_file);
      if (fs.existsSync(from)) fs.copyFileSync(from, path.join(articlesDir, s.seed_file));
    }
  }
  for (const [id, phrases] of articles) fs.writeFileSync(path.join(articlesDir, `${id}.txt`), phrases.join('\n') + '\n');
  return {
    dataDir, articlesDir, facts,
    entities: entities.rows.length + newEntities.size,
    sources: sources.rows.length + newSources.size,
  };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const get = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const out = get('out');
  if (!out) {
    process.stderr.write('usage: node dist/bench/synthetic.js (--factor N | --facts N) --out DIR [--seed S] [--data-dir DIR] [--seeds DIR]\n');
    process.exit(2);
  }
  const r = writeSyntheticData(path.resolve(get('data-dir') ?? path.resolve(__dirname, '../../data')), path.resolve(out), {
    factor: Number(get('factor') ?? '10'),
    facts: get('facts') !== undefined ? Number(get('facts')) : undefined,
    seed: Number(get('seed') ?? '1'),
    seedsDir: get('seeds') ?? (fs.existsSync(DEFAULT_SEEDS_DIR) ? DEFAULT_SEEDS_DIR : undefined),
  });
  process.stdout.write(`${r.facts} facts, ${r.entities} entities, ${r.sources} sources\ndata: ${r.dataDir}\narticles: ${r.articlesDir}\n`);
}
