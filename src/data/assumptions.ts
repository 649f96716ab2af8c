/**
 * assumptions.csv: analyst inputs that are in no article (FX rates). Code may override values
 * by id: `readAssumptions({ overrides: { 'usd-cny-2026-01': 7.2 } })`.
 *
 * An assumption's unit is a unit name of ./units or, for an FX rate, a currency pair
 * `QUOTE/BASE` (`CNY/USD`: CNY per 1 USD). After overrides, the FX rates of one `as_of` must
 * agree with each other: CNY/USD x USD/HKD = CNY/HKD within FX_TRIANGLE_TOLERANCE (see
 * checkFxTriangles), so overriding one rate of a triangle alone is an error.
 */
import * as path from 'path';
import type { Assumption } from '../types';
import { readCsvTable } from './csv';
import { IssueList } from './errors';
import { FieldReader } from './fields';
import { displayPath } from './paths';
import { ASSUMPTION_COLUMNS, PLAIN_ID_RE, TABLE_FILES } from './schema';
import { currencyPair, isUnitName, UNIT_NAMES } from './units';
import { yearProblem } from './checks/dates';
import type { CurrencyPair } from './units';

/** Assumption values replacing the file's, by assumption id. */
export type AssumptionOverrides = Record<string, number>;

/** Relative disagreement allowed between a cross rate and the product of the two others. */
export const FX_TRIANGLE_TOLERANCE = 0.005;

const NUMBER_RE = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** assumptions.csv with where each row is. */
export interface AssumptionRows {
  assumptions: Assumption[];
  /** the file as displayed */
  file: string;
  /** line of each assumption id */
  lines: Map<string, number>;
}

/** Reads and checks assumptions.csv of `dataDir`, keeping the line of every row. */
export function readAssumptionRows(dataDir: string, issues: IssueList): AssumptionRows {
  const abs = path.join(dataDir, TABLE_FILES.assumptions);
  const file = displayPath(abs);
  const table = readCsvTable(abs, file, ASSUMPTION_COLUMNS, issues);
  const out: AssumptionRows = { assumptions: [], file, lines: new Map() };
  if (!table) return out;
  for (const rec of table.records) {
    const f = new FieldReader(issues, table.file, rec);
    const id = f.matching('id', PLAIN_ID_RE, 'a lowercase id');
    if (id !== '' && out.lines.has(id)) f.fail('id', `duplicate assumption id '${id}' (first at line ${out.lines.get(id)})`);
    else if (id !== '') out.lines.set(id, rec.line);
    const name = f.required('name');
    const text = f.required('value');
    if (text !== '' && !NUMBER_RE.test(text)) f.fail('value', `'${text}' is not a number`);
    else if (text !== '' && !Number.isFinite(Number(text))) f.fail('value', `'${text}' is not a finite number`);
    const unit = f.required('unit');
    if (unit !== '' && !isUnitName(unit) && !currencyPair(unit)) {
      f.fail('unit', `'${unit}' is neither a currency pair QUOTE/BASE of CNY, USD, HKD (CNY/USD) nor a unit (${UNIT_NAMES.join(', ')})`);
    }
    if (currencyPair(unit) && NUMBER_RE.test(text) && Number.isFinite(Number(text)) && !(Number(text) > 0)) f.fail('value', `an FX rate must be positive, got ${text}`);
    const asOf = f.date('as_of', true);
    const asOfWhy = asOf === null ? null : yearProblem(asOf);
    if (asOfWhy) f.fail('as_of', asOfWhy);
    const rationale = f.required('rationale');
    const reference = f.optional('reference');
    if (f.ok) out.assumptions.push({ id, name, value: Number(text), unit, as_of: asOf!, rationale, reference });
  }
  return out;
}

/** Reads and checks assumptions.csv of `dataDir`; problems go to `issues`, bad rows are left out. */
export function collectAssumptions(dataDir: string, issues: IssueList): Assumption[] {
  return readAssumptionRows(dataDir, issues).assumptions;
}

/** Applies overrides by id; an id that no assumption has is an error. */
export function applyOverrides(assumptions: Assumption[], overrides: AssumptionOverrides = {}): Assumption[] {
  const ids = new Set(assumptions.map((a) => a.id));
  for (const [id, v] of Object.entries(overrides)) {
    if (!ids.has(id)) throw new Error(`override for unknown assumption id '${id}'`);
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`override for '${id}' is not a finite number: ${v}`);
  }
  return assumptions.map((a) => (Object.prototype.hasOwnProperty.call(overrides, a.id) ? { ...a, value: overrides[a.id] } : a));
}

/** An FX assumption with its currency pair. */
interface Leg { a: Assumption; pair: CurrencyPair }

/** Rate of `leg` as `quote` per 1 `base`, inverting the assumption when it is written base/quote. */
function rateAs(leg: Leg, quote: string, base: string): number {
  return leg.pair.quote === quote && leg.pair.base === base ? leg.a.value : 1 / leg.a.value;
}

/** Whether `leg` is written as quote/base. */
function written(leg: Leg, quote: string, base: string): boolean {
  return leg.pair.quote === quote && leg.pair.base === base;
}

/**
 * Three rates over three currencies as cross = first x second (Q/B = Q/M x M/B). The cross rate
 * is the one for which the other two are written in that direction (CNY/HKD for CNY/USD and
 * USD/HKD); when no choice does that, the first of the three.
 */
function arrange(three: Leg[]): { first: Leg; second: Leg; cross: Leg; mid: string } {
  const options = three.map((cross, c) => {
    const [x, y] = three.filter((_, i) => i !== c);
    const { quote, base } = cross.pair;
    const mid = [x.pair.quote, x.pair.base].find((cur) => cur !== quote && cur !== base)!;
    const first = x.pair.quote === quote || x.pair.base === quote ? x : y;
    const second = first === x ? y : x;
    return { first, second, cross, mid, direct: written(first, quote, mid) && written(second, mid, base) };
  });
  return options.find((o) => o.direct) ?? options[0];
}

function fmt(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/**
 * Checks every triangle of FX rates with the same `as_of`: for rates A/B, B/C and A/C (each
 * possibly given inverted), A/B x B/C must equal A/C within FX_TRIANGLE_TOLERANCE. A mismatch
 * is reported at the cross rate's line (`value`), naming the three ids, and asks for all three
 * to be overridden together. `overridden` marks ids whose value came from an override.
 */
export function checkFxTriangles(
  rows: AssumptionRows, assumptions: readonly Assumption[], overridden: ReadonlySet<string>, issues: IssueList,
): void {
  const byDate = new Map<string, Leg[]>();
  for (const a of assumptions) {
    const pair = currencyPair(a.unit);
    if (!pair || !(a.value > 0)) continue;
    byDate.set(a.as_of, [...(byDate.get(a.as_of) ?? []), { a, pair }]);
  }
  for (const [asOf, legs] of byDate) {
    for (let i = 0; i < legs.length; i++) {
      for (let j = i + 1; j < legs.length; j++) {
        for (let k = j + 1; k < legs.length; k++) {
          const three = [legs[i], legs[j], legs[k]];
          const currencies = new Set(three.flatMap((l) => [l.pair.quote, l.pair.base]));
          const pairs = new Set(three.map((l) => [l.pair.quote, l.pair.base].sort().join('/')));
          if (currencies.size !== 3 || pairs.size !== 3) continue;
          const { first, second, cross, mid } = arrange(three);
          const { quote, base } = cross.pair;
          const implied = rateAs(first, quote, mid) * rateAs(second, mid, base);
          const stated = cross.a.value;
          const gap = Math.abs(implied / stated - 1);
          if (gap <= FX_TRIANGLE_TOLERANCE) continue;
          const show = (l: Leg, q: string, b: string): string => {
            const tag = overridden.has(l.a.id) ? ', overridden' : '';
            const inverted = written(l, q, b) ? '' : `, 1 / ${fmt(l.a.value)} ${l.pair.quote}/${l.pair.base}`;
            return `${l.a.id} (${fmt(rateAs(l, q, b))} ${q}/${b}${inverted}${tag})`;
          };
          const ids = [first.a.id, second.a.id, cross.a.id];
          issues.add(rows.file, rows.lines.get(cross.a.id) ?? 0, 'value',
            `FX rates of ${asOf} disagree: ${show(first, quote, mid)} x ${show(second, mid, base)} = ${fmt(implied)} ${quote}/${base}, `
            + `but ${cross.a.id} is ${fmt(stated)} ${quote}/${base}${overridden.has(cross.a.id) ? ' (overridden)' : ''}; ${(gap * 100).toFixed(2)}% apart, more than ${FX_TRIANGLE_TOLERANCE * 100}%. `
            + `Override ${ids.slice(0, 2).join(', ')} and ${ids[2]} together, or set one rate through a scenario, which moves the others (ds.scenario({ fx: { USDCNY: 7.2 } }) or bv.open({ overrides }))`);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// FX scenarios: overrides that keep every triangle of rates consistent

/** An override as the analyst wrote it, for messages: `fx.USDCNY = 7.2`, `overrides['usd-cny-2026-01'] = 7.2`. */
export interface FxOverride {
  id: string;
  value: number;
  /** what the analyst set, named in errors */
  given: string;
}

/** A contradictory set of FX overrides; the message names the overrides, not a file. */
export class FxScenarioError extends Error {
  constructor(message: string, readonly given: string[]) {
    super(message);
    this.name = 'FxScenarioError';
  }
}

/** The assumption id of the HKD peg (USD per HKD), held fixed when the USD/CNY rate moves. */
export const HKD_PEG_ID = 'hkd-usd-peg';

/** Market-convention pair names of fx scenarios: `USDCNY` is CNY per 1 USD. */
export type FxPairName = 'USDCNY' | 'USDHKD' | 'HKDCNY' | 'CNYUSD' | 'HKDUSD' | 'CNYHKD';

function pairOf(name: string): { base: string; quote: string } {
  const m = /^(CNY|USD|HKD)(CNY|USD|HKD)$/.exec(name);
  if (!m || m[1] === m[2]) throw new Error(`unknown FX pair '${name}': write BASEQUOTE of CNY, USD, HKD (USDCNY = CNY per 1 USD)`);
  return { base: m[1], quote: m[2] };
}

/**
 * Overrides by assumption id for market-convention rates (`{ USDCNY: 7.2 }`: every CNY/USD
 * assumption, or USD/CNY written the other way round, of every date, or of `asOf` only).
 */
export function fxPairOverrides(
  assumptions: readonly Assumption[], rates: Partial<Record<FxPairName, number>>, asOf?: string,
): FxOverride[] {
  const out: FxOverride[] = [];
  for (const [name, value] of Object.entries(rates)) {
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) throw new Error(`fx.${name} must be a positive number, got ${value}`);
    const { base, quote } = pairOf(name);
    const matching = assumptions.filter((a) => {
      const p = currencyPair(a.unit);
      return p && (asOf === undefined || a.as_of === asOf)
        && ((p.quote === quote && p.base === base) || (p.quote === base && p.base === quote));
    });
    if (matching.length === 0) throw new Error(`fx.${name}: no FX assumption for ${base}/${quote}${asOf ? ` dated ${asOf}` : ''}`);
    for (const a of matching) {
      const p = currencyPair(a.unit)!;
      out.push({ id: a.id, value: p.quote === quote ? value : 1 / value, given: `fx.${name} = ${value}` });
    }
  }
  return out;
}

/**
 * Completes `given` overrides so every FX triangle stays consistent, date by date. Within one
 * `as_of`, every rate is expressed as the CNY value of one unit of each currency: the overrides
 * fix those values first, then the HKD peg (HKD_PEG_ID, or the date's USD/HKD rate) ties HKD
 * to USD, then the file's USD/CNY rates fill what is left; every other rate of the date is
 * recomputed from them. So `{ USDCNY: 7.2 }` moves CNY/HKD to 7.2 x 0.128 = 0.9216. Overrides
 * that disagree with each other by more than FX_TRIANGLE_TOLERANCE throw FxScenarioError
 * naming them. Non-FX overrides pass through unchanged.
 */
export function consistentFxOverrides(assumptions: readonly Assumption[], given: readonly FxOverride[]): AssumptionOverrides {
  const byId = new Map(assumptions.map((a) => [a.id, a]));
  const out: AssumptionOverrides = {};
  const fxGiven = new Map<string, FxOverride>();
  for (const o of given) {
    const a = byId.get(o.id);
    if (!a) throw new Error(`${o.given}: unknown assumption id '${o.id}'`);
    if (typeof o.value !== 'number' || !Number.isFinite(o.value)) throw new Error(`${o.given}: not a finite number`);
    if (currencyPair(a.unit)) {
      const prev = fxGiven.get(o.id);
      if (prev && Math.abs(prev.value / o.value - 1) > FX_TRIANGLE_TOLERANCE) {
        throw new FxScenarioError(`${prev.given} and ${o.given} both set ${o.id} (${fmt(prev.value)} vs ${fmt(o.value)} ${a.unit})`, [prev.given, o.given]);
      }
      fxGiven.set(o.id, o);
    } else out[o.id] = o.value;
  }
  if (fxGiven.size === 0) return out;
  const peg = byId.get(HKD_PEG_ID);
  const dates = new Set([...fxGiven.keys()].map((id) => byId.get(id)!.as_of));
  for (const asOf of dates) {
    const legs: Leg[] = assumptions.flatMap((a) => {
      const pair = currencyPair(a.unit);
      return pair && a.as_of === asOf ? [{ a, pair }] : [];
    });
    // value in CNY of one unit of each currency, and which override fixed it
    const cny = new Map<string, number>([['CNY', 1]]);
    const why = new Map<string, string[]>([['CNY', []]]);
    const constrain = (leg: Leg, value: number, reason: string[]): void => {
      const { quote, base } = leg.pair; // value = quote per 1 base: cny(base) = value x cny(quote)
      if (cny.has(quote) && cny.has(base)) {
        const implied = cny.get(base)! / cny.get(quote)!;
        if (Math.abs(implied / value - 1) > FX_TRIANGLE_TOLERANCE && reason.length > 0) {
          const names = [...new Set([...reason, ...why.get(quote)!, ...why.get(base)!])];
          throw new FxScenarioError(
            `FX overrides contradict each other for ${asOf}: ${names.join(', ')} imply ${fmt(implied)} ${quote}/${base} `
            + `but set ${leg.a.id} to ${fmt(value)} ${quote}/${base} (${(Math.abs(implied / value - 1) * 100).toFixed(2)}% apart, `
            + `more than ${FX_TRIANGLE_TOLERANCE * 100}%); set one rate per currency pair and the others follow`,
            names,
          );
        }
        return;
      }
      if (cny.has(quote)) { cny.set(base, value * cny.get(quote)!); why.set(base, [...why.get(quote)!, ...reason]); }
      else if (cny.has(base)) { cny.set(quote, cny.get(base)! / value); why.set(quote, [...why.get(base)!, ...reason]); }
    };
    const overridden = legs.filter((l) => fxGiven.has(l.a.id));
    // overrides first, repeatedly, so an override between two foreign currencies waits for a CNY anchor
    for (let pass = 0; pass < 3; pass++) for (const l of overridden) constrain(l, fxGiven.get(l.a.id)!.value, [fxGiven.get(l.a.id)!.given]);
    const isUsdHkd = (l: Leg) => [l.pair.quote, l.pair.base].sort().join('/') === 'HKD/USD';
    const pegLegs = [
      ...(peg && currencyPair(peg.unit) ? [{ a: peg, pair: currencyPair(peg.unit)! }] : []),
      ...legs.filter((l) => isUsdHkd(l) && l.a.id !== HKD_PEG_ID),
    ];
    for (const l of pegLegs) constrain(l, l.a.value, []);
    const isUsdCny = (l: Leg) => [l.pair.quote, l.pair.base].sort().join('/') === 'CNY/USD';
    for (const l of [...legs.filter(isUsdCny), ...legs]) constrain(l, l.a.value, []);
    for (const l of legs) {
      const { quote, base } = l.pair;
      const v = fxGiven.get(l.a.id)?.value ?? cny.get(base)! / cny.get(quote)!;
      if (fxGiven.has(l.a.id) || Math.abs(v / l.a.value - 1) > 1e-12) out[l.a.id] = Number(v.toPrecision(12));
    }
  }
  return out;
}
