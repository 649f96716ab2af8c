/**
 * What a claim or a derived row is computed from, for the rules that judge how inputs are
 * combined (./valuationBases, ./launchRunRate, ./partOfWhole, ./staleFx): its facts, the
 * assumptions it names and, for a claim, its parsed expression.
 */
import type { Fact } from '../types';
import type { Derived } from '../metrics/derived';
import type { Claim } from './claims';
import { expressionRefs, parseExpression, type Node } from './expression';

export interface Computation {
  /** `claim <id>` or `derived <id>` */
  label: string;
  /** the claim or derived row id */
  id: string;
  kind: 'claim' | 'derived';
  facts: Fact[];
  /** assumption ids named or used */
  assumptions: string[];
  /** the parsed expression (claims only; null for derived rows or when it does not parse) */
  tree: Node | null;
  claim?: Claim;
  derived?: Derived;
}

/** The computations of the claims (facts of the expression and a stated fact id) and derived rows. */
export function computations(claims: readonly Claim[], derived: readonly Derived[], facts: ReadonlyMap<string, Fact>): Computation[] {
  const out: Computation[] = [];
  for (const c of claims) {
    let tree: Node | null = null;
    try { tree = parseExpression(c.expression); } catch { /* reported by validate */ }
    const names = tree ? expressionRefs(tree).filter((r) => !r.missing).map((r) => r.name) : [];
    const ids = [...new Set([...names, c.stated])];
    out.push({
      label: `claim ${c.id}`, id: c.id, kind: 'claim', tree, claim: c,
      facts: ids.filter((id) => facts.has(id)).map((id) => facts.get(id)!),
      assumptions: names.filter((n) => !facts.has(n)),
    });
  }
  for (const d of derived) {
    out.push({
      label: `derived ${d.id}`, id: d.id, kind: 'derived', tree: null, derived: d,
      facts: d.inputs.filter((id) => facts.has(id)).map((id) => facts.get(id)!),
      assumptions: d.assumptions,
    });
  }
  return out;
}
