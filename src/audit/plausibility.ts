/**
 * Plausibility rules over the whole fact base and the derived table:
 * memory vs parameters (./memory), unit-scale slips and conversion rates (./scale), claim
 * periods (./periods), and here: active parameters above total parameters, shares above
 * 100%, and P/S-type multiples of peers far apart.
 */
import type { Assumption, Fact } from '../types';
import * as I from '../metrics/interval';
import { factInterval } from '../metrics/tolerance';
import type { Derived } from '../metrics/derived';
import type { Claim } from './claims';
import { findingValue, uniq, type Finding } from './findings';
import { checkMemory } from './memory';
import { checkConversionRatios, checkScaleMismatch } from './scale';
import { checkClaimPeriods } from './periods';

/** Multiples more than this factor apart are a warn. */
export const MULTIPLE_SPREAD = 3;

export function checkActiveVsTotal(facts: readonly Fact[]): Finding[] {
  const out: Finding[] = [];
  for (const a of facts.filter((f) => f.metric === 'active_parameters')) {
    for (const t of facts.filter((f) => f.metric === 'total_parameters' && f.entity === a.entity && f.source === a.source)) {
      const ax = factInterval(a, 'stated');
      const tx = factInterval(t, 'stated');
      const bad = ax.lo > tx.hi;
      out.push({
        id: `active-total:${a.id}|${t.id}`, kind: 'plausibility', rule: 'active-vs-total', status: bad ? 'fail' : 'pass',
        entities: [a.entity], sources: uniq([a.source, t.source]), inputs: [a.id, t.id],
        stated: findingValue(ax, 'parameters', `${a.quantity} active`), computed: findingValue(tx, 'parameters', `${t.quantity} total`),
        message: bad ? `${a.entity}: ${a.quantity} active parameters exceed ${t.quantity} total.` : `${a.entity}: ${a.quantity} active <= ${t.quantity} total.`,
      });
    }
  }
  return out;
}

const SHARE_METRIC_RE = /share|penetration|accuracy/;
const DERIVED_SHARES = ['funding_share', 'daily_active_share', 'active_parameter_share'];

export function checkShares(facts: readonly Fact[], derived: readonly Derived[]): Finding[] {
  const out: Finding[] = [];
  let checked = 0;
  for (const f of facts.filter((x) => x.unit === 'percent' && (SHARE_METRIC_RE.test(x.metric) || x.metric === 'score'))) {
    checked++;
    const x = factInterval(f, 'stated');
    if (x.lo <= 100) continue;
    out.push({
      id: `share:${f.id}`, kind: 'plausibility', rule: 'share-above-100', status: 'fail', entities: [f.entity], sources: [f.source],
      inputs: [f.id], stated: findingValue(x, 'percent', f.quantity), computed: null,
      message: `${f.id}: ${f.entity} ${f.metric} is ${f.quantity}, above 100%.`,
    });
  }
  for (const d of derived.filter((x) => DERIVED_SHARES.includes(x.metric))) {
    checked++;
    if (d.low === null || d.low <= 100) continue;
    out.push({
      id: `share:${d.id}`, kind: 'plausibility', rule: 'share-above-100', status: 'fail', entities: [d.entity], sources: [],
      inputs: d.inputs, stated: null, computed: findingValue(I.interval(d.low, d.high), 'percent'),
      message: `${d.metric} of ${d.entity} = ${d.formula} = ${I.formatInterval(I.interval(d.low, d.high))}%, above 100% (${d.inputs.join(', ')}).`,
    });
  }
  if (out.length === 0) {
    out.push({
      id: 'share:all', kind: 'plausibility', rule: 'share-above-100', status: 'pass', entities: [], sources: [], inputs: [],
      stated: null, computed: null, message: `${checked} shares and percent scores checked; none above 100%.`,
    });
  }
  return out;
}

interface Multiple { label: string; entity: string; x: I.Interval; inputs: string[]; sources: string[] }

/** P/S of private companies (stated and derived) and market cap to sales of listed ones. */
export function checkMultipleSpread(facts: readonly Fact[], derived: readonly Derived[]): Finding[] {
  const ms: Multiple[] = [];
  for (const f of facts.filter((x) => x.metric === 'ps_ratio')) {
    ms.push({ label: `${f.entity} P/S ${f.quantity} (stated)`, entity: f.entity, x: factInterval(f, 'stated'), inputs: [f.id], sources: [f.source] });
  }
  for (const d of derived.filter((x) => x.metric === 'ps_ratio' || x.metric === 'market_cap_to_sales')) {
    const x = I.interval(d.low, d.high);
    ms.push({
      label: `${d.entity} ${d.metric === 'ps_ratio' ? 'P/S' : 'market cap / sales'} ${I.formatInterval(x)}x (${d.formula}${d.method ? ', annualized' : ''})`,
      entity: d.entity, x, inputs: d.inputs, sources: uniq(d.inputs.map((id) => facts.find((f) => f.id === id)?.source ?? '').filter(Boolean)),
    });
  }
  const bounded = ms.filter((m) => Number.isFinite(m.x.lo) && m.x.lo > 0);
  if (bounded.length < 2) return [];
  const lowest = bounded.reduce((a, b) => (b.x.hi < a.x.hi ? b : a));
  const highest = bounded.reduce((a, b) => (b.x.lo > a.x.lo ? b : a));
  const factor = highest.x.lo / lowest.x.hi;
  const spread = factor > MULTIPLE_SPREAD;
  return [{
    id: 'multiples:spread', kind: 'plausibility', rule: 'multiple-spread', status: spread ? 'warn' : 'pass',
    entities: uniq(bounded.map((m) => m.entity)), sources: uniq(bounded.flatMap((m) => m.sources)),
    inputs: uniq(bounded.flatMap((m) => m.inputs)),
    stated: findingValue(lowest.x, 'multiple', lowest.label), computed: findingValue(highest.x, 'multiple', highest.label),
    message: spread
      ? `Peer multiples are far apart: the lowest, ${lowest.label}, and the highest, ${highest.label}, differ by at least ${Number(factor.toPrecision(3))}x, so a "reasonable" multiple depends on which peers are chosen (all: ${bounded.map((m) => m.label).join('; ')}).`
      : `Peer multiples lie within ${MULTIPLE_SPREAD}x of each other.`,
  }];
}

export interface PlausibilityInput {
  facts: readonly Fact[];
  assumptions: readonly Assumption[];
  derived: readonly Derived[];
  claims: readonly Claim[];
}

export function checkPlausibility(input: PlausibilityInput): Finding[] {
  const byId = new Map(input.facts.map((f) => [f.id, f] as const));
  return [
    ...checkMemory(input.facts),
    ...checkScaleMismatch(input.facts),
    ...checkConversionRatios(input.facts),
    ...checkActiveVsTotal(input.facts),
    ...checkShares(input.facts, input.derived),
    ...checkMultipleSpread(input.facts, input.derived),
    ...checkClaimPeriods(input.claims, byId),
  ];
}
