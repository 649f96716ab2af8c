/**
 * Builds every chart of the registry and writes <name>.vl.json, .svg and .png to a folder, each
 * file through a temporary file and a rename. The folder is checked first (prepareOutDir).
 */
import { join } from 'node:path';
import { prepareOutDir } from '../report/outDir';
import { writeFileAtomic } from '../report/writeFile';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartContext } from './context';
import { CHARTS, type ChartDef } from './registry';
import { renderSvg, svgToPngAsync } from './render';

export interface BuiltChart {
  name: string;
  title: string;
  spec: TopLevelSpec;
  svg: string;
}

/** Specs and SVGs of all charts (or the named ones), in registry order. */
export async function buildCharts(ctx: ChartContext, charts: readonly ChartDef[] = CHARTS): Promise<BuiltChart[]> {
  const out: BuiltChart[] = [];
  for (const c of charts) {
    const spec = c.build(ctx);
    const { svg } = await renderSvg(spec, { name: c.name });
    out.push({ name: c.name, title: c.title, spec, svg });
  }
  return out;
}

export interface WriteChartsOptions {
  /** also write PNG files (default true) */
  png?: boolean;
}

/**
 * Builds, renders and writes every chart in one pass: each chart's PNG starts rendering on
 * resvg's thread pool as soon as its SVG exists, while the next chart is built on the main
 * thread. Returns the built charts and the paths written (registry order).
 */
export async function buildAndWriteCharts(ctx: ChartContext, dir: string, opts: WriteChartsOptions = {}, charts: readonly ChartDef[] = CHARTS): Promise<{ built: BuiltChart[]; paths: string[] }> {
  prepareOutDir(dir);
  const png = opts.png ?? true;
  const built: BuiltChart[] = [];
  const pngJobs: Promise<Buffer>[] = [];
  for (const c of charts) {
    const spec = c.build(ctx);
    const { svg } = await renderSvg(spec, { name: c.name, cache: true });
    built.push({ name: c.name, title: c.title, spec, svg });
    if (png) pngJobs.push(svgToPngAsync(svg, undefined, { cache: true }));
  }
  const pngs = await Promise.all(pngJobs);
  return { built, paths: writeBuilt(built, dir, png ? pngs : null) };
}

function writeBuilt(built: BuiltChart[], dir: string, pngs: Buffer[] | null): string[] {
  const paths: string[] = [];
  built.forEach((c, i) => {
    const base = join(dir, c.name);
    writeFileAtomic(`${base}.vl.json`, JSON.stringify(c.spec, null, 2) + '\n');
    writeFileAtomic(`${base}.svg`, c.svg);
    paths.push(`${base}.vl.json`, `${base}.svg`);
    if (pngs) {
      writeFileAtomic(`${base}.png`, pngs[i]);
      paths.push(`${base}.png`);
    }
  });
  return paths;
}

/** Writes the files of built charts (PNGs rendered in parallel); returns the paths written, in registry order. */
export async function writeCharts(built: BuiltChart[], dir: string, opts: WriteChartsOptions = {}): Promise<string[]> {
  prepareOutDir(dir);
  const png = opts.png ?? true;
  const pngs = png ? await Promise.all(built.map((c) => svgToPngAsync(c.svg))) : null;
  return writeBuilt(built, dir, pngs);
}
