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
            + `Override ${ids.slice(0, 2).join(', ')} and ${ids[2]} together (usdCnyOverrides in src/notebooks moves them together)`);
        }
      }
    }
  }
}
