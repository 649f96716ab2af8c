/**
 * Stale FX. A flow (revenue, loss, funding over a period) converted at a rate dated outside its
 * period is valued at another time's exchange rate: H1 2025 revenue at a January 2026 rate
 * carries half a year of currency moves. Each conversion of a flow whose FX assumption's date
 * (its whole month or year) does not meet the flow's period is a warn that names the rate, its
 * date, the gap in days, the rows that use the conversion and, when there is one, an assumption
 * for the same pair dated inside the period. Conversions are those of the derived table
 * (`converted_value` rows) and the convert() calls of claims.
 */
import type { Assumption, Currency, Fact } from '../types';
import type { Derived } from '../metrics/derived';
import { describePeriod } from '../metrics/period';
import { currencyPair } from '../data/units';
import { fxDate, fxRate, isCurrency } from '../units/currency';
import { isoDateEnd, isoDateStart } from '../units/date';
import type { Claim } from './claims';
import { expressionRefs, parseExpression, type Node } from './expression';
import { uniq, type Finding } from './findings';

const DAY = 86_400_000;

/** The first three names, and how many more. */
function listed(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** Days between the flow's period and the rate's date, signed (negative: rate before the period); 0 when they meet. */
export function fxGapDays(f: Fact, a: Assumption): number | null {
  if (!f.period_start || !f.period_end) return null;
  const s = isoDateStart(f.period_start);
  const e = isoDateStart(f.period_end);
  const as = isoDateStart(a.as_of);
  const ae = isoDateEnd(a.as_of);
  if (s === null || e === null || as === null || ae === null) return null;
  if (as > e) return Math.round((as - e) / DAY);
  if (ae < s) return -Math.round((s - ae) / DAY);
  return 0;
}

/** convert() calls of a claim: the facts converted, with from and to currencies. */
function converts(tree: Node, facts: ReadonlyMap<string, Fact>): Array<{ f: Fact; from: Currency; to: Currency }> {
  const out: Array<{ f: Fact; from: Currency; to: Currency }> = [];
  const walk = (n: Node): void => {
    if (n.kind === 'call') {
      const [x, from, to] = n.args;
      if (n.name === 'convert' && x && from?.kind === 'str' && to?.kind === 'str' && isCurrency(from.value) && isCurrency(to.value)) {
        for (const r of expressionRefs(x)) {
          const f = facts.get(r.name);
          if (f && f.unit === 'money') out.push({ f, from: from.value, to: to.value });
        }
      }
      n.args.forEach(walk);
    }
    if (n.kind === 'neg') walk(n.arg);
    if (n.kind === 'bin') { walk(n.left); walk(n.right); }
  };
  walk(tree);
  return out;
}

export function checkStaleFx(claims: readonly Claim[], derived: readonly Derived[], facts: readonly Fact[], assumptions: readonly Assumption[]): Finding[] {
  const byId = new Map(facts.map((f) => [f.id, f] as const));
  const fx = new Map(assumptions.map((a) => [a.id, a] as const));
  const uses = new Map<string, { f: Fact; a: Assumption; by: string[] }>();
  const note = (f: Fact, a: Assumption, by: string): void => {
    const key = `${f.id}|${a.id}`;
    const u = uses.get(key) ?? { f, a, by: [] };
    u.by.push(by);
    uses.set(key, u);
  };
  // derived rows by input fact, so finding the users of a conversion is not a scan per conversion
  const byInput = new Map<string, Derived[]>();
  for (const d of derived) {
    if (d.metric === 'converted_value') continue;
    for (const id of d.inputs) byInput.set(id, [...(byInput.get(id) ?? []), d]);
  }
  for (const d of derived) {
    if (d.metric !== 'converted_value') continue;
    const f = byId.get(d.inputs[0]);
    const a = d.assumptions.map((id) => fx.get(id)).find((x) => x && currencyPair(x.unit));
    if (!f || !a) continue;
    const users = (byInput.get(f.id) ?? []).filter((u) => u.assumptions.includes(a.id)).map((u) => u.id);
    for (const u of users.length > 0 ? users : [d.id]) note(f, a, u);
  }
  for (const c of claims) {
    let tree: Node;
    try { tree = parseExpression(c.expression); } catch { continue; }
    for (const { f, from, to } of converts(tree, byId)) {
      if (from === to) continue;
      let id: string;
      try { id = fxRate(from, to, assumptions, fxDate(f) ?? undefined).assumption; } catch { continue; }
      const a = fx.get(id);
      if (a) note(f, a, `claim ${c.id}`);
    }
  }
  const out: Finding[] = [];
  for (const [key, { f, a, by }] of uses) {
    const gap = fxGapDays(f, a);
    if (gap === null || gap === 0) continue;
    const pair = currencyPair(a.unit);
    const sameOrInverse = (u: string): boolean => u === a.unit || (pair !== null && u === `${pair.base}/${pair.quote}`);
    const inside = assumptions.filter((b) => b.id !== a.id && sameOrInverse(b.unit) && fxGapDays(f, b) === 0).map((b) => `${b.id} (${b.as_of})`);
    out.push({
      id: `stale-fx:${key}`, kind: 'plausibility', rule: 'stale-fx', status: 'warn',
      entities: [f.entity], sources: [f.source], inputs: [f.id, a.id], stated: null, computed: null,
      message: `${f.id} (${f.quantity}, ${describePeriod(f)}) is converted at ${a.id} = ${a.value} ${a.unit}, dated ${a.as_of}, `
        + `${Math.abs(gap)} days ${gap > 0 ? 'after the period ends' : 'before the period starts'} (used by ${listed(uniq(by))}); `
        + (inside.length > 0 ? `${inside.join(', ')} is dated inside the period.` : `no ${pair ? `${pair.quote}/${pair.base} ` : ''}rate dated inside the period is in assumptions.csv.`),
    });
  }
  return out;
}
