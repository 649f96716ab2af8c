/** Reading, checking and loading the CSV data (plain records and danfojs-node DataFrames). */
export { DataValidationError, formatIssue } from './errors';
export type { DataIssue } from './errors';
export { resolveDataDir, displayPath, takeDataDirArg, DEFAULT_DATA_DIR } from './paths';
export type { DataOptions } from './paths';
export {
  inspectData, validateData, readDataset, readSources, readEntities, readAssumptions, readFactTable, readFacts,
} from './dataset';
export type { AssumptionOptions, Dataset, Inspection } from './dataset';
export type { AssumptionOverrides } from './assumptions';
export { FX_TRIANGLE_TOLERANCE } from './assumptions';
export { UNITS, UNIT_NAMES, isUnitName, currencyPair } from './units';
export type { UnitName, CurrencyPair } from './units';
export { checkMetricUnits } from './metricUnits';
export { derivedEventKey, eventOf, groupByEvent, EVENT_RE } from './events';
export { DEFAULT_SEEDS_DIR, locateSeeds, readArticles, checkEvidence, squashWhiteSpace } from './evidence';
export type { SeedsOptions, SeedsLocation, Articles, EvidenceRow } from './evidence';
export { loadTable, loadFacts, loadSources, loadEntities, loadAssumptions, recordsToFrame, FACT_FRAME_COLUMNS } from './frames';
export {
  SOURCE_COLUMNS, ENTITY_COLUMNS, ASSUMPTION_COLUMNS, FACT_COMMON_COLUMNS, FACT_EXTRA_COLUMNS, VALUATION_BASES,
  ENTITY_KINDS, factColumns, FACT_OPTIONAL_COLUMNS,
} from './schema';
