/**
 * Derivation check: evaluates each claim's expression over the facts and compares it with the
 * stated value (see ./compare). Missing inputs (`?id`) make the claim unverifiable.
 *
 * Claims of type `cross-check` relate figures the article prints without relating them. Their
 * rule: warn when the computation misses the stated value (the article is not wrong, the
 * analyst's relation does not hold); warn too when it matches but the stated fact measures a
 * different metric or period than the inputs (a numerical coincidence is not a confirmation);
 * pass only when value, metric and period all agree.
 *
 * A stated direction or one-sided bound (`>0`, `>=100%`, `超50%`) holds only when the whole
 * computed interval lies on its side; a computed range that straddles the bound is a warn whose
 * message says which part of it meets the statement and which does not (see ./compare).
 */
import type { Fact } from '../types';
import * as I from '../metrics/interval';
import { factInterval } from '../metrics/tolerance';
import { describePeriod } from '../metrics/period';
import type { Claim } from './claims';
import { CLOSED, compareIntervals, describeGap, describeStraddle, statedSide, type Ends } from './compare';
import { isOrderOfMagnitude } from '../metrics/rules/statedNumber';
import { evaluateExpression, type EvalEnv, type Evaluation } from './evaluate';
import { findingValue, uniq, type Finding, type FindingStatus } from './findings';
import { formatAmount, formatRange } from './numbers';
import { isStatedFactId, statedInterval } from './stated';

function entitiesOf(ids: readonly string[], facts: ReadonlyMap<string, Fact>): string[] {
  return uniq(ids.map((id) => facts.get(id)?.entity).filter((e): e is string => !!e));
}

interface Stated {
  interval: I.Interval;
  written: I.Interval;
  /** the stated value for messages: `5GB`, or `tmt-... 近20倍` for a stated fact */
  label: string;
  fact: Fact | null;
  /** finite ends of `interval` that do not meet the statement (see ./stated) */
  ends: Ends;
}

/** An interval as text, with `(` / `)` at an excluded end: `[1亿 CNY, 10亿 CNY)`, `(0, +inf)`. */
function rangeText(x: I.Interval, ends: Ends, unit: string, currency: string | null): string {
  let t = formatRange(x, unit, currency);
  if (I.isPoint(x)) return t;
  if (ends.lo && t.startsWith('[')) t = `(${t.slice(1)}`;
  if (ends.hi) {
    const k = t.lastIndexOf(']');
    if (k >= 0) t = `${t.slice(0, k)})${t.slice(k + 1)}`;
  }
  return t;
}

function readStated(claim: Claim, env: EvalEnv): Stated {
  const fact = isStatedFactId(claim.stated) ? env.facts.get(claim.stated) : undefined;
  if (fact) {
    const label = `${fact.id} ${fact.quantity}`;
    // an order of magnitude is a class [S, 10S) with no tolerance (as in ./stated)
    if (isOrderOfMagnitude(fact.quantity)) {
      const band = factInterval(fact, 'stated');
      return { interval: band, written: band, label, fact, ends: { lo: false, hi: true } };
    }
    return { interval: factInterval(fact, 'tolerant'), written: factInterval(fact, 'stated'), label, fact, ends: CLOSED };
  }
  const st = statedInterval(claim.stated, claim.tolerance);
  return { interval: st.interval, written: st.written, label: claim.stated, fact: null, ends: st.ends };
}

/** How the metrics and periods of the inputs differ from those of the stated fact; empty when alike. */
function crossCheckDifference(inputs: readonly Fact[], stated: Fact | null): string {
  if (!stated || inputs.length === 0) return '';
  const describe = (f: Fact): string => `${f.metric} over ${describePeriod(f)}`;
  const differ = inputs.filter((f) => f.metric !== stated.metric || describePeriod(f) !== describePeriod(stated));
  if (differ.length === 0) return '';
  return `it sets ${uniq(differ.map(describe)).join(' and ')} against ${describe(stated)}`;
}

function compareText(ev: Evaluation & { interval: I.Interval }, st: Stated, claim: Claim): { gap: string; read: string; straddle: string } {
  const fmt = (x: number): string => formatAmount(x, claim.unit, ev.currency);
  return {
    gap: describeGap(ev.interval, st.written, fmt, st.ends),
    read: `read as ${rangeText(st.interval, st.ends, claim.unit, ev.currency)}`,
    straddle: describeStraddle(ev.interval, st.interval, st.ends, fmt),
  };
}

/** The stated value with its reading: `the stated >=100% (read as [100%, +inf))`. */
function statedWithReading(st: Stated, read: string): string {
  return st.fact ? `${st.label} (${read})` : `the stated ${st.label} (${read})`;
}

/** One finding per claim. */
export function checkDerivation(claim: Claim, env: EvalEnv): Finding {
  const st = readStated(claim, env);
  const ev = evaluateExpression(claim.expression, env);
  const factIds = st.fact ? uniq([...ev.inputs, st.fact.id]) : ev.inputs;
  const stated = findingValue(st.interval, claim.unit, `${st.label} -> ${rangeText(st.interval, st.ends, claim.unit, ev.currency)}`);
  const crossCheck = claim.type === 'cross-check';
  const base = {
    id: claim.id, kind: 'derivation' as const, rule: crossCheck ? 'cross-check' : 'claim',
    entities: entitiesOf(factIds, env.facts),
    sources: uniq([claim.source, ...factIds.map((id) => env.facts.get(id)?.source ?? claim.source)]),
    inputs: [...factIds, ...ev.assumptions],
    stated,
  };
  if (ev.interval === null) {
    return {
      ...base, status: 'unverifiable', computed: null,
      message: `${claim.claim}: needs ${ev.missing.join(', ')}, which no article gives.`,
    };
  }
  const evaluated = { ...ev, interval: ev.interval };
  const range = formatRange(ev.interval, claim.unit, ev.currency);
  const computed = findingValue(ev.interval, claim.unit, `${claim.expression} = ${range}`);
  const cmp = compareIntervals(ev.interval, st.interval, undefined, { ends: st.ends, wholeOnSide: true });
  const { gap, read, straddle } = compareText(evaluated, st, claim);
  const statedText = statedWithReading(st, read);
  const straddles = `${claim.expression} = ${range} straddles ${statedText}: ${straddle}`;
  const lhs = I.isPoint(ev.interval) ? `${claim.expression} = ${gap}` : `${claim.expression} = ${range}, and ${gap}`;

  if (crossCheck) {
    const prefix = `${claim.claim} (cross-check, not stated by the article)`;
    const inputs = ev.inputs.map((id) => env.facts.get(id)).filter((f): f is Fact => !!f);
    const diff = crossCheckDifference(inputs, st.fact);
    let status: FindingStatus;
    let message: string;
    if (cmp.straddles) {
      status = 'warn';
      message = `${prefix}: ${straddles}, so the relation holds only in part.`;
    } else if (cmp.status !== 'pass') {
      status = 'warn';
      message = `${prefix}: ${lhs} (${read}), so the relation does not hold.`;
    } else if (diff) {
      status = 'warn';
      message = `${prefix}: ${claim.expression} = ${range} overlaps ${statedText}, but ${diff}, so the match is a coincidence of numbers, not a confirmation.`;
    } else {
      status = 'pass';
      message = `${prefix}: ${claim.expression} = ${range} overlaps ${statedText}, with the same metric and period.`;
    }
    return { ...base, status, computed, message };
  }

  let message: string;
  if (cmp.status === 'pass') {
    const holds = statedSide(st.interval) === null ? 'which overlaps' : I.isPoint(ev.interval) ? 'which meets' : 'all of which meets';
    message = `${claim.claim}: ${claim.expression} = ${range}, ${holds} ${statedText}.`;
  } else if (cmp.straddles) {
    message = `${claim.claim}: ${straddles}.`;
  } else {
    const p10 = cmp.powerOfTen !== null ? `; about 10^${Math.abs(cmp.powerOfTen)} apart, so a scale word (亿 vs B, 万亿 vs 千亿) is probably wrong` : '';
    message = `${claim.claim}: ${lhs} (${read})${p10}.`;
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
        id: c.id, kind: 'derivation', rule: c.type === 'cross-check' ? 'cross-check' : 'claim', status: 'fail', entities: [], sources: [c.source], inputs: [],
        stated: null, computed: null, message: `${c.file}:${c.line}: cannot evaluate: ${(e as Error).message}.`,
      } satisfies Finding;
    }
  });
}
