/** Large benchmark tables through DuckDB into danfojs DataFrames; names resolved to entities. */
export { readTable, readTableColumns, tableFormat, tableQuery, type ReadTableOptions, type TableColumns, type Where, type AggregateFn } from './readTable';
export { entityResolver, nameKey, type NamedEntity } from './resolve';
