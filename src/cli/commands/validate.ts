/**
 * `benchval validate [--data-dir DIR] [--seeds DIR]`: checks every data file — sources,
 * entities, assumptions (FX rates agreeing with each other), the eight fact tables and
 * claims.csv (ids, sources, referenced fact and assumption ids, units, expression syntax) — and,
 * when the articles are available (`--seeds DIR`, env BENCHVAL_SEEDS_DIR, else ../shared/seeds
 * beside the project when it exists), that every source's seed file exists and every fact's
 * and claim's evidence occurs verbatim in its article (white space aside).
 *
 * Prints `ok: ...` with the counts, or every problem as `file:line: column 'c': message` and
 * exits 1. When the articles are not available it says so, and why, in one line on stderr.
 * Exit 2: bad arguments or a seeds folder given that does not exist.
 */
import type { Command } from '../main';
import { IssueList, type DataIssue } from '../../data/errors';
import { inspectData, type Dataset } from '../../data/dataset';
import { checkEvidence, locateSeeds, readArticles, type SeedsOptions } from '../../data/evidence';
import { formatIssue, takeDataDirArg, displayPath } from '../../data';
import { collectClaimReferenceIssues, collectClaims, type Claim } from '../../audit/claims';
import { takeValueOption } from '../args';

const USAGE = 'usage: benchval validate [--data-dir DIR] [--seeds DIR]';

export interface ValidationOptions extends SeedsOptions {
  dataDir?: string;
}

export interface Validation {
  dataset: Dataset;
  claims: Claim[];
  issues: DataIssue[];
  /** the articles folder the evidence was checked against, or why it was not */
  evidence: { checked: true; dir: string; articles: number } | { checked: false; reason: string };
}

/**
 * Every check of `benchval validate`. Throws (before reading anything) when a seeds folder is
 * given that does not exist.
 */
export function runValidation(opts: ValidationOptions = {}): Validation {
  const seeds = locateSeeds(opts);
  const { dataset, issues: dataIssues, factRowIds } = inspectData({ dataDir: opts.dataDir });
  const issues = new IssueList();
  issues.items.push(...dataIssues);
  const claimIssues = new IssueList();
  const claims = collectClaims({ dataDir: dataset.dataDir }, claimIssues);
  const env = { facts: new Map(dataset.facts.map((f) => [f.id, f] as const)), assumptions: dataset.assumptions };
  collectClaimReferenceIssues(claims, env, dataset.sources, claimIssues, factRowIds);
  // in the order of the file (Array.prototype.sort is stable)
  issues.items.push(...[...claimIssues.items].sort((a, b) => a.line - b.line));
  if (seeds.dir === null) {
    // no seeds folder: the articles kept in the data directory (benchval ingest) are still checked
    const own = readArticles(dataset.dataDir, dataset.sources, null, issues);
    checkEvidence([...dataset.facts, ...claims].filter((r) => own.has(r.source)), own, issues);
    return { dataset, claims, issues: issues.items, evidence: { checked: false, reason: seeds.reason } };
  }
  const articles = readArticles(dataset.dataDir, dataset.sources, seeds.dir, issues);
  checkEvidence([...dataset.facts, ...claims], articles, issues);
  return { dataset, claims, issues: issues.items, evidence: { checked: true, dir: seeds.dir, articles: articles.size } };
}

/** Takes `--seeds DIR` (or `--seeds=DIR`) out of the arguments. */
function takeSeedsArg(argv: readonly string[]): { seedsDir?: string; rest: string[] } {
  const { value, rest } = takeValueOption(argv, 'seeds');
  return { seedsDir: value, rest };
}

export const command: Command = {
  summary: 'check every data file, claims and evidence; list each problem as file:line: column: message',
  run(argv) {
    if (argv.includes('-h') || argv.includes('--help')) { process.stdout.write(USAGE + '\n'); return 0; }
    let v: Validation;
    try {
      const { dataDir, rest: r1 } = takeDataDirArg(argv);
      const { seedsDir, rest } = takeSeedsArg(r1);
      if (rest.length > 0) throw new Error(`unknown argument '${rest[0]}'\n${USAGE}`);
      v = runValidation({ dataDir, seedsDir });
    } catch (e) {
      process.stderr.write(`benchval validate: ${(e as Error).message}\n`);
      return 2;
    }
    if (!v.evidence.checked) {
      process.stderr.write(`benchval validate: evidence not checked against the articles: ${v.evidence.reason}\n`);
    }
    if (v.issues.length > 0) {
      for (const i of v.issues) process.stdout.write(formatIssue(i) + '\n');
      process.stdout.write(`${v.issues.length} problem(s) found\n`);
      return 1;
    }
    const d = v.dataset;
    const evidence = v.evidence.checked
      ? `; evidence found in ${v.evidence.articles} articles in ${displayPath(v.evidence.dir)}`
      : '';
    process.stdout.write(
      `ok: ${d.facts.length} facts in ${d.tables.length} tables, ${d.entities.length} entities, ${d.sources.length} sources, `
      + `${d.assumptions.length} assumptions, ${v.claims.length} claims${evidence}\n`,
    );
    return 0;
  },
};
