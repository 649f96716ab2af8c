/**
 * benchval. The analyst API is the root:
 *
 *   import * as bv from 'benchval';          // notebooks: import * as bv from '../dist'
 *   const ds = await bv.open();
 *   ds.comps({ currency: 'USD' }).format();
 *
 * Numbers for people come from the formatting core (formatNumber, formatInterval, ...). The
 * engine lives under named sub-paths, each also a file under dist/ so CommonJS notebooks can
 * require it: `benchval/dist/units` (parsing, formatting, currency), `/data` (loading,
 * validation, DataFrames), `/metrics` (intervals, derived rules), `/audit`, `/charts`,
 * `/report`, `/notebooks`. The same modules are reachable as namespaces of the root
 * (`bv.units`, `bv.data`, `bv.metrics`, `bv.audit`, `bv.charts`, `bv.report`).
 */
export { open, openSync, Dataset, FxScenarioError, formatComparison } from './api';
export type {
  OpenOptions, ScenarioSpec, FactFilter, DerivedFilter, FindingFilter, TableName, CompsRow, CompsOptions, Comparison,
  SensitivityGrid, SensitivityRow,
} from './api';
export {
  formatNumber, formatMoney, formatMultiple, formatPercent, formatInterval, formatColumn, formatRange, statedDigits,
} from './units/format';
export type { FormatOptions, MoneyStyle } from './units/format';
export type { Fact, Source, Entity, Assumption, Currency, FactTable, Qualifier } from './types';
export type { Derived } from './metrics/derived';
export type { Finding } from './audit/findings';

export * as units from './units';
export * as data from './data';
export * as metrics from './metrics';
export * as audit from './audit';
export * as charts from './charts';
export * as report from './report';
export * as api from './api';
export * as extract from './extract';
export * as table from './table';

/** Any benchval command from code: `await bv.cli(['audit', '--no-fail'])` returns its exit code. */
export { main as cli } from './cli/main';

/** Large tables (CSV, Parquet, JSON lines) read through a columnar engine into a DataFrame. */
export { readTable, readTableColumns } from './table';
export type { ReadTableOptions, TableColumns } from './table';
