/**
 * Launch-period run rates. Sales (or revenue) of the first months after a launch carry the
 * launch: pent-up orders, launch pricing, dealer stocking. Annualising them (the Geely Galaxy
 * M9's 近4万 of its first three months x 12/3) is not a steady yearly rate. A claim that calls
 * annualize() on such a figure, or a derived run-rate / annualized row built from one, is a warn
 * naming the figure, its months and the factor; rows built from one reported event are one
 * finding.
 *
 * A launch-period figure is a flow shorter than 12 months whose evidence says the months count
 * from a launch: 上市 / 上线 / 发布 / 推出 / 开售 followed by the number of months
 * (上市3个月, 上市三個月內), white space aside, simplified or traditional script.
 */
import type { Fact } from '../types';
import type { Derived } from '../metrics/derived';
import { periodMonths, describePeriod } from '../metrics/period';
import type { Claim } from './claims';
import { expressionCalls } from './expression';
import { uniq, type Finding } from './findings';
import { computations } from './inputs';

const LAUNCH_RE = /(上市|上线|上線|发布|發布|推出|开售|開售)(后|後|首|前)?[0-9一二两兩三四五六七八九十]+(个|個)?月/;

/** Months since launch a fact covers, or null when its evidence does not count from a launch. */
export function launchMonths(f: Fact): number | null {
  const m = periodMonths(f);
  if (m === null || m >= 12) return null;
  return LAUNCH_RE.test(f.evidence.replace(/\s+/g, '')) ? m : null;
}

/** Whether a derived row annualises its inputs (a run-rate, an annualized figure, x 12/n). */
function annualises(d: Derived): boolean {
  return d.metric === 'yearly_run_rate' || d.metric === 'annualized_revenue' || /12\s*\/\s*\d/.test(d.formula) || /run-rate|annuali[sz]/.test(d.method ?? '');
}

export function checkLaunchRunRates(claims: readonly Claim[], derived: readonly Derived[], facts: readonly Fact[]): Finding[] {
  const byId = new Map(facts.map((f) => [f.id, f] as const));
  const groups = new Map<string, { fact: Fact; months: number; users: string[]; facts: Fact[] }>();
  for (const c of computations(claims, derived, byId)) {
    const annual = c.kind === 'claim' ? (c.tree !== null && expressionCalls(c.tree).includes('annualize')) : annualises(c.derived!);
    if (!annual) continue;
    for (const f of c.facts) {
      const months = launchMonths(f);
      if (months === null) continue;
      const key = f.event ?? f.id;
      const g = groups.get(key) ?? { fact: f, months, users: [], facts: [] };
      g.users.push(c.label);
      g.facts.push(f);
      groups.set(key, g);
    }
  }
  return [...groups.entries()].map(([key, g]) => {
    const facts = uniq(g.facts.map((f) => f.id));
    const factor = 12 / g.months;
    return {
      id: `launch-run-rate:${key}`, kind: 'plausibility' as const, rule: 'launch-run-rate', status: 'warn' as const,
      entities: uniq(g.facts.map((f) => f.entity)), sources: uniq(g.facts.map((f) => f.source)), inputs: facts,
      stated: null, computed: null,
      message: `${uniq(g.users).join(', ')} annualise ${facts.join(', ')} (${g.fact.quantity}, ${describePeriod(g.fact)}), `
        + `the first ${g.months} months after a launch, by x 12/${g.months} = ${Number(factor.toPrecision(3))}; launch months carry `
        + 'pent-up demand and launch offers, so this is not a steady yearly rate.',
    };
  });
}
