/** Column layout of every table (see data/README.md). */
import type { EntityKind, FactTable } from '../types';

export const SOURCE_COLUMNS = ['id', 'outlet', 'title', 'published', 'url', 'language', 'seed_file', 'note'] as const;
export const ENTITY_COLUMNS = ['id', 'kind', 'name_en', 'name_zh', 'parent', 'note', 'aliases'] as const;
/** Columns of entities.csv that a file may leave out (older files have no `aliases`). */
export const ENTITY_OPTIONAL_COLUMNS = ['aliases'] as const;
export const ASSUMPTION_COLUMNS = ['id', 'name', 'value', 'unit', 'as_of', 'rationale', 'reference'] as const;

/** Columns every fact table starts with, in this order. */
export const FACT_COMMON_COLUMNS = [
  'id', 'entity', 'metric', 'quantity', 'unit', 'currency', 'qualifier', 'as_of', 'period_start', 'period_end',
  'source', 'evidence', 'note',
] as const;

/** Table-specific columns that follow the common ones. */
export const FACT_EXTRA_COLUMNS: Record<FactTable, readonly string[]> = {
  benchmarks: ['benchmark', 'variant'],
  funding_rounds: ['round', 'investors'],
  valuations: ['basis'],
  financials: [],
  multiples: [],
  deployments: [],
  model_specs: [],
  market: [],
};

/** Columns a fact table may have (after the others); `event` joins reports of one event (src/data/events.ts). */
export const FACT_OPTIONAL_COLUMNS = ['event'] as const;

/** Table-specific columns that must not be empty. */
export const FACT_REQUIRED_EXTRAS: Record<FactTable, readonly string[]> = {
  benchmarks: ['benchmark'],
  funding_rounds: [],
  valuations: ['basis'],
  financials: [],
  multiples: [],
  deployments: [],
  model_specs: [],
  market: [],
};

export const VALUATION_BASES = ['post-money', 'private-estimate', 'market-cap', 'reported'] as const;
export const ENTITY_KINDS: readonly EntityKind[] = ['company', 'model', 'product', 'market'];

/** All columns of a fact table's CSV, in order. */
export function factColumns(table: FactTable): string[] {
  return [...FACT_COMMON_COLUMNS, ...FACT_EXTRA_COLUMNS[table]];
}

/** File name of each table. */
export const TABLE_FILES = {
  sources: 'sources.csv',
  entities: 'entities.csv',
  assumptions: 'assumptions.csv',
  claims: 'claims.csv',
} as const;

export function factTableFile(table: FactTable): string {
  return `${table}.csv`;
}

/** Entity ids: lowercase kebab-case, dots allowed inside (step-3.5-flash). */
export const ENTITY_ID_RE = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
/** Source and assumption ids. */
export const PLAIN_ID_RE = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
/** Fact ids: lowercase letters, digits, '.', '-', '_'. */
export const FACT_ID_RE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
/** Metric names: snake_case. */
export const METRIC_RE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
