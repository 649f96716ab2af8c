/**
 * Every check of `benchval validate`, which `benchval all` runs first: the data tables (see
 * ./data), the claims (ids, sources, referenced fact and assumption ids, units, expression
 * syntax) and, when the articles are at hand, the evidence phrases.
 */
import { IssueList, type DataIssue } from './data/errors';
import { inspectData, type Dataset } from './data/dataset';
import { checkEvidence, locateSeeds, readArticles, type SeedsOptions } from './data/evidence';
import { collectClaimReferenceIssues, collectClaims, type Claim } from './audit/claims';

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
  const { dataset, issues: dataIssues, factRowIds, unreadable } = inspectData({ dataDir: opts.dataDir });
  const issues = new IssueList();
  issues.items.push(...dataIssues);
  const claimIssues = new IssueList();
  const claims = collectClaims({ dataDir: dataset.dataDir }, claimIssues);
  const env = { facts: new Map(dataset.facts.map((f) => [f.id, f] as const)), assumptions: dataset.assumptions };
  collectClaimReferenceIssues(claims, env, dataset.sources, claimIssues, factRowIds);
  // when sources.csv could not be read, its problem is the one to report, not one per claim
  const claimItems = unreadable.has('sources')
    ? claimIssues.items.filter((i) => !(i.column === 'source' && i.message.startsWith('unknown source')))
    : claimIssues.items;
  // in the order of the file (Array.prototype.sort is stable)
  issues.items.push(...[...claimItems].sort((a, b) => a.line - b.line));
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
