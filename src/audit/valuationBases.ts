/**
 * Mixed valuation bases. A comparison or a required-growth figure that sets a listed company's
 * market cap against a private company's valuation (post-money, private estimate or a reported
 * private value), or a reported revenue against an estimate, compares numbers arrived at in
 * different ways: a market price against a negotiated round, an audited figure against a
 * forecast. Each such claim or derived row is a warn that names both bases and the rows behind
 * them; derived rows with the same inputs (one figure over 2 and over 3 years) are one finding.
 *
 * The basis of a fact: a `market_cap` row is a listed market cap; a `valuation` row is a private
 * valuation of its `basis`; a stated P/S multiple takes the basis of its entity's value (listed
 * when the entity has a market cap, private when it has only valuations, none otherwise); a
 * revenue is an estimate when its qualifier is estimate, forecast or target, reported otherwise.
 */
import type { Fact } from '../types';
import type { Derived } from '../metrics/derived';
import type { Claim } from './claims';
import { uniq, type Finding } from './findings';
import { computations } from './inputs';

type Family = 'valuation' | 'revenue';

interface Basis { family: Family; name: string; fact: Fact; via?: Fact }

const GOALS = new Set(['estimate', 'forecast', 'target']);

/** The basis of each entity's value: listed (has a market cap) or its private valuation rows. */
function entityBases(facts: readonly Fact[]): Map<string, { name: string; via: Fact }> {
  const out = new Map<string, { name: string; via: Fact }>();
  for (const f of facts) {
    if (f.metric === 'market_cap') out.set(f.entity, { name: 'listed market cap', via: f });
  }
  for (const f of facts) {
    if (f.metric === 'valuation' && !out.has(f.entity)) out.set(f.entity, { name: `private valuation (${f.basis ?? 'unstated basis'})`, via: f });
  }
  return out;
}

function basisOf(f: Fact, entities: ReadonlyMap<string, { name: string; via: Fact }>): Basis | null {
  if (f.metric === 'market_cap' || f.basis === 'market-cap') return { family: 'valuation', name: 'listed market cap', fact: f };
  if (f.metric === 'valuation') return { family: 'valuation', name: `private valuation (${f.basis ?? 'unstated basis'})`, fact: f };
  if (f.metric === 'ps_ratio') {
    const e = entities.get(f.entity);
    return e ? { family: 'valuation', name: e.name, fact: f, via: e.via } : null;
  }
  if (f.metric === 'revenue') return { family: 'revenue', name: GOALS.has(f.qualifier) ? 'revenue estimate' : 'reported revenue', fact: f };
  return null;
}

function show(b: Basis): string {
  return b.via ? `${b.name}: ${b.fact.id} (${b.fact.quantity}, on ${b.via.id} ${b.via.quantity})` : `${b.name}: ${b.fact.id} (${b.fact.quantity})`;
}

const isPrivate = (name: string): boolean => name.startsWith('private valuation');

export function checkValuationBases(claims: readonly Claim[], derived: readonly Derived[], facts: readonly Fact[]): Finding[] {
  const byId = new Map(facts.map((f) => [f.id, f] as const));
  const entities = entityBases(facts);
  const seen = new Map<string, Finding>();
  for (const c of computations(claims, derived, byId)) {
    const bases = c.facts.map((f) => basisOf(f, entities)).filter((b): b is Basis => b !== null);
    const mixes: string[] = [];
    const listed = bases.filter((b) => b.name === 'listed market cap');
    const priv = bases.filter((b) => isPrivate(b.name));
    if (listed.length > 0 && priv.length > 0) {
      mixes.push(`sets ${listed.map(show).join(', ')} against ${priv.map(show).join(', ')}`);
    }
    const reported = bases.filter((b) => b.name === 'reported revenue');
    const estimated = bases.filter((b) => b.name === 'revenue estimate');
    if (reported.length > 0 && estimated.length > 0) {
      mixes.push(`sets ${reported.map(show).join(', ')} against ${estimated.map(show).join(', ')}`);
    }
    if (mixes.length === 0) continue;
    const inputs = uniq(c.facts.map((f) => f.id));
    const key = c.kind === 'derived' ? `${c.derived!.metric}:${inputs.join('|')}` : c.id;
    const prior = seen.get(key);
    if (prior) {
      prior.message = prior.message.replace(/^(derived [^:]+)/, `$1, ${c.id}`);
      continue;
    }
    seen.set(key, {
      id: `valuation-bases:${key}`, kind: 'plausibility', rule: 'mixed-valuation-bases', status: 'warn',
      entities: uniq(c.facts.map((f) => f.entity)), sources: uniq(c.facts.map((f) => f.source)), inputs,
      stated: null, computed: null,
      message: `${c.label}: ${mixes.join('; and ')}; a market price and a private round (or a reported and an expected figure) are arrived at differently, so the comparison mixes bases.`,
    });
  }
  return [...seen.values()];
}
