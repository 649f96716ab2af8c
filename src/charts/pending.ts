/**
 * Expected events are not drawn as if they happened: a pending round (被曝即将完成) and the
 * valuation it is expected to bring are `forecast` facts, a goal is a `target`. Charts of completed
 * rounds and of valuations leave them out and name them in the caption.
 */
import type { Fact } from '../types';

export function isExpected(f: Pick<Fact, 'qualifier'>): boolean {
  return f.qualifier === 'forecast' || f.qualifier === 'target';
}

/** The facts split into what happened and what is expected. */
export function splitExpected<F extends Pick<Fact, 'qualifier'>>(facts: readonly F[]): { done: F[]; expected: F[] } {
  const done: F[] = [];
  const expected: F[] = [];
  for (const f of facts) (isExpected(f) ? expected : done).push(f);
  return { done, expected };
}

/** Caption note naming the expected facts left out; [] when there are none. */
export function expectedNote(expected: readonly Pick<Fact, 'id' | 'qualifier'>[], what: string): string[] {
  if (expected.length === 0) return [];
  const shown = expected.slice(0, 5).map((f) => `${f.id} (${f.qualifier})`).join(', ');
  const more = expected.length > 5 ? ` and ${expected.length - 5} more` : '';
  return [`Not drawn: ${what} that are expected, not completed: ${shown}${more}`];
}
