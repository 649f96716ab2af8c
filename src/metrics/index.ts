/** Derived metrics: interval arithmetic, metric functions and the derived table. */
export * as intervals from './interval';
export { interval, point, formatInterval, intervalJson, roundInterval, IntervalError } from './interval';
export type { Interval, IntervalJson } from './interval';
export * from './tolerance';
export * from './growth';
export * from './valuation';
export * from './losses';
export * from './deployment';
export * from './models';
export * from './currency';
export * from './period';
export * from './derived';
