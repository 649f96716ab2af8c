/**
 * Plausibility of the periods a claim compares: flows of different lengths (a 9-month revenue
 * against a 12-month one) used together without annualize() are a warn. A part dated outside
 * the period of the whole it is a share of (a 2026 round as a share of 2025 funding) is the
 * part-of-whole rule's (./partOfWhole).
 * The facts compared are those of the expression and, when the stated value is a fact id,
 * that fact. Cross-check claims are left to their own rule (./derivation), which already
 * reports differing periods.
 */
import type { Fact } from '../types';
import { describePeriod, periodMonths } from '../metrics/period';
import type { Claim } from './claims';
import { expressionCalls, expressionRefs, parseExpression } from './expression';
import { uniq, type Finding } from './findings';

export function checkClaimPeriods(claims: readonly Claim[], facts: ReadonlyMap<string, Fact>): Finding[] {
  const out: Finding[] = [];
  for (const c of claims) {
    if (c.type === 'cross-check') continue;
    let tree;
    try { tree = parseExpression(c.expression); } catch { continue; }
    const ids = uniq([...expressionRefs(tree).filter((r) => !r.missing).map((r) => r.name), c.stated]).filter((id) => facts.has(id));
    const inputs = ids.map((id) => facts.get(id)!);
    const flows = inputs.filter((f) => f.period_start && f.period_end && f.table !== 'funding_rounds');
    const months = uniq(flows.map((f) => String(periodMonths(f))));
    const problems: string[] = [];
    if (months.length > 1 && !expressionCalls(tree).includes('annualize')) {
      problems.push(`it compares flows over different periods (${flows.map((f) => `${f.id}: ${describePeriod(f)}, ${periodMonths(f)} months`).join('; ')}) without annualize()`);
    }
    if (problems.length === 0) continue;
    out.push({
      id: `${c.id}:period`, kind: 'plausibility', rule: 'period-mismatch', status: 'warn',
      entities: uniq(inputs.map((f) => f.entity)), sources: uniq([c.source, ...inputs.map((f) => f.source)]),
      inputs: ids, stated: null, computed: null,
      message: `Claim ${c.id}: ${problems.join('; ')}.`,
    });
  }
  return out;
}
