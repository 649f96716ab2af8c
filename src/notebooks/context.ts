/**
 * What a notebook works on: the checked data set with assumption overrides applied, the derived
 * metrics and a chart context, built in one call so every notebook starts the same way.
 */
import { readDataset, type AssumptionOverrides, type Dataset } from '../data';
import { computeDerived, type Derived } from '../metrics';
import { runAudit, type Finding } from '../audit';
import type { ChartContext, ChartFinding } from '../charts';
import type { Assumption } from '../types';
import { resolveScenario, type ScenarioSpec } from '../api/dataset';

export interface NotebookDataOptions {
  /** data directory (default: data/ of the project, or BENCHVAL_DATA_DIR) */
  dataDir?: string;
  /** assumption values by id, e.g. { 'usd-cny-2026-01': 7.2 } */
  overrides?: AssumptionOverrides;
  /** also run the claims audit (src/audit) on the same data and overrides */
  audit?: boolean;
  /** market-convention FX rates, cross rates kept consistent: `{ USDCNY: 7.2 }` (a null rate is left as in the file) */
  fx?: ScenarioSpec['fx'] | Record<string, number | null>;
}

export interface NotebookData extends Dataset {
  derived: Derived[];
  /** audit findings; empty unless `audit` was asked for */
  findings: Finding[];
  chart: ChartContext;
}

/** Audit findings in the shape the charts take (stated / computed as their text). */
export function chartFindings(findings: readonly Finding[]): ChartFinding[] {
  return findings.map((f) => ({
    id: f.id, kind: f.kind, status: f.status, entities: f.entities, sources: f.sources, inputs: f.inputs, rule: f.rule,
    stated: f.stated ? f.stated.text : null, computed: f.computed ? f.computed.text : null, message: f.message,
  }));
}

/** Reads and checks the data (throws listing every problem), then derives the metrics. */
export function notebookData(opts: NotebookDataOptions = {}): NotebookData {
  const fx = Object.fromEntries(Object.entries(opts.fx ?? {}).filter(([, v]) => v !== null && v !== undefined)) as ScenarioSpec['fx'];
  const overrides = fx && Object.keys(fx).length
    ? resolveScenario(readDataset({ dataDir: opts.dataDir }).assumptions, { fx, overrides: opts.overrides })
    : opts.overrides;
  const dataset = readDataset({ dataDir: opts.dataDir, overrides });
  const derived = computeDerived(dataset.facts, dataset.assumptions, undefined, dataset.entities);
  const findings = opts.audit
    ? runAudit({ dataDir: opts.dataDir, facts: dataset.facts, assumptions: dataset.assumptions, sources: dataset.sources }).findings
    : [];
  const chart: ChartContext = {
    facts: dataset.facts, entities: dataset.entities, sources: dataset.sources, assumptions: dataset.assumptions,
    derived, findings: chartFindings(findings),
  };
  return { ...dataset, derived, findings, chart };
}

/**
 * Overrides that set every USD/CNY rate (unit CNY/USD) to `rate` and move every HKD/CNY rate
 * (unit CNY/HKD) with it through the HKD/USD rate (unit USD/HKD), so the cross rates stay
 * consistent: CNY per HKD = rate x USD per HKD.
 */
export function usdCnyOverrides(assumptions: readonly Assumption[], rate: number): AssumptionOverrides {
  if (!(rate > 0) || !Number.isFinite(rate)) throw new Error(`USD/CNY rate must be a positive number, got ${rate}`);
  const out: AssumptionOverrides = {};
  const usdPerHkd = assumptions.filter((a) => a.unit === 'USD/HKD');
  for (const a of assumptions) {
    if (a.unit === 'CNY/USD') out[a.id] = rate;
    if (a.unit === 'CNY/HKD') {
      if (usdPerHkd.length === 0) throw new Error(`cannot move '${a.id}' with USD/CNY: no USD/HKD assumption`);
      // the USD/HKD rate of the same date, else the latest one
      const same = usdPerHkd.find((x) => x.as_of === a.as_of);
      const latest = [...usdPerHkd].sort((x, y) => x.as_of.localeCompare(y.as_of))[usdPerHkd.length - 1];
      out[a.id] = rate * (same ?? latest).value;
    }
  }
  return out;
}
