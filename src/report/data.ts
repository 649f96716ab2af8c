/** Everything the report and the exports are built from, and how it is loaded. */
import type { Finding } from '../audit/findings';
import type { Derived } from '../metrics/derived';
import type { Assumption, Entity, Fact, Source } from '../types';

export interface ReportData {
  facts: Fact[];
  entities: Entity[];
  sources: Source[];
  assumptions: Assumption[];
  derived: Derived[];
  findings: Finding[];
}
