/** Public API of the charts module: the chart registry, the chart builders, rendering and validation. */
export type { ChartContext, ChartDerived, ChartFinding } from './context';
export { CHART_CONFIG, CHART_FONT, chartCaption } from './spec';
export { CATEGORICAL, companyOf, entityColor, entityColorScale } from './palette';
export { CHART_THEMES, type ColorMode } from './theme';
export { benchmarksMathSpec, MATH_BENCHMARK } from './benchmarksMath';
export { modelSizesSpec } from './modelSizes';
export { fundingSpec } from './funding';
export { valuationsSpec } from './valuations';
export { listedPeersSpec } from './listedPeers';
export { deploymentsSpec } from './deployments';
export { auditSummarySpec } from './auditSummary';
export { CHARTS, chartByName, chartCaptionFor, type ChartDef } from './registry';
export { compileSpec, drawnText, renderSvg, svgToPng, svgToPngAsync, type CompiledChart, type RenderedSvg, type RenderOptions } from './render';
export { assertValidSpec, specSchemaErrors } from './validate';
export { buildAndWriteCharts, buildCharts, writeCharts, type BuiltChart, type WriteChartsOptions } from './write';
