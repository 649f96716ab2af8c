/**
 * Headless rendering: vega-lite spec -> vega spec -> vega View (renderer 'none') -> SVG,
 * and SVG -> PNG with resvg. Warnings of the vega-lite compiler and the vega runtime are
 * collected; `strict` (the default) turns any warning into an error.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CJK_CHAR, cjkFontFile, latinFontFilesFor, latinFontFilesForSync } from './fonts';
import { CHART_FONT } from './spec';
import { cacheGet, cacheKey, cachePut } from './renderCache';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

/** runtime exports of vega that its type declarations omit */
interface VegaExtras {
  textMetrics: { canvas(use: boolean): void };
  resetSVGDefIds(): void;
}

let vegaMod: Vega | null = null;
let vegaLiteMod: VegaLite | null = null;
// loaded on first use so that commands without charts do not pay for them
function vega(): Vega {
  if (!vegaMod) {
    vegaMod = require('vega') as Vega;
    // text widths from the built-in estimate, never from node-canvas: same SVG on every machine
    (vegaMod as unknown as VegaExtras).textMetrics.canvas(false);
  }
  return vegaMod;
}
function vegaLite(): VegaLite {
  return (vegaLiteMod ??= require('vega-lite') as VegaLite);
}

export interface LogMessages {
  warnings: string[];
  errors: string[];
}

/** A vega logger that records messages instead of printing them. */
export function recordingLogger(into: LogMessages) {
  let level = 2; // Warn
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) { into.errors.push(text(args)); return logger; },
    warn(...args: unknown[]) { into.warnings.push(text(args)); return logger; },
    info() { return logger; },
    debug() { return logger; },
  };
  return logger;
}

export interface CompiledChart {
  vega: object;
  log: LogMessages;
}

/** Compiles a vega-lite spec to vega, recording compiler warnings. */
export function compileSpec(spec: TopLevelSpec): CompiledChart {
  const log: LogMessages = { warnings: [], errors: [] };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const out = vegaLite().compile(spec, { logger: recordingLogger(log) as any });
  return { vega: out.spec, log };
}

export interface RenderOptions {
  /** fail on any compiler or runtime warning (default true) */
  strict?: boolean;
  /** name used in error messages */
  name?: string;
  /** reuse the SVG of an identical spec rendered before (./renderCache); default false */
  cache?: boolean;
}

export interface RenderedSvg {
  svg: string;
  log: LogMessages;
}

function failOnLog(name: string, log: LogMessages, strict: boolean): void {
  const problems = strict ? [...log.errors, ...log.warnings] : log.errors;
  if (problems.length) throw new Error(`chart '${name}': ${problems.join('; ')}`);
}

/** Renders a vega-lite spec to a deterministic SVG string. */
export async function renderSvg(spec: TopLevelSpec, opts: RenderOptions = {}): Promise<RenderedSvg> {
  const name = opts.name ?? 'chart';
  const strict = opts.strict ?? true;
  // only clean renders are cached: a spec with warnings is compiled again and reports them
  const key = opts.cache ? cacheKey('svg', JSON.stringify(spec)) : null;
  const hit = key ? cacheGet(key, 'svg') : null;
  if (hit) return { svg: hit.toString('utf8'), log: { warnings: [], errors: [] } };
  const rendered = await renderFresh(spec, name, strict);
  if (key && !rendered.log.warnings.length && !rendered.log.errors.length) cachePut(key, 'svg', rendered.svg);
  return rendered;
}

async function renderFresh(spec: TopLevelSpec, name: string, strict: boolean): Promise<RenderedSvg> {
  const compiled = compileSpec(spec);
  failOnLog(name, compiled.log, strict);
  const v = vega();
  const log: LogMessages = { warnings: [...compiled.log.warnings], errors: [...compiled.log.errors] };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const view = new v.View(v.parse(compiled.vega as any), { renderer: 'none', logger: recordingLogger(log) as any });
  try {
    await view.runAsync();
    // clip-path / gradient ids restart at 1 for every chart: ids do not depend on render order
    (v as unknown as VegaExtras).resetSVGDefIds();
    const svg = await view.toSVG();
    failOnLog(name, log, strict);
    return { svg, log };
  } finally {
    view.finalize();
  }
}

/** The text an SVG draws (content of its <text> elements; attributes such as aria-label excluded). */
export function drawnText(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' '));
}

function resvgOptions(svg: string, scale: number, latin: string[]) {
  const fontFiles = [...latin];
  if (drawnText(svg).some((t) => CJK_CHAR.test(t))) {
    const cjk = cjkFontFile();
    if (!cjk) throw new Error('chart text contains CJK characters but no CJK font is installed (install fonts-wqy-microhei or use English labels)');
    fontFiles.push(cjk);
  }
  return {
    fitTo: { mode: 'zoom' as const, value: scale },
    background: 'white',
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
  };
}

type ResvgModule = typeof import('@resvg/resvg-js');
let resvgMod: ResvgModule | null = null;
function resvg(): ResvgModule {
  return (resvgMod ??= require('@resvg/resvg-js') as ResvgModule);
}

/**
 * Renders SVG to PNG at `scale` times its size, with the fonts the charts use (the cached
 * font subsets when on disk, see ./fonts, else the full font files).
 */
export function svgToPng(svg: string, scale = 1.5): Buffer {
  const latin = latinFontFilesForSync(drawnText(svg).join(''));
  return new (resvg().Resvg)(svg, resvgOptions(svg, scale, latin)).render().asPng();
}

/**
 * svgToPng off the main thread (resvg's thread pool), so several charts render in parallel;
 * the Latin fonts are subset to the drawn characters first (built once, then cached).
 */
export async function svgToPngAsync(svg: string, scale = 1.5, opts: { cache?: boolean } = {}): Promise<Buffer> {
  const latin = await latinFontFilesFor(drawnText(svg).join(''));
  const options = resvgOptions(svg, scale, latin);
  // font subsets are named by their content key, so their paths stand for the glyphs used
  const key = opts.cache ? cacheKey('png', svg, String(scale), options.font.fontFiles.join('|')) : null;
  const hit = key ? cacheGet(key, 'png') : null;
  if (hit) return hit;
  const png = (await resvg().renderAsync(svg, options)).asPng();
  if (key) cachePut(key, 'png', png);
  return png;
}
