/**
 * Derivation check: evaluates each claim's expression over the facts and compares it with the
 * stated value (see ./compare). Missing inputs (`?id`) make the claim unverifiable.
 */
import type { Fact } from '../types';
import { formatInterval } from '../metrics/interval';
import type { Claim } from './claims';
import { compareIntervals } from './compare';
import { evaluateExpression, type EvalEnv } from './evaluate';
import { findingValue, uniq, type Finding } from './findings';
import { statedInterval } from './stated';

function entitiesOf(ids: readonly string[], facts: ReadonlyMap<string, Fact>): string[] {
  return uniq(ids.map((id) => facts.get(id)?.entity).filter((e): e is string => !!e));
}

/** One finding per claim. */
export function checkDerivation(claim: Claim, env: EvalEnv): Finding {
  const st = statedInterval(claim.stated, claim.tolerance);
  const ev = evaluateExpression(claim.expression, env);
  const stated = findingValue(st.interval, claim.unit, `${claim.stated} -> ${formatInterval(st.interval)} ${claim.unit}`);
  const base = {
    id: claim.id, kind: 'derivation' as const, rule: 'claim',
    entities: entitiesOf(ev.inputs, env.facts),
    sources: uniq([claim.source, ...ev.inputs.map((id) => env.facts.get(id)?.source ?? claim.source)]),
    inputs: [...ev.inputs, ...ev.assumptions],
    stated,
  };
  if (ev.interval === null) {
    return {
      ...base, status: 'unverifiable', computed: null,
      message: `${claim.claim}: needs ${ev.missing.join(', ')}, which no article gives.`,
    };
  }
  const computed = findingValue(ev.interval, claim.unit, `${claim.expression} = ${formatInterval(ev.interval)} ${claim.unit}`);
  const cmp = compareIntervals(ev.interval, st.interval);
  const nums = `${claim.expression} = ${formatInterval(ev.interval)} against stated ${claim.stated} read as ${formatInterval(st.interval)} ${claim.unit}`;
  let message: string;
  if (cmp.status === 'pass') {
    message = `${claim.claim}: ${nums}; they overlap.`;
  } else {
    const pct = `${(cmp.relativeGap * 100).toFixed(1)}%`;
    const p10 = cmp.powerOfTen !== null ? `, about 10^${cmp.powerOfTen} apart (a unit-scale slip?)` : '';
    message = `${claim.claim}: ${nums}; the gap is ${pct} of the stated value${p10}.`;
  }
  return { ...base, status: cmp.status, computed, message };
}

/** Findings for every claim; an evaluation error becomes a fail naming the claim's line. */
export function checkDerivations(claims: readonly Claim[], env: EvalEnv): Finding[] {
  return claims.map((c) => {
    try {
      return checkDerivation(c, env);
    } catch (e) {
      return {
        id: c.id, kind: 'derivation', rule: 'claim', status: 'fail', entities: [], sources: [c.source], inputs: [],
        stated: null, computed: null, message: `${c.file}:${c.line}: cannot evaluate: ${(e as Error).message}.`,
      } satisfies Finding;
    }
  });
}
