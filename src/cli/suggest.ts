/** "Did you mean": the valid names closest to a mistyped one. */

/** Edit distance (insertions, deletions, substitutions), in O(|a|·|b|) time and O(|b|) memory. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Up to `max` names of `valid` closest to `name`: those containing it or contained in it first,
 * then by edit distance, keeping only those within max(2, a third of its length) edits.
 */
export function closest(name: string, valid: Iterable<string>, max = 5): string[] {
  const n = name.toLowerCase();
  const scored: Array<{ v: string; d: number }> = [];
  for (const v of new Set(valid)) {
    const l = v.toLowerCase();
    const d = l.includes(n) || n.includes(l) ? 0.5 : editDistance(n, l);
    if (d <= Math.max(2, Math.floor(n.length / 3))) scored.push({ v, d });
  }
  return scored.sort((x, y) => x.d - y.d || x.v.localeCompare(y.v)).slice(0, max).map((s) => s.v);
}

/** `unknown entity 'stepfn' (closest: stepfun, ...)`, or with no suggestion when none is close. */
export function unknownNameMessage(what: string, name: string, valid: Iterable<string>): string {
  const near = closest(name, valid);
  return `unknown ${what} '${name}'${near.length > 0 ? ` (closest: ${near.join(', ')})` : ''}`;
}
