/**
 * Loads the report data: the validated data directory (plain loaders, no DataFrames), then
 * the audit, which also computes the derived metrics over the same facts.
 */
import { runAudit } from '../audit/run';
import type { Claim } from '../audit/claims';
import { readDataset, type Dataset } from '../data/dataset';
import type { ReportData } from './data';

export interface LoadReportOptions {
  /** data directory (default: BENCHVAL_DATA_DIR, else the project's data/) */
  dataDir?: string;
  /** the data set, already read and checked (the main job passes the one validation read) */
  dataset?: Dataset;
  /** the claims, when already read (by validation) */
  claims?: readonly Claim[];
}

export function loadReportData(opts: LoadReportOptions = {}): ReportData {
  const ds = opts.dataset ?? readDataset({ dataDir: opts.dataDir });
  const audit = runAudit({ dataDir: opts.dataDir, facts: ds.facts, assumptions: ds.assumptions, sources: ds.sources, entities: ds.entities, claims: opts.claims });
  return {
    facts: ds.facts, entities: ds.entities, sources: ds.sources, assumptions: ds.assumptions,
    derived: audit.derived, findings: audit.findings,
  };
}
