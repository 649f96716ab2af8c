/**
 * Large benchmark tables (leaderboards, evaluation logs: per-model, per-benchmark, per-sample
 * scores, up to millions of rows) read through DuckDB (@duckdb/node-api), which scans CSV,
 * Parquet and JSON lines column by column and applies the filter, the column selection and the
 * grouping before anything reaches JavaScript. Only the result becomes a danfojs DataFrame, so
 * a group-by over a million rows hands danfo a few hundred rows instead of a million.
 *
 *   readTable('evals.parquet', { where: { benchmark: 'AIME 2025', score: { '>=': 50 } },
 *     groupBy: ['model'], aggregate: { mean_score: ['mean', 'score'], runs: ['count', '*'] } })
 *
 * Filters are bound as parameters (values are never pasted into SQL); column names are quoted.
 * `where` also takes a SQL predicate string for what the object form cannot say. Model names
 * can be resolved to entity ids (`resolve`, see ./resolve) into an `entity` column.
 * danfojs-node and DuckDB are loaded on first use only.
 */
import { existsSync } from 'node:fs';
import { loadDanfo } from './danfo';
import { entityResolver, type NamedEntity } from './resolve';

export type Scalar = string | number | boolean | null;
export type Comparison = Partial<Record<'=' | '!=' | '<' | '<=' | '>' | '>=', Scalar>>;
/** column -> value (equals), list of values (any of), or comparisons (all of). */
export type Where = Record<string, Scalar | readonly Scalar[] | Comparison>;
export type AggregateFn = 'count' | 'sum' | 'mean' | 'min' | 'max' | 'median' | 'std' | 'count_distinct';

export interface ReadTableOptions {
  /** columns to keep (default all; with groupBy: the groupBy columns and the aggregates) */
  select?: readonly string[];
  /** rows to keep: an object (see Where) or a SQL predicate */
  where?: Where | string;
  /** group rows by these columns */
  groupBy?: readonly string[];
  /** output column -> [function, column] (column '*' for count); default with groupBy: { n: ['count', '*'] } */
  aggregate?: Record<string, readonly [AggregateFn, string]>;
  /** sort by these columns (default: the groupBy columns) */
  orderBy?: readonly string[];
  limit?: number;
  /** add an `entity` column: the entity id the names in `column` resolve to (null when none) */
  resolve?: { column: string; entities: readonly NamedEntity[]; as?: string };
  /** format when the file name does not tell (csv, parquet, jsonl) */
  format?: TableFormat;
}

/** Results above this many rows become DataFrames in danfo's low-memory mode (rows only). */
export const LOW_MEMORY_ROWS = 100_000;

export type TableFormat = 'csv' | 'parquet' | 'jsonl';

export interface TableColumns {
  columns: string[];
  /** column -> values (numbers, strings, booleans, null; dates and timestamps as ISO strings) */
  data: Record<string, Array<string | number | boolean | null>>;
  rows: number;
}

/** Format from the file name: .csv/.tsv (optionally .gz), .parquet, .jsonl/.ndjson/.json. */
export function tableFormat(path: string): TableFormat | null {
  const p = path.toLowerCase().replace(/\.(gz|zst)$/, '');
  if (p.endsWith('.csv') || p.endsWith('.tsv')) return 'csv';
  if (p.endsWith('.parquet') || p.endsWith('.pq')) return 'parquet';
  if (p.endsWith('.jsonl') || p.endsWith('.ndjson') || p.endsWith('.json')) return 'jsonl';
  return null;
}

/** A SQL identifier, quoted. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

const AGG_SQL: Record<AggregateFn, (col: string) => string> = {
  count: (c) => (c === '*' ? 'count(*)' : `count(${ident(c)})`),
  sum: (c) => `sum(${ident(c)})`,
  mean: (c) => `avg(${ident(c)})`,
  min: (c) => `min(${ident(c)})`,
  max: (c) => `max(${ident(c)})`,
  median: (c) => `median(${ident(c)})`,
  std: (c) => `stddev_samp(${ident(c)})`,
  count_distinct: (c) => `count(DISTINCT ${ident(c)})`,
};

const OPS = new Set(['=', '!=', '<', '<=', '>', '>=']);

/** The SQL query and its parameters for `path` and `opts`. */
export function tableQuery(path: string, opts: ReadTableOptions = {}): { sql: string; params: Scalar[] } {
  const format = opts.format ?? tableFormat(path);
  if (!format) throw new Error(`readTable: ${path}: unknown format (name ends in .csv, .tsv, .parquet or .jsonl, or pass { format })`);
  const source = format === 'csv' ? `read_csv(${literal(path)}, header = true)`
    : format === 'parquet' ? `read_parquet(${literal(path)})`
      : `read_json(${literal(path)}, format = 'newline_delimited')`;
  const params: Scalar[] = [];
  const bind = (v: Scalar): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const conds: string[] = [];
  if (typeof opts.where === 'string') conds.push(`(${opts.where})`);
  else if (opts.where) {
    for (const [col, v] of Object.entries(opts.where)) {
      if (v === null) conds.push(`${ident(col)} IS NULL`);
      else if (Array.isArray(v)) conds.push(v.length ? `${ident(col)} IN (${v.map((x) => bind(x)).join(', ')})` : 'false');
      else if (typeof v === 'object') {
        for (const [op, x] of Object.entries(v as Comparison)) {
          if (!OPS.has(op)) throw new Error(`readTable: where.${col}: unknown comparison '${op}' (use =, !=, <, <=, >, >=)`);
          conds.push(`${ident(col)} ${op === '!=' ? '<>' : op} ${bind(x as Scalar)}`);
        }
      } else conds.push(`${ident(col)} = ${bind(v as Scalar)}`);
    }
  }
  let cols: string;
  let group = '';
  let order = opts.orderBy ?? [];
  if (opts.groupBy?.length) {
    const aggs = Object.entries(opts.aggregate ?? { n: ['count', '*'] as const });
    for (const [, [fn]] of aggs) if (!(fn in AGG_SQL)) throw new Error(`readTable: unknown aggregate '${fn}' (use ${Object.keys(AGG_SQL).join(', ')})`);
    const keys = opts.groupBy.map(ident);
    cols = [...keys, ...aggs.map(([out, [fn, col]]) => `${AGG_SQL[fn](col)} AS ${ident(out)}`)].join(', ');
    group = ` GROUP BY ${keys.join(', ')}`;
    if (!opts.orderBy) order = opts.groupBy;
  } else {
    cols = opts.select?.length ? opts.select.map(ident).join(', ') : '*';
  }
  const where = conds.length ? ` WHERE ${conds.join(' AND ')}` : '';
  const orderSql = order.length ? ` ORDER BY ${order.map(ident).join(', ')}` : '';
  const limit = opts.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(opts.limit))}` : '';
  let sql = `SELECT ${cols} FROM ${source}${where}${group}${orderSql}${limit}`;
  if (opts.groupBy?.length && opts.select?.length) sql = `SELECT ${opts.select.map(ident).join(', ')} FROM (${sql})`;
  return { sql, params };
}

type Duck = typeof import('@duckdb/node-api');
let connection: Promise<import('@duckdb/node-api').DuckDBConnection> | null = null;

function connect(): Promise<import('@duckdb/node-api').DuckDBConnection> {
  if (!connection) {
    const duck = require('@duckdb/node-api') as Duck;
    connection = duck.DuckDBInstance.create(':memory:').then((db) => db.connect());
  }
  return connection;
}

/** A DuckDB value as a plain JS value: safe integers as numbers, dates and other objects as strings. */
function plain(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Results of at least this many rows get their repetitive text columns dictionary-encoded. */
export const DICTIONARY_MIN_ROWS = 10_000;
/** A text column is dictionary-encoded when it has at most this many distinct values (and at most a quarter of the rows). */
export const DICTIONARY_MAX_VALUES = 65_536;

let resultSeq = 0;

/** Plain JS columns of DuckDB columns (numbers, strings and booleans as they are; bigint and dates converted). */
function plainColumn(col: unknown[]): Array<string | number | boolean | null> {
  const first = col.find((v) => v !== null && v !== undefined);
  const simple = first === undefined || typeof first === 'number' || typeof first === 'string' || typeof first === 'boolean';
  return simple ? (col as Array<string | number | boolean | null>) : col.map(plain);
}

/**
 * Runs `sql` and fills `data` with its columns; returns the column names. A large result is
 * kept in a temporary table first, so that text columns repeating a few values (model and
 * benchmark names) cross into JS as integer codes plus one copy of each distinct value (an ENUM
 * of the column and its `enum_code`): a million names cost a million small integers, not a
 * million new strings (2.3 s -> 0.2 s for two such columns of a million rows).
 */
async function readResult(conn: import('@duckdb/node-api').DuckDBConnection, sql: string, params: Scalar[], data: TableColumns['data']): Promise<string[]> {
  const t = `__benchval_result_${++resultSeq}`;
  await conn.run(`CREATE TEMP TABLE ${t} AS ${sql}`, params as never);
  const types: string[] = [];
  try {
    const described = (await conn.runAndReadAll(`DESCRIBE ${t}`)).getRowsJS() as unknown[][];
    const columns = described.map((r) => String(r[0]));
    for (const r of described) types.push(String(r[1]));
    const rows = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${t}`)).getRowsJS()[0][0]);
    const encode = new Map<string, string>();
    if (rows >= DICTIONARY_MIN_ROWS) {
      const text = columns.filter((_, i) => types[i] === 'VARCHAR');
      if (text.length) {
        const counts = (await conn.runAndReadAll(`SELECT ${text.map((c) => `count(DISTINCT ${ident(c)})`).join(', ')} FROM ${t}`)).getRowsJS()[0];
        for (const [i, c] of text.entries()) {
          const n = Number(counts[i]);
          if (n > DICTIONARY_MAX_VALUES || n > rows / 4) continue;
          const type = `${t}_enum_${i}`;
          await conn.run(`CREATE TYPE ${type} AS ENUM (SELECT DISTINCT ${ident(c)} FROM ${t} WHERE ${ident(c)} IS NOT NULL)`);
          encode.set(c, type);
        }
      }
    }
    const select = columns.map((c) => (encode.has(c) ? `enum_code(CAST(${ident(c)} AS ${encode.get(c)})) AS ${ident(c)}` : ident(c))).join(', ');
    const reader = await conn.runAndReadAll(`SELECT ${select} FROM ${t}`);
    // getColumnsJS converts in bulk (6x faster than getColumns on a million rows)
    const raw = reader.getColumnsJS() as unknown[][];
    for (const [i, c] of columns.entries()) {
      const type = encode.get(c);
      if (!type) {
        data[c] = plainColumn(raw[i]);
        continue;
      }
      const dict = ((await conn.runAndReadAll(`SELECT unnest(enum_range(NULL::${type}))`)).getColumnsJS()[0]) as string[];
      data[c] = (raw[i] as Array<number | null>).map((k) => (k === null ? null : dict[k]));
      await conn.run(`DROP TYPE ${type}`);
    }
    return columns;
  } finally {
    await conn.run(`DROP TABLE IF EXISTS ${t}`);
  }
}

/** The query result as columns of plain values (no DataFrame). */
export async function readTableColumns(path: string, opts: ReadTableOptions = {}): Promise<TableColumns> {
  if (!existsSync(path)) throw new Error(`readTable: ${path}: file not found`);
  const { sql, params } = tableQuery(path, opts);
  const conn = await connect();
  let columns: string[];
  const data: TableColumns['data'] = {};
  try {
    columns = await readResult(conn, sql, params, data);
  } catch (e) {
    throw new Error(`readTable: ${path}: ${(e as Error).message}`);
  }
  const rows = columns.length ? data[columns[0]].length : 0;
  if (opts.resolve) {
    const values = data[opts.resolve.column];
    if (!values) throw new Error(`readTable: ${path}: resolve.column '${opts.resolve.column}' is not in the result (columns: ${columns.join(', ')})`);
    const resolve = entityResolver(opts.resolve.entities);
    const memo = new Map<unknown, string | null>();
    const as = opts.resolve.as ?? 'entity';
    data[as] = values.map((v) => {
      if (!memo.has(v)) memo.set(v, resolve(v === null ? null : String(v)));
      return memo.get(v)!;
    });
    if (!columns.includes(as)) columns.push(as);
  }
  return { columns, data, rows };
}

/**
 * The table at `path` (CSV, Parquet or JSON lines) filtered, selected and grouped by DuckDB,
 * as a danfojs DataFrame.
 */
export async function readTable(path: string, opts: ReadTableOptions = {}): Promise<import('danfojs-node').DataFrame> {
  const t = await readTableColumns(path, opts);
  const dfd = loadDanfo();
  if (!t.rows) return new dfd.DataFrame([], { columns: t.columns });
  // danfo keeps rows; handing it rows in low-memory mode skips its column copy (3x faster at 1M rows)
  const cols = t.columns.map((c) => t.data[c]);
  const rows = new Array<Array<string | number | boolean | null>>(t.rows);
  for (let i = 0; i < t.rows; i++) {
    const r = new Array<string | number | boolean | null>(cols.length);
    for (let j = 0; j < cols.length; j++) r[j] = cols[j][i];
    rows[i] = r;
  }
  return new dfd.DataFrame(rows, { columns: t.columns, config: { lowMemoryMode: t.rows > LOW_MEMORY_ROWS } });
}
