/**
 * What values a metric allows, as a table: a new metric gets its rule in one line. A fact's
 * value and both bounds of its interval are checked against the first rule of RANGE_RULES that
 * matches its metric (and unit, when the rule names one), else against the rule of its unit in
 * UNIT_RANGES; benchmark scores also against BENCHMARK_MAX. Documented in data/README.md
 * ("Allowed values").
 */
import type { UnitName } from '../units';

export interface RangeRule {
  /** smallest allowed value (inclusive) */
  min?: number;
  /** largest allowed value (inclusive) */
  max?: number;
  /** whole numbers only */
  integer?: boolean;
  /** why, as shown in the message */
  why: string;
}

export interface MetricRange {
  /** metric name, or a pattern over metric names */
  metric: string | RegExp;
  /** applies only to facts in this unit */
  unit?: UnitName;
  rule: RangeRule;
}

const NON_NEGATIVE = (what: string): RangeRule => ({ min: 0, why: `${what} cannot be negative` });

/** Rules by metric; the first match wins over the unit's rule. */
export const RANGE_RULES: readonly MetricRange[] = [
  { metric: /(^|_)share($|_)/, unit: 'percent', rule: { min: 0, max: 100, why: 'a share lies between 0% and 100%' } },
  { metric: /(^|_)margin($|_)/, unit: 'percent', rule: { max: 100, why: 'a margin cannot exceed 100%' } },
  { metric: /(^|_)(saving|reduction)$/, unit: 'percent', rule: { max: 100, why: 'a saving or reduction cannot exceed 100%' } },
  { metric: 'score', unit: 'percent', rule: { min: 0, max: 100, why: 'a score in percent lies between 0% and 100%' } },
  { metric: 'ps_ratio', rule: NON_NEGATIVE('a price-to-sales ratio') },
  // signed amounts: profits and cash flows may be negative
  { metric: /(^|_)(net_income|profit|cash_flow|operating_income)$/, unit: 'money', rule: { why: 'may be negative' } },
];

/** Rules by unit, for metrics no entry of RANGE_RULES matches. Units not listed take any value. */
export const UNIT_RANGES: Partial<Record<UnitName, RangeRule>> = {
  money: NON_NEGATIVE('an amount of money (revenue, funding, valuation, market cap, loss) is written as a positive amount and'),
  'money/token': NON_NEGATIVE('a price'),
  multiple: NON_NEGATIVE('a factor'),
  score: NON_NEGATIVE('a benchmark score'),
  rank: { min: 1, integer: true, why: 'a rank is a whole number from 1' },
  parameters: NON_NEGATIVE('a parameter count'),
  tokens: NON_NEGATIVE('a token count (context length, training tokens)'),
  'tokens/s': NON_NEGATIVE('a speed'),
  characters: NON_NEGATIVE('a character count'),
  bytes: NON_NEGATIVE('a size'),
  seconds: NON_NEGATIVE('a duration'),
  hours: NON_NEGATIVE('a duration'),
  months: NON_NEGATIVE('a duration'),
  years: NON_NEGATIVE('a duration or age'),
  count: NON_NEGATIVE('a count'),
  devices: NON_NEGATIVE('a count of devices (installs)'),
  vehicles: NON_NEGATIVE('a count of vehicles'),
  users: NON_NEGATIVE('a count of users'),
  people: NON_NEGATIVE('a count of people'),
  companies: NON_NEGATIVE('a count of companies'),
  requests: NON_NEGATIVE('a count of requests'),
  downloads: NON_NEGATIVE('a count of downloads'),
  models: NON_NEGATIVE('a count of models'),
  rounds: NON_NEGATIVE('a count of rounds'),
  samples: NON_NEGATIVE('a count of samples'),
  stars: NON_NEGATIVE('a count of stars'),
  terminals: NON_NEGATIVE('a count'),
  directions: NON_NEGATIVE('a count'),
};

/** Highest score of a benchmark, by the `benchmark` column (scores in points). */
export const BENCHMARK_MAX: Readonly<Record<string, number>> = {
  'AIME 2025': 100,
  'HMMT 2025': 100,
  IMOAnswerBench: 100,
};

/** The rule for a metric in a unit; null when any value is allowed. */
export function rangeRuleFor(metric: string, unit: string): RangeRule | null {
  for (const r of RANGE_RULES) {
    const hit = typeof r.metric === 'string' ? r.metric === metric : r.metric.test(metric);
    if (hit && (r.unit === undefined || r.unit === unit)) return r.rule;
  }
  return UNIT_RANGES[unit as UnitName] ?? null;
}

/** Full precision but short: 1e+37, -1000000000, 150. */
function show(v: number): string {
  return String(v);
}

/**
 * Problems of a value under a rule (`what`: how the value is named, e.g. the quantity text);
 * empty when it is allowed.
 */
export function rangeProblems(values: ReadonlyArray<number | null>, rule: RangeRule, what: string): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (v === null) continue;
    if (!Number.isFinite(v)) { out.push(`${what} reads as ${show(v)}, not a finite number`); break; }
    if (rule.min !== undefined && v < rule.min) { out.push(`${what} reads as ${show(v)}, below ${rule.min}: ${rule.why}`); break; }
    if (rule.max !== undefined && v > rule.max) { out.push(`${what} reads as ${show(v)}, above ${rule.max}: ${rule.why}`); break; }
    if (rule.integer && !Number.isInteger(v)) { out.push(`${what} reads as ${show(v)}, not a whole number: ${rule.why}`); break; }
  }
  return out;
}

/**
 * Every problem of a fact's value: its metric's or unit's rule, and for a benchmark score in
 * points the benchmark's maximum. `values`: the value and the bounds of its interval.
 */
export function factRangeProblems(
  metric: string, unit: string, benchmark: string | null, quantity: string, values: ReadonlyArray<number | null>,
): string[] {
  const what = `'${quantity}'`;
  const rule = rangeRuleFor(metric, unit);
  const out = rule ? rangeProblems(values, rule, what) : [];
  if (out.length === 0 && rule === null) {
    const bad = values.find((v) => v !== null && !Number.isFinite(v));
    if (bad !== undefined) out.push(`${what} reads as ${show(bad as number)}, not a finite number`);
  }
  const max = benchmark !== null && unit === 'score' && Object.prototype.hasOwnProperty.call(BENCHMARK_MAX, benchmark)
    ? BENCHMARK_MAX[benchmark] : undefined;
  if (out.length === 0 && max !== undefined) {
    out.push(...rangeProblems(values, { max, why: `the maximum score of ${benchmark} is ${max}` }, what));
  }
  return out;
}
