/**
 * Cross-checking candidates against the fact base with the audit's own conflict rule
 * (src/audit/conflicts): each candidate with an entity enters as a fact of its source, the
 * conflict check runs over the base plus the candidates, and every finding that names a
 * candidate is reported with the base rows it was compared with. Rounding is read as written
 * (metrics/tolerance): 1.9亿 and 1.909亿 agree; 4200万 against 4200万亿 fails naming both rows.
 */
import type { Assumption, Fact } from '../types';
import { checkConflicts } from '../audit/conflicts';
import type { Finding } from '../audit/findings';
import type { Candidate } from './extract';

export interface CrossCheck {
  candidate: Candidate;
  /** pass: agrees; warn / fail: a conflict; the audit's message names both rows */
  status: Finding['status'];
  /** base facts it was compared with */
  with: string[];
  message: string;
}

/** A candidate as a fact of the base (file and line name the inbox row). */
export function candidateFact(c: Candidate, file: string, line: number): Fact {
  return {
    id: c.id, table: c.table, entity: c.entity ?? '', metric: c.metric, quantity: c.quantity,
    value: c.value, low: c.low, high: c.high, unit: c.unit, currency: c.currency, qualifier: c.qualifier,
    as_of: c.as_of, period_start: c.period_start, period_end: c.period_end,
    source: c.source ?? 'new', seed_file: c.seed_file ?? '', evidence: c.evidence, note: c.note,
    benchmark: c.benchmark ?? null, variant: c.variant ?? null, round: c.round ?? null, investors: c.investors ?? null, basis: c.basis ?? null,
    file, line,
  };
}

/**
 * What each candidate agrees or conflicts with in `base`: the candidate and the base rows of
 * its entity and metric go through the audit's conflict check together (one check per
 * candidate, so the finding names this candidate and the base row it disagrees with most).
 * Candidates whose entity and metric the base does not hold yet are new to it and not listed.
 */
export function crossCheck(candidates: readonly Candidate[], base: readonly Fact[], assumptions: readonly Assumption[], file = 'inbox'): CrossCheck[] {
  const groups = new Map<string, Fact[]>();
  for (const f of base) {
    const k = `${f.entity}|${f.metric}`;
    const g = groups.get(k);
    if (g) g.push(f); else groups.set(k, [f]);
  }
  const out: CrossCheck[] = [];
  candidates.forEach((c, i) => {
    if (c.entity === null) return;
    const group = groups.get(`${c.entity}|${c.metric}`);
    if (!group) return;
    const fact = candidateFact(c, file, i + 2);
    for (const f of checkConflicts([...group, fact], assumptions)) {
      if (!f.inputs.includes(c.id)) continue;
      const others = f.inputs.filter((id) => id !== c.id && group.some((g) => g.id === id));
      if (others.length === 0) continue;
      out.push({ candidate: c, status: f.status, with: others, message: f.message });
    }
  });
  return out;
}
