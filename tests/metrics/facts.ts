/** Tiny fact builders for tests: the quantity is parsed like the loader does. */
import type { Assumption, Fact, FactTable } from '../../src/types';
import { parseQuantity } from '../../src/units/parse';

export function fact(p: Partial<Fact> & { id: string; quantity: string; entity?: string; metric?: string; table?: FactTable }): Fact {
  const q = parseQuantity(p.quantity);
  return {
    table: 'financials', entity: 'acme', metric: 'revenue', unit: q.unit ?? 'count', currency: q.currency,
    value: q.value, low: q.low, high: q.high, qualifier: q.qualifier, as_of: null, period_start: null, period_end: null,
    source: 'src-a', seed_file: 'a.txt', evidence: p.quantity, note: null, benchmark: null, variant: null, file: 'test.csv', line: 2,
    ...p,
  } as Fact;
}

export const FX: Assumption[] = [
  { id: 'usd-cny-test', name: 'USD/CNY', value: 7, unit: 'CNY/USD', as_of: '2026-01', rationale: 'test', reference: null },
  { id: 'hkd-cny-test', name: 'HKD/CNY', value: 0.9, unit: 'CNY/HKD', as_of: '2026-01', rationale: 'test', reference: null },
];
