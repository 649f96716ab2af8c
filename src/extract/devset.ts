/**
 * The development set: `extract` run on every article of the seeds folder that sources.csv
 * knows, scored against the hand-keyed facts of that source (src/extract/score).
 * CLI: `node dist/extract/devset.js [--seeds DIR] [--data-dir DIR] [--verbose]`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readDataset } from '../data/dataset';
import { locateSeeds } from '../data/evidence';
import { EntityResolver } from '../data/resolveEntity';
import { extractCandidates } from './extract';
import { scoreArticle, type ArticleScore } from './score';

export interface DevSetScore {
  articles: ArticleScore[];
  facts: number;
  candidates: number;
  matched: number;
  recall: number;
  candidatesPerFact: number;
}

export function scoreDevSet(seedsDir: string, dataDir?: string, debug?: (msg: string) => void): DevSetScore {
  const ds = readDataset({ dataDir });
  const resolver = new EntityResolver(ds.entities);
  const articles: ArticleScore[] = [];
  for (const s of ds.sources) {
    const file = path.join(seedsDir, s.seed_file);
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const { candidates } = extractCandidates(text, { published: s.published, entities: ds.entities, resolver, sourceId: s.id, seedFile: s.seed_file });
    const facts = ds.facts.filter((f) => f.source === s.id);
    const score = scoreArticle(s.id, candidates, facts, s.published);
    articles.push(score);
    if (debug) {
      for (const f of score.missed) {
        const near = candidates.filter((c) => Math.abs((c.value ?? 0) - (f.value ?? NaN)) <= 1e-6 * Math.abs(f.value ?? 1) || c.quantity === f.quantity);
        debug(`  missed ${f.id} ${f.entity} ${f.metric} ${f.quantity} ${f.unit} ${f.as_of ?? `${f.period_start}..${f.period_end}`} [${f.evidence}]`);
        for (const c of near) debug(`      cand ${c.entity ?? '?' + c.entity_text} ${c.metric} ${c.quantity} ${c.unit} ${c.as_of ?? `${c.period_start}..${c.period_end}`} [${c.evidence}]`);
        if (near.length === 0) debug('      (no candidate with this value)');
      }
    }
  }
  const facts = articles.reduce((a, x) => a + x.facts, 0);
  const candidates = articles.reduce((a, x) => a + x.candidates, 0);
  const matched = articles.reduce((a, x) => a + x.matched, 0);
  return { articles, facts, candidates, matched, recall: facts ? matched / facts : 0, candidatesPerFact: facts ? candidates / facts : 0 };
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const opt = (n: string) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : undefined; };
  const located = locateSeeds({ seedsDir: opt('--seeds') });
  if ('reason' in located) {
    process.stderr.write(`devset: no articles to score: ${located.reason}\n`);
    process.exit(2);
  }
  const seeds = located.dir as string;
  const r = scoreDevSet(seeds, opt('--data-dir'), argv.includes('--verbose') ? (m) => process.stdout.write(m + '\n') : undefined);
  for (const a of r.articles) {
    process.stdout.write(`${a.source.padEnd(20)} facts ${String(a.facts).padStart(3)}  candidates ${String(a.candidates).padStart(3)}  matched ${String(a.matched).padStart(3)}  recall ${(100 * a.matched / Math.max(1, a.facts)).toFixed(1)}%\n`);
  }
  process.stdout.write(`all: ${r.matched}/${r.facts} facts matched, recall ${(100 * r.recall).toFixed(1)}%, ${r.candidatesPerFact.toFixed(2)} candidates per fact\n`);
}
