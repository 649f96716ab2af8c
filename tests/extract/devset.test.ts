/**
 * The development set: extraction on the articles in ../shared/seeds scored against the
 * hand-keyed facts. Skips, saying why, when the articles are not at hand.
 */
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { locateSeeds } from '../../src/data/evidence';
import { readDataset } from '../../src/data';
import { EntityResolver } from '../../src/data/resolveEntity';
import { extractCandidates } from '../../src/extract/extract';
import { scoreDevSet } from '../../src/extract/devset';
import { REAL_DATA } from './helpers';

const seeds = locateSeeds();
const reason = seeds.dir === null ? seeds.reason : '';
if (seeds.dir === null) console.warn(`extract dev-set tests skipped: ${reason}`);

describe.skipIf(seeds.dir === null)(`extract on the seed articles${reason ? ` (skipped: ${reason})` : ''}`, () => {
  const ds = readDataset({ dataDir: REAL_DATA });
  const resolver = new EntityResolver(ds.entities);

  it('quotes every candidate verbatim from the original article (original script)', () => {
    for (const s of ds.sources) {
      const text = fs.readFileSync(path.join(seeds.dir!, s.seed_file), 'utf8');
      const { candidates } = extractCandidates(text, { published: s.published, entities: ds.entities, resolver, sourceId: s.id });
      expect(candidates.length).toBeGreaterThan(0);
      for (const c of candidates) {
        expect(text.includes(c.evidence), `${s.id} ${c.id}: '${c.evidence}'`).toBe(true);
        expect(text.slice(c.start, c.end).replace(/\s+/g, '').replace(/\*/g, '')).toContain(c.quantity.replace(/^-/, '').slice(0, 1));
      }
    }
  });

  it('keeps recall and candidates per hand-keyed fact where the README states them', () => {
    const r = scoreDevSet(seeds.dir!, REAL_DATA);
    // README "Adding an article automatically": 180 of 196 facts (91.8%), 1.28 candidates per fact (251 / 196)
    expect(r.facts).toBeGreaterThanOrEqual(196);
    expect(r.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.candidatesPerFact).toBeLessThanOrEqual(1.5);
  });
});
