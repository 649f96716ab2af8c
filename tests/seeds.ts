/**
 * The articles for tests that check evidence against them: the folder `locateSeeds` finds
 * (BENCHVAL_SEEDS_DIR, else ../shared/seeds beside the project). Without it those tests are
 * skipped, and the reason is printed and written into the test's name.
 */
import { locateSeeds } from '../src/data/evidence';

function find(): { dir: string | null; reason: string | null } {
  try {
    const at = locateSeeds();
    if (at.dir !== null) return { dir: at.dir, reason: null };
    return { dir: null, reason: `${at.reason}; set BENCHVAL_SEEDS_DIR to the articles folder (README, "The articles")` };
  } catch (e) {
    return { dir: null, reason: (e as Error).message };
  }
}

export const ARTICLES = find();

/** `name`, with the reason it is skipped when the articles are not at hand. */
export function needsArticles(name: string): string {
  if (ARTICLES.reason === null) return name;
  console.warn(`skipped '${name}': ${ARTICLES.reason}`);
  return `${name} (skipped: ${ARTICLES.reason})`;
}
