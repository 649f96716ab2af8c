/** Every chart the project draws, in report order. Everything that outputs charts iterates over this. */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartContext } from './context';
import { auditSummarySpec } from './auditSummary';
import { benchmarksMathSpec } from './benchmarksMath';
import { deploymentsSpec } from './deployments';
import { fundingSpec } from './funding';
import { listedPeersSpec } from './listedPeers';
import { modelSizesSpec } from './modelSizes';
import { valuationsSpec } from './valuations';
import { footballFieldSpec } from './footballField';

export interface ChartDef {
  /** file-name safe id: out/charts/<name>.svg */
  name: string;
  title: string;
  build(ctx: ChartContext): TopLevelSpec;
}

export const CHARTS: readonly ChartDef[] = [
  { name: 'benchmarks-math', title: 'Math benchmarks: Step 3.5 Flash vs peers', build: benchmarksMathSpec },
  { name: 'model-sizes', title: 'Model size: total vs active parameters', build: modelSizesSpec },
  { name: 'funding', title: 'Funding rounds vs the 2025 industry total', build: fundingSpec },
  { name: 'valuations', title: 'Valuations and P/S multiples', build: valuationsSpec },
  { name: 'listed-peers', title: 'Listed peers: revenue vs losses', build: listedPeersSpec },
  { name: 'deployments', title: 'Deployments vs targets', build: deploymentsSpec },
  { name: 'audit-summary', title: 'Audit findings by kind and status', build: auditSummarySpec },
  { name: 'football-field', title: 'Valuation ranges by method (football field)', build: footballFieldSpec },
];

/**
 * The caption of a chart for the data: the method notes and sources shown under it in the report;
 * notebooks print it under the chart they display.
 */
export function chartCaptionFor(name: string, ctx: ChartContext): string {
  return (chartByName(name).build(ctx) as { description?: string }).description ?? '';
}

export function chartByName(name: string): ChartDef {
  const c = CHARTS.find((x) => x.name === name);
  if (!c) throw new Error(`unknown chart '${name}'; charts: ${CHARTS.map((x) => x.name).join(', ')}`);
  return c;
}
