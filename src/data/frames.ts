/**
 * danfojs-node DataFrames of the tables. danfojs-node is loaded on first use (it takes most
 * of a second), so the plain loaders stay fast.
 *
 * Column types: numbers are danfo dtype 'float32' (danfo has no float64 label, but it keeps
 * the values as JavaScript doubles: 5.5e12 and 1e-6 survive exactly; do not call `.tensor`,
 * which would round to float32), `line` is 'int32', everything else 'string'. Missing numbers
 * are NaN (danfo's missing value), missing strings null. A table without rows gives an empty
 * frame with the columns but no dtypes (a danfo limitation).
 */
import type { DataFrame } from 'danfojs-node';
import { FACT_TABLES } from '../types';
import type { FactTable } from '../types';
import { readAssumptions, readEntities, readFacts, readFactTable, readSources } from './dataset';
import type { AssumptionOptions } from './dataset';
import type { DataOptions } from './paths';
import { loadDanfo } from '../table/danfo';
import {
  ASSUMPTION_COLUMNS, ENTITY_COLUMNS, FACT_COMMON_COLUMNS, FACT_EXTRA_COLUMNS, SOURCE_COLUMNS,
} from './schema';

export type Dtype = 'float32' | 'int32' | 'string';

/** Columns of a facts frame before the table-specific ones. */
export const FACT_FRAME_COLUMNS = [
  'id', 'table', 'entity', 'metric', 'quantity', 'value', 'low', 'high', 'unit', 'currency', 'qualifier',
  'as_of', 'period_start', 'period_end', 'source', 'seed_file', 'evidence', 'note',
] as const;

const NUMERIC = new Set(['value', 'low', 'high']);

function dtypeOf(column: string): Dtype {
  if (NUMERIC.has(column)) return 'float32';
  if (column === 'line') return 'int32';
  return 'string';
}

/**
 * Makes `df.query(...)` safe to chain: danfojs keeps the original row labels on a query result,
 * and a second `query` with a mask built from that result then fails inside danfojs
 * (`Cannot read properties of undefined (reading '0')`). The guarded `query` resets the labels
 * to 0..n-1 and guards its result the same way, so `df.query(a).query(b).query(c)` works. An
 * `inplace` query is left as danfojs does it.
 */
export function queryable<T extends DataFrame>(df: T): T {
  const frame = df as unknown as { query: (...args: unknown[]) => unknown; __bvGuarded?: boolean };
  if (frame.__bvGuarded) return df;
  const original = frame.query.bind(df);
  frame.query = (...args: unknown[]) => {
    const out = original(...args) as DataFrame | undefined;
    if (!out) return out;
    return queryable(out.resetIndex() as DataFrame);
  };
  Object.defineProperty(frame, '__bvGuarded', { value: true, enumerable: false });
  return df;
}

/**
 * A DataFrame from plain records with the given columns and dtypes: numbers stay doubles
 * (null -> NaN), strings stay strings (missing -> null).
 */
export function recordsToFrame(
  records: ReadonlyArray<Record<string, unknown>>, columns: readonly string[], dtypes: readonly Dtype[],
): DataFrame {
  const { DataFrame: Frame } = loadDanfo();
  if (records.length === 0) return queryable(new Frame([], { columns: [...columns] }));
  const data: Record<string, unknown[]> = {};
  columns.forEach((c, i) => {
    data[c] = records.map((r) => {
      const v = r[c];
      if (dtypes[i] === 'string') return v === undefined || v === null ? null : String(v);
      return v === undefined || v === null ? NaN : v;
    });
  });
  return queryable(new Frame(data, { columns: [...columns], dtypes: [...dtypes] }));
}

function factColumnsFor(tables: readonly FactTable[]): string[] {
  const extras: string[] = [];
  for (const t of tables) for (const c of FACT_EXTRA_COLUMNS[t]) if (!extras.includes(c)) extras.push(c);
  return [...FACT_FRAME_COLUMNS, ...extras, 'file', 'line'];
}

function factsFrame(facts: ReadonlyArray<object>, tables: readonly FactTable[]): DataFrame {
  const columns = factColumnsFor(tables);
  return recordsToFrame(facts as ReadonlyArray<Record<string, unknown>>, columns, columns.map(dtypeOf));
}

/** One fact table as a DataFrame (common columns, its own extra columns, file, line). */
export function loadTable(table: FactTable, opts: DataOptions = {}): DataFrame {
  return factsFrame(readFactTable(table, opts), [table]);
}

/** Every fact as one long DataFrame; extra columns of all tables, null where they do not apply. */
export function loadFacts(opts: DataOptions = {}): DataFrame {
  return factsFrame(readFacts(opts), FACT_TABLES);
}

/** sources.csv as a DataFrame (all string columns). */
export function loadSources(opts: DataOptions = {}): DataFrame {
  return sourcesToFrame(readSources(opts));
}

/** entities.csv as a DataFrame (all string columns). */
export function loadEntities(opts: DataOptions = {}): DataFrame {
  return entitiesToFrame(readEntities(opts));
}

/** assumptions.csv as a DataFrame (`value` numeric), with overrides applied by id. */
export function loadAssumptions(opts: AssumptionOptions = {}): DataFrame {
  return assumptionsToFrame(readAssumptions(opts));
}


/** Facts (of any tables) as one DataFrame, columns as loadFacts gives them. */
export function factsToFrame(facts: ReadonlyArray<object>): DataFrame {
  return factsFrame(facts, FACT_TABLES);
}

/** Sources as a DataFrame (all string columns). */
export function sourcesToFrame(rows: ReadonlyArray<object>): DataFrame {
  return recordsToFrame(rows as ReadonlyArray<Record<string, unknown>>, SOURCE_COLUMNS, SOURCE_COLUMNS.map(() => 'string' as const));
}

/** Entities as a DataFrame (all string columns). */
export function entitiesToFrame(rows: ReadonlyArray<object>): DataFrame {
  // aliases as written in the file: `;`-separated
  const flat = (rows as ReadonlyArray<Record<string, unknown>>).map((e) => ({
    ...e, aliases: Array.isArray(e.aliases) ? (e.aliases as string[]).join(';') || null : e.aliases ?? null,
  }));
  return recordsToFrame(flat, ENTITY_COLUMNS, ENTITY_COLUMNS.map(() => 'string' as const));
}

/** Assumptions as a DataFrame (`value` numeric). */
export function assumptionsToFrame(rows: ReadonlyArray<object>): DataFrame {
  return recordsToFrame(rows as ReadonlyArray<Record<string, unknown>>, ASSUMPTION_COLUMNS, ASSUMPTION_COLUMNS.map((c) => (c === 'value' ? 'float32' : 'string')));
}

/**
 * Any plain records as a DataFrame: the columns of the first record (or `columns`), numbers as
 * numeric columns (null -> NaN), lists joined with `;`, objects as JSON, the rest as strings.
 */
export function rowsToFrame(rows: ReadonlyArray<object>, columns?: readonly string[]): DataFrame {
  const recs = rows as ReadonlyArray<Record<string, unknown>>;
  const cols = columns ?? (recs.length ? Object.keys(recs[0]) : []);
  const numeric = cols.map((c) => recs.length > 0 && recs.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number')
    && recs.some((r) => typeof r[c] === 'number'));
  const flat = recs.map((r) => {
    const o: Record<string, unknown> = {};
    for (const c of cols) {
      const v = r[c];
      o[c] = Array.isArray(v) ? v.join(';') : v !== null && typeof v === 'object' ? JSON.stringify(v) : typeof v === 'boolean' ? String(v) : v;
    }
    return o;
  });
  return recordsToFrame(flat, cols, numeric.map((n) => (n ? 'float32' : 'string')));
}
