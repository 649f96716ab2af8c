/**
 * The analyst API:
 *
 *   const ds = await bv.open();                                   // data/ (or { dataDir })
 *   ds.facts({ entity: 'zhipu', metric: 'revenue' });             // typed arrays, filtered
 *   ds.frame('facts').query(...).query(...);                      // danfojs-node, chainable
 *   const hi = ds.scenario({ fx: { USDCNY: 7.2 } });              // everything recomputed
 *   ds.sensitivity({ metric: 'market_cap_to_sales' }, { USDCNY: [6.8, 7.4, 0.1] }).wide();
 *   ds.compare(hi);                                               // what moved
 *   ds.comps({ currency: 'USD' }).format();                       // comparables table
 */
import { Dataset, type ScenarioSpec } from './dataset';

export interface OpenOptions extends ScenarioSpec {
  /** data directory (default: data/ of the project, or BENCHVAL_DATA_DIR) */
  dataDir?: string;
}

/** Reads and checks the data directory and returns the dataset (with a scenario when options set one). */
export async function open(opts: OpenOptions = {}): Promise<Dataset> {
  return openSync(opts);
}

/** open() without the promise. */
export function openSync(opts: OpenOptions = {}): Dataset {
  const { dataDir, ...spec } = opts;
  return Dataset.read(dataDir, spec);
}

export { Dataset, TABLE_NAMES, resolveScenario, FxScenarioError } from './dataset';
export type { FactFilter, DerivedFilter, FindingFilter, ScenarioSpec, TableName, Many } from './dataset';
export { buildComps, formatComps, COMPS_COLUMNS } from './comps';
export type { CompsRow, CompsOptions, CompsInput } from './comps';
export { CompsTable, COMPS_EXPORT_COLUMNS } from './compsTable';
export { SensitivityTable, rangeValues, scenarioFor } from './sensitivity';
export type { SensitivityRow, SensitivityGrid, SensitivitySelector, ParameterRange } from './sensitivity';
export { compareDatasets, formatComparison } from './compare';
export type { Comparison, DerivedChange, FindingChange, AssumptionChange } from './compare';
export { writeCsv, writeXlsx, writeParquet, csvText, XLSX_FORMATS } from './export';
export type { ExportColumn, ColumnFormat } from './export';
