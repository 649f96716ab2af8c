/**
 * Evidence against the articles. The captured article texts are not part of the repository;
 * they live in a seeds folder (one file per source, named by sources.csv `seed_file`):
 * `--seeds DIR`, else env BENCHVAL_SEEDS_DIR, else `../shared/seeds` beside the project when
 * that folder exists. When a folder is available, every source's seed file must exist and every
 * evidence phrase must occur verbatim in its article, compared with white space removed (the
 * articles wrap lines and space numbers differently from the phrases).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Source } from '../types';
import { readCsvTable } from './csv';
import { IssueList } from './errors';
import { displayPath } from './paths';
import { SOURCE_COLUMNS, TABLE_FILES } from './schema';
import { decodeUtf8 } from './checks/encoding';
import { seedFileProblem } from './sources';

/** The project root (resolved from this file, so it works from src/data and dist/data). */
const PROJECT_ROOT = path.resolve(__dirname, '../..');

/** Where the articles are looked for when neither `--seeds` nor BENCHVAL_SEEDS_DIR is given. */
export const DEFAULT_SEEDS_DIR = path.resolve(PROJECT_ROOT, '../shared/seeds');

export interface SeedsOptions {
  /** folder of the article texts; default: env BENCHVAL_SEEDS_DIR, else `defaultSeedsDir` if it exists */
  seedsDir?: string;
  /** where to look when neither seedsDir nor BENCHVAL_SEEDS_DIR is given; default DEFAULT_SEEDS_DIR */
  defaultSeedsDir?: string;
}

/** The seeds folder to use, or why there is none. */
export type SeedsLocation =
  | { dir: string; given: 'option' | 'env' | 'default' }
  | { dir: null; reason: string };

/**
 * Finds the seeds folder. A folder given by option or environment must exist (an error
 * otherwise); the default one is used only when it exists.
 */
export function locateSeeds(opts: SeedsOptions = {}): SeedsLocation {
  const env = process.env.BENCHVAL_SEEDS_DIR;
  const given = opts.seedsDir !== undefined ? 'option' : env ? 'env' : null;
  if (given !== null) {
    const dir = path.resolve(given === 'option' ? opts.seedsDir! : env!);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      const how = given === 'option' ? '--seeds' : 'BENCHVAL_SEEDS_DIR';
      throw new Error(`seeds folder ${displayPath(dir)} (from ${how}) does not exist`);
    }
    return { dir, given };
  }
  const fallback = path.resolve(opts.defaultSeedsDir ?? DEFAULT_SEEDS_DIR);
  if (fs.existsSync(fallback) && fs.statSync(fallback).isDirectory()) return { dir: fallback, given: 'default' };
  return {
    dir: null,
    reason: `no --seeds DIR or BENCHVAL_SEEDS_DIR given, and ${displayPath(fallback)} (the articles beside the project) does not exist`,
  };
}

/** Text with every white space character removed: the form evidence is compared in. */
export function squashWhiteSpace(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Article texts by source id, white space removed. */
export type Articles = ReadonlyMap<string, string>;

/** The articles folder of a data directory (`benchval ingest` keeps new articles there). */
export function articlesDir(dataDir: string): string {
  return path.join(dataDir, 'articles');
}

/**
 * Reads the article of every source from `seedsDir`, else from the data directory's own
 * articles folder (`<data dir>/articles/`, where `benchval ingest` keeps new articles). A seed
 * file found in neither, not a plain UTF-8 file, or leading (by a link) outside its folder is
 * reported at its sources.csv row (column `seed_file`) and its source is left out. With
 * `seedsDir` null only the articles folder is read, and sources whose file is not there are
 * skipped (the caller says that the seeds folder is missing).
 */
export function readArticles(dataDir: string, sources: readonly Source[], seedsDir: string | null, issues: IssueList): Map<string, string> {
  const abs = path.join(dataDir, TABLE_FILES.sources);
  // only for the line numbers: the problems of sources.csv are reported where it is read
  const table = readCsvTable(abs, displayPath(abs), SOURCE_COLUMNS, new IssueList());
  const lines = new Map((table?.records ?? []).map((r) => [r.values.id, r.line] as const));
  const out = new Map<string, string>();
  const ownDir = articlesDir(dataDir);
  const real = (dir: string | null): string | null => (dir !== null && fs.existsSync(dir) ? fs.realpathSync(dir) : null);
  const realSeeds = real(seedsDir);
  const realOwn = real(ownDir);
  for (const s of sources) {
    const where = (msg: string) => issues.add(displayPath(abs), lines.get(s.id) ?? 0, 'seed_file', msg);
    if (seedFileProblem(s.seed_file)) continue; // reported where sources.csv is read
    const inSeeds = seedsDir !== null ? path.join(seedsDir, s.seed_file) : null;
    const useSeeds = inSeeds !== null && fs.existsSync(inSeeds);
    const file = useSeeds ? inSeeds! : path.join(ownDir, s.seed_file);
    const folder = useSeeds ? seedsDir! : ownDir;
    const folderText = `${useSeeds ? 'the seeds folder' : 'the articles folder'} ${displayPath(folder)}`;
    if (!fs.existsSync(file)) {
      if (seedsDir === null) continue;
      where(`'${s.seed_file}' not found in the seeds folder ${displayPath(seedsDir)} nor in ${displayPath(ownDir)}`);
      continue;
    }
    const target = fs.realpathSync(file);
    if (path.dirname(target) !== (useSeeds ? realSeeds : realOwn)) {
      where(`'${s.seed_file}' leads outside ${folderText} (to ${target})`);
      continue;
    }
    if (!fs.statSync(target).isFile()) {
      where(`'${s.seed_file}' in ${folderText} is not a plain file`);
      continue;
    }
    const decoded = decodeUtf8(fs.readFileSync(target));
    if (!decoded.ok) {
      where(`'${s.seed_file}': ${decoded.message}`);
      continue;
    }
    out.set(s.id, squashWhiteSpace(decoded.text));
  }
  return out;
}

/** A row that quotes its article: a fact or a claim. */
export interface EvidenceRow {
  id: string;
  source: string;
  evidence: string;
  file: string;
  line: number;
}

/**
 * Reports (column `evidence`) every row whose evidence does not occur in its source's article,
 * white space aside. Rows whose article is not in `articles` (missing seed file, already
 * reported) are skipped.
 */
export function checkEvidence(rows: readonly EvidenceRow[], articles: Articles, issues: IssueList): void {
  for (const r of rows) {
    const text = articles.get(r.source);
    if (text === undefined || r.evidence === '') continue;
    if (!text.includes(squashWhiteSpace(r.evidence))) {
      issues.add(r.file, r.line, 'evidence', `'${r.evidence}' does not occur in the article of '${r.source}' (white space aside)`);
    }
  }
}
