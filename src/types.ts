/** Shared types of the fact base. Values are in base units (see data/README.md). */

export const QUALIFIERS = [
  'exact', 'approx', 'over', 'nearly', 'at-least', 'at-most', 'range', 'estimate', 'target', 'forecast',
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const FACT_TABLES = [
  'benchmarks', 'funding_rounds', 'valuations', 'financials', 'multiples', 'deployments', 'model_specs', 'market',
] as const;
export type FactTable = (typeof FACT_TABLES)[number];

export type Currency = 'CNY' | 'USD' | 'HKD';

export interface Source {
  id: string;
  outlet: string;
  title: string;
  published: string;
  url: string | null;
  language: string;
  seed_file: string;
  note: string | null;
}

export type EntityKind = 'company' | 'model' | 'product' | 'market';

export interface Entity {
  id: string;
  kind: EntityKind;
  name_en: string;
  name_zh: string;
  parent: string | null;
  note: string | null;
  /** other names the entity goes by (short names, traditional forms, English names, model-name variants) */
  aliases?: string[];
}

/** One sourced number, parsed into base units. */
export interface Fact {
  id: string;
  table: FactTable;
  entity: string;
  metric: string;
  /** the number as the article writes it */
  quantity: string;
  /** stated number in base units; midpoint for a range */
  value: number | null;
  /** interval bounds in base units; null when unbounded on that side */
  low: number | null;
  high: number | null;
  unit: string;
  currency: Currency | null;
  qualifier: Qualifier;
  as_of: string | null;
  period_start: string | null;
  period_end: string | null;
  source: string;
  seed_file: string;
  evidence: string;
  note: string | null;
  /** table-specific columns */
  benchmark?: string | null;
  variant?: string | null;
  round?: string | null;
  investors?: string | null;
  basis?: string | null;
  /**
   * the event the row reports (src/data/events.ts): rows sharing it report one round, one
   * period's figure or one count; the `event` column when set, else derived from the fields
   */
  event?: string;
  /** true when `event` comes from the table's `event` column */
  event_set?: boolean;
  /** where the row came from */
  file: string;
  line: number;
}

export interface Assumption {
  id: string;
  name: string;
  value: number;
  unit: string;
  as_of: string;
  rationale: string;
  reference: string | null;
}
