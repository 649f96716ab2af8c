/**
 * `benchval ingest ARTICLE.txt --source-id ID --outlet NAME --published DATE [--title T] [--url U]
 * [--language L] [--data-dir DIR] [--seeds DIR]`: adds the article as a source, keeps its text
 * where `validate` finds it (`<data dir>/articles/`, or the seeds folder given by `--seeds`),
 * and writes its candidate facts to `<data dir>/inbox/<ID>.csv` for review. Prints candidates by
 * table, names not in entities.csv, and what each candidate agrees or conflicts with in the base.
 *
 * Errors (nothing is written, exit 1): an empty, binary or non-UTF-8 article (byte offset), a
 * source id that already exists, an article file name already used by another text, a data
 * directory that does not validate.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Command } from '../main';
import { readDataset, takeDataDirArg, DataValidationError, displayPath } from '../../data';
import { articlesDir } from '../../data/evidence';
import { PLAIN_ID_RE, TABLE_FILES } from '../../data/schema';
import { toSimplifiedScript } from '../../data/resolveEntity';
import { readArticleFile, ArticleError } from '../../extract/article';
import { extractCandidates, type Candidate } from '../../extract/extract';
import { candidateRow, formatInbox, inboxFile } from '../../extract/inbox';
import { crossCheck } from '../../extract/crosscheck';
import { csvAppendText } from '../../extract/store';
import { formatQuantity, formatRange } from '../../units';
import { takeValueOption } from '../args';

const USAGE = 'usage: benchval ingest ARTICLE.txt --source-id ID --outlet NAME --published DATE [--title T] [--url U] [--language L] [--data-dir DIR] [--seeds DIR]';

class UsageError extends Error {}

interface IngestArgs {
  file: string; sourceId: string; outlet: string; published: string;
  title?: string; url?: string; language?: string; dataDir?: string; seedsDir?: string;
}

function parseArgs(argv: string[]): IngestArgs {
  const { dataDir, rest: r0 } = takeDataDirArg(argv);
  let rest = r0;
  const take = (name: string, what: string): string | undefined => {
    const r = takeValueOption(rest, name, what);
    rest = r.rest;
    return r.value;
  };
  const sourceId = take('source-id', 'source id');
  const outlet = take('outlet', 'name');
  const published = take('published', 'date (YYYY-MM-DD)');
  const title = take('title', 'title');
  const url = take('url', 'URL');
  const language = take('language', 'language tag');
  const seedsDir = take('seeds', 'directory');
  const unknown = rest.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`unknown option '${unknown}'`);
  if (rest.length !== 1) throw new UsageError(rest.length === 0 ? 'missing ARTICLE' : `one article at a time (got ${rest.length})`);
  if (!sourceId) throw new UsageError('--source-id is required');
  if (!outlet) throw new UsageError('--outlet is required');
  if (!published) throw new UsageError('--published is required');
  if (!PLAIN_ID_RE.test(sourceId)) throw new UsageError(`--source-id '${sourceId}' is not a lowercase id (letters, digits, '.', '-')`);
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(published)) throw new UsageError(`--published '${published}' is not YYYY-MM-DD, YYYY-MM or YYYY`);
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw new UsageError(`--url '${url}' is not an http(s) URL`);
  return { file: rest[0], sourceId, outlet, published, title, url, language, dataDir, seedsDir };
}

/** zh-Hant when converting to simplified script changes more than 3% of the Chinese characters. */
export function guessLanguage(text: string): string {
  const simp = toSimplifiedScript(text);
  let cjk = 0;
  let changed = 0;
  for (let i = 0; i < text.length; i++) {
    if (/[\u4e00-\u9fff]/.test(text[i])) { cjk++; if (simp[i] !== text[i]) changed++; }
  }
  if (cjk === 0) return 'en';
  return changed / cjk > 0.03 ? 'zh-Hant' : 'zh-Hans';
}

function titleOf(text: string, file: string): string {
  const fm = /^---\r?\n[\s\S]*?title:\s*"?([^"\n]+)"?/.exec(text);
  if (fm) return fm[1].trim();
  const h = /^#\s+(.+)$/m.exec(text);
  return h ? h[1].trim() : `(no headline) ${path.basename(file)}`;
}

function summary(cs: readonly Candidate[], unresolved: string[], checks: ReturnType<typeof crossCheck>): string {
  const lines: string[] = [];
  const byTable = new Map<string, number>();
  for (const c of cs) byTable.set(c.table, (byTable.get(c.table) ?? 0) + 1);
  lines.push(`${cs.length} candidates: ${[...byTable].map(([t, n]) => `${t} ${n}`).join(', ') || 'none'}`);
  lines.push(unresolved.length ? `names not in entities.csv (add them, then fill 'entity'): ${unresolved.join(', ')}` : 'every name resolved to an entity');
  const noEntity = cs.filter((c) => c.entity === null).length;
  if (noEntity) lines.push(`${noEntity} candidates have no entity yet`);
  if (checks.length === 0) lines.push('cross-check: no candidate reports an entity and metric the base already holds');
  else {
    lines.push('cross-check against the base:');
    for (const k of checks) {
      const c = k.candidate;
      lines.push(`  ${k.status.padEnd(5)} ${c.id} ${c.quantity} (${c.unit === 'date' ? formatRange(c) : formatQuantity(c.value, c.unit, c.currency)}) vs ${k.with.join(', ')}: ${k.message}`);
    }
  }
  return lines.join('\n');
}

export const command: Command = {
  summary: 'add an article: source row, article text, candidate facts in data/inbox/<id>.csv for review',
  run(argv) {
    if (argv.includes('-h') || argv.includes('--help')) { process.stdout.write(USAGE + '\n'); return 0; }
    let a: IngestArgs;
    try { a = parseArgs(argv); } catch (e) {
      process.stderr.write(`benchval ingest: ${(e as Error).message}\n${USAGE}\n`);
      return 2;
    }
    const fail = (msg: string): number => { process.stderr.write(`benchval ingest: ${msg}\nnothing written\n`); return 1; };
    try {
      const text = readArticleFile(a.file);
      const ds = readDataset({ dataDir: a.dataDir });
      if (ds.sources.some((s) => s.id === a.sourceId)) {
        return fail(`source id '${a.sourceId}' already exists in ${displayPath(path.join(ds.dataDir, TABLE_FILES.sources))}; pick another id (or accept/review the existing inbox)`);
      }
      const inbox = inboxFile(ds.dataDir, a.sourceId);
      if (fs.existsSync(inbox)) return fail(`an inbox file for '${a.sourceId}' already exists: ${displayPath(inbox)}`);
      const seedFile = path.basename(a.file);
      const folder = a.seedsDir !== undefined ? path.resolve(a.seedsDir) : articlesDir(ds.dataDir);
      if (a.seedsDir !== undefined && !fs.existsSync(folder)) return fail(`seeds folder ${displayPath(folder)} does not exist`);
      const target = path.join(folder, seedFile);
      const copy = !(fs.existsSync(target) && fs.readFileSync(target, 'utf8').replace(/^\uFEFF/, '') === text);
      if (copy && fs.existsSync(target)) return fail(`${displayPath(target)} already holds another text; rename the article file`);
      const used = ds.sources.find((s) => s.seed_file === seedFile);
      if (used) return fail(`the file name '${seedFile}' is already the seed_file of source '${used.id}'; rename the article file`);

      const x = extractCandidates(text, { published: a.published, entities: ds.entities, sourceId: a.sourceId, seedFile });
      const checks = crossCheck(x.candidates, ds.facts, ds.assumptions, displayPath(inbox));
      const sourceRow = {
        id: a.sourceId, outlet: a.outlet, title: a.title ?? titleOf(text, a.file), published: a.published, url: a.url ?? '',
        language: a.language ?? guessLanguage(text), seed_file: seedFile, note: 'added by benchval ingest',
      };
      const sourcesCsv = path.join(ds.dataDir, TABLE_FILES.sources);
      const sourceText = csvAppendText(sourcesCsv, [sourceRow]);
      // everything computed: now write
      if (copy) { fs.mkdirSync(folder, { recursive: true }); fs.writeFileSync(target, text); }
      fs.mkdirSync(path.dirname(inbox), { recursive: true });
      fs.writeFileSync(inbox, formatInbox(x.candidates.map(candidateRow)));
      fs.appendFileSync(sourcesCsv, sourceText);
      process.stdout.write(`source ${a.sourceId} added to ${displayPath(sourcesCsv)}; article ${copy ? 'copied to' : 'already at'} ${displayPath(target)}\n`);
      process.stdout.write(`inbox: ${displayPath(inbox)} (review it, then: benchval accept ${a.sourceId})\n`);
      process.stdout.write(summary(x.candidates, x.unresolved, checks) + '\n');
      return 0;
    } catch (e) {
      if (e instanceof ArticleError) return fail(e.message);
      if (e instanceof DataValidationError) return fail(`the data directory has problems; run 'benchval validate'\n${e.message}`);
      throw e;
    }
  },
};
