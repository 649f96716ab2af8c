/** Shared helpers of the extraction tests: the committed entities and a short extraction call. */
import * as path from 'path';
import { readEntities } from '../../src/data';
import { extractCandidates, type Candidate } from '../../src/extract/extract';

export const REAL_DATA = path.resolve(__dirname, '../../data');
export const ENTITIES = readEntities({ dataDir: REAL_DATA });

/** Candidates of `text` published on `published` (default 2026-02-27). */
export function extract(text: string, published = '2026-02-27'): Candidate[] {
  return extractCandidates(text, { published, entities: ENTITIES, sourceId: 'test' }).candidates;
}

/** The candidate whose quantity is `q` (exactly one must exist). */
export function byQuantity(cs: readonly Candidate[], q: string): Candidate {
  const hits = cs.filter((c) => c.quantity === q);
  if (hits.length !== 1) throw new Error(`expected one candidate '${q}', found ${hits.length}: ${cs.map((c) => c.quantity).join(', ')}`);
  return hits[0];
}
