/**
 * Replaying the addition of a captured article: a scratch copy of the data directory without the
 * article's source (its sources.csv row, fact rows and claims) stands for the fact base before
 * the article was added, so `ingest` and `accept` can be tried on it without touching data/.
 * Without the captured articles a two-line made-up update is replayed against the full base.
 */
import * as path from 'path';
import { readDataset, type Dataset } from '../data/dataset';
import { locateSeeds } from '../data/evidence';
import type { Source } from '../types';
import { sandboxArticle, sandboxDataDir } from './sandbox';

export interface Replay {
  /** the source replayed (null for the made-up update) */
  source: Source | null;
  articleFile: string;
  published: string;
  /** scratch data directory: the base before the article */
  sandbox: string;
  before: Dataset;
  /** one line on what is replayed */
  note: string;
}

export interface ReplayOptions {
  /** replay the first source written in this language (`zh-Hant`, `zh-Hans`); default: the first source */
  language?: string;
  dataDir?: string;
  seedsDir?: string;
}

const MADE_UP = '智谱2025年上半年营收1.909亿元。\n智谱2024年净亏损29.58万元。\n';

export function replayArticle(opts: ReplayOptions = {}): Replay {
  const base = readDataset({ dataDir: opts.dataDir });
  const seeds = locateSeeds({ seedsDir: opts.seedsDir });
  const source = base.sources.find((s) => opts.language === undefined || s.language === opts.language) ?? base.sources[0] ?? null;
  if (seeds.dir === null || source === null) {
    const sandbox = sandboxDataDir({ dataDir: opts.dataDir });
    const why = seeds.dir === null ? seeds.reason : 'the data has no source';
    return {
      source: null, articleFile: sandboxArticle(MADE_UP, 'made-up-update.txt'), published: '2025-09-01', sandbox,
      before: readDataset({ dataDir: sandbox }),
      note: `captured articles not found (${why}); replaying a made-up two-line update against the full base`,
    };
  }
  const sandbox = sandboxDataDir({ dataDir: opts.dataDir, without: source.id });
  const before = readDataset({ dataDir: sandbox });
  return {
    source, articleFile: path.join(seeds.dir, source.seed_file), published: source.published, sandbox, before,
    note: `replaying ${source.seed_file} (${source.outlet}, ${source.published}): the base before it has ${before.facts.length} facts from ${before.sources.length} sources; the full base has ${base.facts.length}`,
  };
}
