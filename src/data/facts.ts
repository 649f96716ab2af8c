/**
 * Fact tables: each row is checked against the schema, entities and sources, its quantity is
 * parsed into base units and checked (./checks: quantity text, allowed values, dates), and it
 * becomes a Fact that knows its file and line.
 */
import * as path from 'path';
import { QUALIFIERS } from '../types';
import type { Entity, Fact, FactTable, Qualifier, Source } from '../types';
import {
  boundsFor, isCurrency, isoDateStart, numeralsMissingFromEvidence, parseQuantity, QuantityParseError, unitsCompatible,
} from '../units';
import type { ParsedQuantity } from '../units';
import { readCsvTable } from './csv';
import { IssueList } from './errors';
import { FieldReader } from './fields';
import { displayPath } from './paths';
import {
  FACT_EXTRA_COLUMNS, FACT_ID_RE, FACT_OPTIONAL_COLUMNS, FACT_REQUIRED_EXTRAS, factColumns, factTableFile, METRIC_RE, VALUATION_BASES,
} from './schema';
import { isUnitName, unknownUnitMessage } from './units';
import { derivedEventKey, EVENT_RE } from './events';
import { asOfProblem, yearProblem } from './checks/dates';
import { quantityTextProblems } from './checks/quantityText';
import { factRangeProblems } from './checks/ranges';

/** What fact rows refer to. */
export interface FactContext {
  entities: ReadonlyMap<string, Entity>;
  sources: ReadonlyMap<string, Source>;
  /** ids of every row of entities.csv / sources.csv, including rows with problems */
  entityIds: ReadonlySet<string>;
  sourceIds: ReadonlySet<string>;
  /** reference tables that could not be read at all: references to them are not checked */
  unreadable?: ReadonlySet<string>;
}

function isMoney(unit: string): boolean {
  return unit === 'money' || unit.startsWith('money/');
}

function checkQuantity(f: FieldReader, quantity: string, unit: string, currency: string | null): ParsedQuantity | null {
  let parsed: ParsedQuantity;
  try {
    parsed = parseQuantity(quantity);
  } catch (e) {
    if (e instanceof QuantityParseError) f.fail('quantity', `cannot parse '${quantity}' (${e.reason})`);
    else throw e;
    return null;
  }
  if (parsed.low !== null && parsed.high !== null && parsed.low > parsed.high) {
    f.fail('quantity', `low ${parsed.low} > high ${parsed.high} in '${quantity}'`);
  }
  if (unit !== '' && parsed.unit !== null && !unitsCompatible(parsed.unit, unit)) {
    f.fail('unit', `'${unit}' conflicts with '${quantity}', which reads as ${parsed.unit}`);
  }
  if (unit !== '' && isMoney(unit)) {
    if (currency === null) f.fail('currency', `empty, but unit '${unit}' needs CNY, USD or HKD`);
    else if (parsed.currency !== null && parsed.currency !== currency) {
      f.fail('currency', `'${currency}' conflicts with '${quantity}', which is in ${parsed.currency}`);
    }
  } else if (unit !== '' && currency !== null) {
    f.fail('currency', `'${currency}' given for the non-money unit '${unit}'`);
  }
  return parsed;
}

/** Qualifiers of a figure about the future: their as_of may come after the publication. */
const FORWARD: readonly string[] = ['forecast', 'target'];

function checkPeriod(f: FieldReader, asOf: string | null, start: string | null, end: string | null, source: Source | undefined): void {
  const bad = (c: string) => f.raw(c) !== '' && (c === 'as_of' ? asOf : c === 'period_start' ? start : end) === null;
  if (bad('as_of') || bad('period_start') || bad('period_end')) return; // already reported
  let absurd = false;
  for (const [c, v] of [['as_of', asOf], ['period_start', start], ['period_end', end]] as const) {
    const why = v === null ? null : yearProblem(v);
    if (why) { f.fail(c, why); absurd = true; }
  }
  if (absurd) return;
  if (asOf !== null && source && !FORWARD.includes(f.raw('qualifier'))) {
    const why = asOfProblem(asOf, source.id, source.published);
    if (why) f.fail('as_of', why);
  }
  if ((start === null) !== (end === null)) {
    f.fail(start === null ? 'period_start' : 'period_end', 'a period needs both period_start and period_end');
  } else if (start !== null && end !== null && isoDateStart(start)! > isoDateStart(end)!) {
    f.fail('period_end', `period_end ${end} is before period_start ${start}`);
  }
  if (asOf === null && start === null && end === null) {
    f.fail('as_of', 'empty, and no period given (every fact needs as_of or period_start/period_end)');
  }
}

const LOWER_BOUND: readonly Qualifier[] = ['over', 'at-least'];
const UPPER_BOUND: readonly Qualifier[] = ['nearly', 'at-most'];
const POINT: readonly Qualifier[] = ['exact', 'approx', 'estimate'];

/**
 * Qualifier and bounds of a fact. An empty qualifier column takes the quantity's reading. A
 * bound qualifier in the column (over, at-least, nearly, at-most) applied to a point reading
 * (80% with at-least for 80%以上) sets the bounds from it: [v, none) or (none, v]. The labels
 * approx, estimate, target and forecast keep the quantity's bounds. A column that contradicts
 * the quantity (近4万 with over, 超50亿元 with exact, 50亿元 with range) is an error.
 */
function resolveQualifier(
  f: FieldReader, parsed: ParsedQuantity, column: Qualifier | null,
): { qualifier: Qualifier; low: number | null; high: number | null } {
  const p = parsed.qualifier;
  const keep = { qualifier: column ?? p, low: parsed.low, high: parsed.high };
  if (column === null || column === p) return keep;
  const contradiction = (): typeof keep => {
    f.fail('qualifier', `'${column}' contradicts the quantity '${parsed.text}', which reads as ${p}`);
    return keep;
  };
  if (LOWER_BOUND.includes(column) || UPPER_BOUND.includes(column)) {
    const sameSide = (LOWER_BOUND.includes(column) && LOWER_BOUND.includes(p))
      || (UPPER_BOUND.includes(column) && UPPER_BOUND.includes(p));
    if (!sameSide && !POINT.includes(p)) return contradiction();
    return { qualifier: column, ...boundsFor(column, parsed.value) };
  }
  if (column === 'exact' && p !== 'approx' && p !== 'estimate') return contradiction();
  if (column === 'range' && p !== 'range') return contradiction();
  return keep;
}

/** Reads one fact row; returns null (with issues reported) when the row is not valid. */
function readFactRow(f: FieldReader, table: FactTable, ctx: FactContext): Fact | null {
  const id = f.matching('id', FACT_ID_RE, 'a lowercase fact id');
  const entity = f.required('entity');
  const noEntities = ctx.unreadable?.has('entities') ?? false;
  const noSources = ctx.unreadable?.has('sources') ?? false;
  if (noEntities || noSources) f.ok = false; // the row cannot be checked; the file's problem is reported
  if (!noEntities && entity !== '') {
    if (!ctx.entityIds.has(entity)) f.fail('entity', `unknown entity '${entity}'`);
    else if (!ctx.entities.has(entity)) f.fail('entity', `entity '${entity}' has problems in entities.csv`);
  }
  const metric = f.matching('metric', METRIC_RE, 'a snake_case metric name');
  const quantity = f.required('quantity');
  const unit = f.raw('unit');
  if (unit === '') f.fail('unit', 'empty (required: money, parameters, percent, ...)');
  else if (!isUnitName(unit)) f.fail('unit', unknownUnitMessage(unit));
  const currencyText = f.optional('currency');
  if (currencyText !== null && !isCurrency(currencyText)) f.fail('currency', `'${currencyText}' is not one of CNY, USD, HKD`);
  const currency = currencyText !== null && isCurrency(currencyText) ? currencyText : null;
  const parsed = quantity === '' ? null : checkQuantity(f, quantity, isUnitName(unit) ? unit : '', currencyText);
  const qualifierText = f.optional('qualifier');
  if (qualifierText !== null && !(QUALIFIERS as readonly string[]).includes(qualifierText)) {
    f.fail('qualifier', `'${qualifierText}' is not one of ${QUALIFIERS.join(', ')}`);
  }
  const asOf = f.date('as_of');
  const start = f.date('period_start');
  const end = f.date('period_end');
  const sourceId = f.required('source');
  const source = ctx.sources.get(sourceId);
  checkPeriod(f, asOf, start, end, source);
  if (!noSources && sourceId !== '') {
    if (!ctx.sourceIds.has(sourceId)) f.fail('source', `unknown source '${sourceId}'`);
    else if (!source) f.fail('source', `source '${sourceId}' has problems in sources.csv`);
  }
  const evidence = f.required('evidence');
  if (evidence !== '' && quantity !== '') {
    const missing = numeralsMissingFromEvidence(quantity, evidence);
    if (missing.length > 0) {
      f.fail('evidence', `does not contain ${missing.map((n) => `'${n}'`).join(', ')} of the quantity '${quantity}'`);
    }
  }
  const note = f.optional('note');
  const extras: Record<string, string | null> = {};
  for (const c of FACT_EXTRA_COLUMNS[table]) {
    extras[c] = FACT_REQUIRED_EXTRAS[table].includes(c) ? f.required(c) : f.optional(c);
  }
  if (table === 'valuations' && extras.basis) {
    if (!(VALUATION_BASES as readonly string[]).includes(extras.basis)) {
      f.fail('basis', `'${extras.basis}' is not one of ${VALUATION_BASES.join(', ')}`);
    }
  }
  const eventText = f.optional('event');
  if (eventText !== null && !EVENT_RE.test(eventText)) {
    f.fail('event', `'${eventText}' is not an event key (lowercase words joined by '-', '.' or ':')`);
  }
  const qualifierOk = qualifierText === null || (QUALIFIERS as readonly string[]).includes(qualifierText);
  const q = parsed && qualifierOk ? resolveQualifier(f, parsed, qualifierText as Qualifier | null) : null;
  if (quantity !== '') {
    const textProblems = quantityTextProblems(quantity);
    for (const m of textProblems) f.fail('quantity', m);
    if (textProblems.length === 0 && parsed && q && isUnitName(unit)) {
      const benchmark = table === 'benchmarks' ? extras.benchmark ?? null : null;
      for (const m of factRangeProblems(metric, unit, benchmark, quantity, [parsed.value, q.low, q.high])) f.fail('quantity', `${metric}: ${m}`);
    }
  }
  if (!f.ok || !parsed || !source || !q) return null;
  const fact: Fact = {
    id, table, entity, metric, quantity,
    value: parsed.value, low: q.low, high: q.high,
    unit, currency, qualifier: q.qualifier,
    as_of: asOf, period_start: start, period_end: end,
    source: sourceId, seed_file: source.seed_file, evidence, note,
    ...extras,
    file: f.file, line: f.line,
  };
  fact.event = eventText ?? derivedEventKey(fact);
  fact.event_set = eventText !== null;
  return fact;
}

/**
 * Reads and checks one fact table of `dataDir`; problems go to `issues`, bad rows are left out.
 * `ids` maps fact ids seen so far (across tables) to where they were first seen.
 */
export function collectFactTable(
  dataDir: string, table: FactTable, ctx: FactContext, issues: IssueList, ids: Map<string, string>,
): Fact[] {
  const abs = path.join(dataDir, factTableFile(table));
  const csv = readCsvTable(abs, displayPath(abs), factColumns(table), issues, FACT_OPTIONAL_COLUMNS);
  if (!csv) return [];
  const out: Fact[] = [];
  for (const rec of csv.records) {
    const f = new FieldReader(issues, csv.file, rec);
    const id = rec.values.id ?? '';
    if (id !== '') {
      const first = ids.get(id);
      if (first !== undefined) f.fail('id', `duplicate fact id '${id}' (first at ${first})`);
      else ids.set(id, `${csv.file}:${rec.line}`);
    }
    const fact = readFactRow(f, table, ctx);
    if (fact) out.push(fact);
  }
  // rows a parse error left out still count as present (their problem is reported already)
  for (const rec of csv.dropped) {
    const id = rec.values.id ?? '';
    if (id !== '' && !ids.has(id)) ids.set(id, `${csv.file}:${rec.line}`);
  }
  return out;
}
