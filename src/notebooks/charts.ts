/** Charts in notebooks: render a vega-lite spec to SVG and display both in one output. */
import type { TopLevelSpec } from 'vega-lite';
import { chartByName, renderSvg, type ChartContext } from '../charts';
import { displayChart, tslabSink, type DisplaySink } from './display';

export interface ShowChartOptions {
  /** name used in render error messages */
  name?: string;
  /** text shown where neither vega-lite nor SVG renders */
  text?: string;
  sink?: DisplaySink;
}

/**
 * Renders `spec` (strict: any vega warning is an error) and displays spec + SVG fallback.
 * Resolves to nothing, so that a cell ending in `await showChart(...)` prints no SVG text.
 */
export async function showChart(spec: TopLevelSpec, opts: ShowChartOptions = {}): Promise<void> {
  // an unchanged spec reuses its SVG from the render cache (src/charts/renderCache.ts)
  const { svg } = await renderSvg(spec, { name: opts.name ?? 'notebook chart', cache: true });
  displayChart({ spec, svg, text: opts.text }, opts.sink ?? tslabSink);
}

/** Builds one chart of the project's registry (src/charts) from `ctx` and displays it. */
export async function showProjectChart(name: string, ctx: ChartContext, sink: DisplaySink = tslabSink): Promise<void> {
  const def = chartByName(name);
  return showChart(def.build(ctx), { name, text: `chart: ${def.title}`, sink });
}
