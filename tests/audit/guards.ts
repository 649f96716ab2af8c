/** Claim and derived-row builders for the analytical guard tests. */
import type { Claim } from '../../src/audit/claims';
import type { Derived } from '../../src/metrics/derived';

export const claim = (p: Partial<Claim> & { id: string; expression: string }): Claim => ({
  source: 'src-a', type: 'statement', claim: 'test claim', evidence: 'x', stated: '>0', unit: 'multiple',
  tolerance: null, note: null, file: 'claims.csv', line: 2, ...p,
});

export const derivedRow = (p: Partial<Derived> & { id: string; metric: string; inputs: string[] }): Derived => ({
  entity: 'acme', value: 1, low: 1, high: 1, unit: 'multiple', currency: null, formula: 'a / b', assumptions: [],
  method: null, note: null, ...p,
});
