/**
 * Charts in notebooks: render a vega-lite spec to SVG and display both in one output, with the
 * chart's caption (method notes and sources) under it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartByName, chartCaption, renderSvg, type ChartContext } from '../charts';
import { escapeHtml } from '../report/html';
import { displayChart, tslabSink, type DisplaySink } from './display';

export interface ShowChartOptions {
  /** name used in render error messages */
  name?: string;
  /** text shown where neither vega-lite nor SVG renders */
  text?: string;
  sink?: DisplaySink;
  /** show the chart's caption (its method notes and sources, the spec's description) under it; default true */
  caption?: boolean;
}

/** The caption under a chart: its method notes and every source, as HTML and text. */
export function captionBundle(caption: string): Record<string, unknown> {
  return { 'text/html': `<p style="font-size:0.85em;color:#555;max-width:60em">${escapeHtml(caption)}</p>`, 'text/plain': caption };
}

/**
 * Renders `spec` (strict: any vega warning is an error) and displays spec + SVG fallback.
 * Resolves to nothing, so that a cell ending in `await showChart(...)` prints no SVG text.
 */
export async function showChart(spec: TopLevelSpec, opts: ShowChartOptions = {}): Promise<void> {
  // an unchanged spec reuses its SVG from the render cache (src/charts/renderCache.ts)
  const { svg } = await renderSvg(spec, { name: opts.name ?? 'notebook chart', cache: true });
  const sink = opts.sink ?? tslabSink;
  displayChart({ spec, svg, text: opts.text }, sink);
  const caption = chartCaption(spec as { description?: string });
  if (caption && opts.caption !== false) sink(captionBundle(caption));
}

/** Builds one chart of the project's registry (src/charts) from `ctx` and displays it. */
export async function showProjectChart(name: string, ctx: ChartContext, sink: DisplaySink = tslabSink): Promise<void> {
  const def = chartByName(name);
  return showChart(def.build(ctx), { name, text: `chart: ${def.title}`, sink });
}
