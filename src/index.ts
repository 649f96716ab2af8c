export * from './types';
export * from './units';
export * from './data';
export * from './metrics';
export * from './audit';
export * from './charts';
export * from './report';
export { readTable, readTableColumns, entityResolver, type ReadTableOptions, type TableColumns } from './table';
