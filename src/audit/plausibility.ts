/**
 * Plausibility rules over the whole fact base and the derived table:
 * memory vs parameters (./memory), unit-scale slips and conversion rates (./scale), claim
 * periods (./periods), and here: active parameters above total parameters, shares above
 * 100%, and P/S-type multiples of peers far apart (compared only within like groups).
 */
import type { Assumption, Fact } from '../types';
import { groupBy } from '../data/group';
import * as I from '../metrics/interval';
import { factInterval } from '../metrics/tolerance';
import type { Derived } from '../metrics/derived';
import type { Claim } from './claims';
import { findingValue, uniq, type Finding } from './findings';
import { formatRange, sig } from './numbers';
import { checkMemory } from './memory';
import { checkConversionRatios, checkScaleMismatch } from './scale';
import { checkClaimPeriods } from './periods';

/** Multiples more than this factor apart are a warn. */
export const MULTIPLE_SPREAD = 3;

/** Active parameters above the total of the same model and source: fail. Totals are looked up by key (one pass). */
export function checkActiveVsTotal(facts: readonly Fact[]): Finding[] {
  const out: Finding[] = [];
  const key = (f: Fact) => `${f.entity}\u0000${f.source}`;
  const totals = groupBy(facts.filter((t) => t.metric === 'total_parameters'), key);
  for (const a of facts) {
    if (a.metric !== 'active_parameters') continue;
    for (const t of totals.get(key(a)) ?? []) {
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
const DERIVED_SHARES = ['funding_share', 'active_parameter_share'];

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

interface MultipleGroup { key: string; what: string; rows: Multiple[] }

/**
 * Multiples that should be read together, like with like: the P/S multiples one article sets
 * side by side (stated ps_ratio rows of one source); P/S computed from private valuations, per
 * valuation date; market cap to annualized sales of listed companies, per market-cap date.
 */
function multipleGroups(facts: readonly Fact[], derived: readonly Derived[]): MultipleGroup[] {
  const groups = new Map<string, MultipleGroup>();
  const add = (key: string, what: string, m: Multiple): void => {
    const g = groups.get(key) ?? { key, what, rows: [] };
    g.rows.push(m);
    groups.set(key, g);
  };
  const byId = new Map(facts.map((f) => [f.id, f] as const));
  for (const f of facts.filter((x) => x.metric === 'ps_ratio')) {
    add(`ps_ratio:${f.source}`, `the P/S multiples ${f.source} sets side by side`,
      { label: `${f.entity} ${f.quantity}`, entity: f.entity, x: factInterval(f, 'stated'), inputs: [f.id], sources: [f.source] });
  }
  for (const d of derived.filter((x) => x.metric === 'ps_ratio' || x.metric === 'market_cap_to_sales')) {
    const price = byId.get(d.inputs[0]);
    const date = price?.as_of ?? 'undated';
    const x = I.interval(d.low, d.high);
    const m: Multiple = {
      label: `${d.entity} ${formatRange(x, 'multiple')}`, entity: d.entity, x, inputs: d.inputs,
      sources: uniq(d.inputs.map((id) => byId.get(id)?.source ?? '').filter(Boolean)),
    };
    if (d.metric === 'ps_ratio') add(`ps_ratio:computed:${date}`, `P/S computed from private valuations of ${date}`, m);
    else add(`market_cap_to_sales:${date}`, `market cap (${date}) over annualized revenue of listed companies`, m);
  }
  return [...groups.values()];
}

/** Multiples of one group more than MULTIPLE_SPREAD apart: warn (see multipleGroups). */
export function checkMultipleSpread(facts: readonly Fact[], derived: readonly Derived[]): Finding[] {
  const out: Finding[] = [];
  for (const g of multipleGroups(facts, derived)) {
    const bounded = g.rows.filter((m) => I.isBounded(m.x) && m.x.lo > 0);
    if (new Set(bounded.map((m) => m.entity)).size < 2) continue;
    const lowest = bounded.reduce((a, b) => (b.x.hi < a.x.hi ? b : a));
    const highest = bounded.reduce((a, b) => (b.x.lo > a.x.lo ? b : a));
    const factor = highest.x.lo / lowest.x.hi;
    const spread = factor > MULTIPLE_SPREAD;
    const arithmetic = `${sig(highest.x.lo)} / ${sig(lowest.x.hi)} = ${sig(factor)}`;
    out.push({
      id: `multiples:spread:${g.key}`, kind: 'plausibility', rule: 'multiple-spread', status: spread ? 'warn' : 'pass',
      entities: uniq(bounded.map((m) => m.entity)), sources: uniq(bounded.flatMap((m) => m.sources)),
      inputs: uniq(bounded.flatMap((m) => m.inputs)),
      stated: findingValue(lowest.x, 'multiple', lowest.label), computed: findingValue(highest.x, 'multiple', highest.label),
      message: spread
        ? `Among ${g.what}, ${highest.label} is at least ${arithmetic} times ${lowest.label}, more than the ${MULTIPLE_SPREAD}x within which peers read as one benchmark, so whether a multiple looks reasonable depends on which peer is chosen.`
        : `Among ${g.what}, the highest, ${highest.label}, is at most ${MULTIPLE_SPREAD}x the lowest, ${lowest.label} (${arithmetic}).`,
    });
  }
  return out;
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
