/**
 * Pieces shared by every chart spec: config (fonts, sizes), the per-fact data row with
 * the fields every tooltip shows, interval bounds and the title with its source note.
 */
import type { Config } from 'vega-lite';
import type { Fact } from '../types';
import { entityLabel, sourceNote, sourceOf, type ChartContext } from './context';
import { CATEGORICAL } from './palette';

/** Row and axis labels are cut at this width in pixels; tooltips carry the whole text. */
export const AXIS_LABEL_LIMIT = 260;
/** Legends list at most this many entries; a chart bounds its colour domain to fit. */
export const LEGEND_LIMIT = 12;

/** Latin font installed with the renderer; browsers fall back to their sans-serif. */
export const CHART_FONT = 'DejaVu Sans';

export const CHART_CONFIG: Config = {
  font: `${CHART_FONT}, sans-serif`,
  background: 'white',
  padding: 8,
  view: { stroke: '#ddd' },
  range: { category: [...CATEGORICAL] },
  title: { fontSize: 15, subtitleFontSize: 11, subtitleColor: '#555', anchor: 'start', offset: 10 },
  // row labels are cut at AXIS_LABEL_LIMIT (the full text is in every tooltip), so the plot keeps most of the width
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: AXIS_LABEL_LIMIT },
  // legends sit under the plot, so the plot keeps the chart's width (at least 60% of it);
  // legend labels are never cut (0 = no limit): they are entity names and fixed texts, and the
  // server-side renderer estimates text width at 0.8 x font size per character, so any pixel limit
  // cuts names it would draw in full ("Chinese mid-tier LLM companies": 30 x 0.8 x 11 = 264 > 260)
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 0, symbolLimit: LEGEND_LIMIT, orient: 'bottom', direction: 'horizontal', columns: 3 },
  text: { color: '#222' },
};

/**
 * The chart's title, its subtitle (at most two short lines: what to read first and the sources
 * in brief) and its caption (`description`: the method notes and every source; the report shows
 * it under the chart, notebooks read it with chartCaption, and vega uses it as the chart's text
 * alternative).
 */
export interface ChartHeader {
  title: ChartTitle;
  description: string;
}

/**
 * Longest subtitle line, in characters: the renderer reckons 0.8 x 11 px a character, so 80
 * characters take 704 px, no wider than the charts (a wider line would widen the chart and
 * shrink the plot's share of it below 60%).
 */
export const SUBTITLE_MAX_CHARS = 80;

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** "Sources: 36Kr, QbitAI and 3 more (caption lists them)", within SUBTITLE_MAX_CHARS. */
export function briefSourceNote(ctx: ChartContext, sourceIds: Iterable<string>): string {
  const ids = [...new Set(sourceIds)].sort();
  if (ids.length === 0) return 'Sources: none';
  const outlets = [...new Set(ids.map((id) => sourceOf(ctx, id).outlet))];
  const articles = ids.length === 1 ? '1 article' : `${ids.length} articles`;
  for (let n = outlets.length; n >= 1; n--) {
    const more = outlets.length - n;
    const text = `Sources: ${articles} (${outlets.slice(0, n).join(', ')}${more ? ` and ${more} more outlets` : ''})`;
    if (text.length <= SUBTITLE_MAX_CHARS) return text;
  }
  return `Sources: ${articles} from ${outlets.length} outlets (listed in the caption)`;
}

/**
 * Title, two-line subtitle and caption of a chart. `lead` is the one line a reader needs to read
 * the marks (cut to SUBTITLE_MAX_CHARS); `notes` are the method notes, kept whole in the caption.
 */
export function chartHeader(ctx: ChartContext, text: string, facts: Pick<Fact, 'source'>[], lead: string, notes: string[] = []): ChartHeader {
  if (lead.length > SUBTITLE_MAX_CHARS) throw new Error(`chart '${text}': subtitle line longer than ${SUBTITLE_MAX_CHARS} characters: ${lead}`);
  const ids = facts.map((f) => f.source);
  return {
    title: { text, subtitle: [lead, briefSourceNote(ctx, ids)] },
    description: [text, lead, ...notes, sourceNote(ctx, ids)].map(sentence).join(' '),
  };
}

/** The caption of a built chart: its method notes and sources (the spec's description). */
export function chartCaption(spec: { description?: string }): string {
  return spec.description ?? '';
}

export type BoundKind = 'exact' | 'interval' | 'open above' | 'open below';

/** One plotted fact; every field is a primitive so the spec stays plain JSON. */
export interface FactRow {
  [field: string]: string | number | null;
  fact_id: string;
  entity: string;
  label: string;
  metric: string;
  /** the stated value divided by the chart's scale */
  value: number | null;
  /** the stated bounds divided by the chart's scale; null on an open side (超50亿: no hi) */
  lo: number | null;
  hi: number | null;
  /** the value as tooltip text ('none' without a value) */
  value_text: string;
  /** the bounds as tooltip text: the number, or 'open' on an open side */
  low_text: string;
  high_text: string;
  bound: BoundKind;
  quantity: string;
  qualifier: string;
  source: string;
  evidence: string;
}

/**
 * Where the interval of a fact ends. `超50亿` (qualifier over, low 5e9, high open) is
 * 'open above', `近4万` 'open below'; a fact with two different bounds is an 'interval';
 * otherwise 'exact'.
 */
export function boundKind(f: Pick<Fact, 'value' | 'low' | 'high' | 'qualifier'>): BoundKind {
  // the qualifier column can mark a bound the quantity text does not show (突破3000亿: over)
  if (f.qualifier === 'over' || f.qualifier === 'at-least') return 'open above';
  if (f.qualifier === 'nearly' || f.qualifier === 'at-most') return 'open below';
  if (f.low !== null && f.high !== null) return f.low === f.high ? 'exact' : 'interval';
  if (f.low !== null) return 'open above';
  if (f.high !== null) return 'open below';
  return 'exact';
}

/** length of the dashed arrow drawn from a one-sided bound to its open side, as a factor on a log axis */
export const ARROW_FACTOR = 1.8;

/**
 * Length in pixels of the arrow drawn from a one-sided bound ("over 50亿", "nearly 20x") towards its
 * open side: a fixed length on screen, whatever the scale, so the arrow's end reads as no value.
 */
export const ARROW_PX = 22;
const ARROWS = [['open above', 1, 'triangle-right'], ['open below', -1, 'triangle-left']] as const;

/**
 * Layers of the arrows of one-sided bounds: for rows whose `bound` field is 'open above' ('open
 * below'), a dashed rule from the bound ARROW_PX pixels to the right (left) and an arrowhead at its
 * end. `x` is the channel definition of the bound's position; `encoding` the shared channels
 * (colour, tooltip, y). Only sides some row has get layers.
 */
export function arrowLayers(rows: readonly { bound: string }[], x: { field: string }, encoding: object = {}, boundField = 'bound'): object[] {
  return ARROWS.filter(([b]) => rows.some((r) => r.bound === b)).flatMap(([b, dir, shape]) => [
    {
      transform: [{ filter: `datum.${boundField} === '${b}' && isValid(datum.${x.field})` }],
      mark: { type: 'rule', strokeWidth: 2, strokeDash: [4, 3], x2Offset: dir * (ARROW_PX - 4) },
      encoding: { ...encoding, x, x2: { field: x.field } },
    },
    {
      transform: [{ filter: `datum.${boundField} === '${b}' && isValid(datum.${x.field})` }],
      mark: { type: 'point', shape, filled: true, size: 60, opacity: 1, xOffset: dir * ARROW_PX },
      encoding: { ...encoding, x },
    },
  ]);
}

/** Tooltip text of a bound that is not stated. */
export const OPEN_BOUND = 'open';
/** Tooltip text of a row without a value. */
export const NO_VALUE = 'none';
const BOUND_FORMAT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** Text of an interval end for tooltips: 4 significant digits, or 'open' when the side is unbounded. */
export function boundText(x: number | null): string {
  return x === null || !Number.isFinite(x) ? OPEN_BOUND : BOUND_FORMAT.format(x);
}

/**
 * The stated bounds of a fact: its low and high, each null on an open side as boundKind reads
 * it (a qualifier `over` opens the top even when the quantity gives a high); a fact with
 * neither bound is the point at its value.
 */
export function statedBounds(f: Pick<Fact, 'value' | 'low' | 'high' | 'qualifier'>): { low: number | null; high: number | null } {
  const kind = boundKind(f);
  if (f.low === null && f.high === null) return { low: f.value, high: f.value };
  return { low: kind === 'open below' ? null : f.low ?? f.value, high: kind === 'open above' ? null : f.high ?? f.value };
}

/** Plot row of a fact, values divided by `scale` and multiplied by `factor` (currency conversion). */
export function factRow(ctx: ChartContext, f: Fact, scale = 1, factor = 1): FactRow {
  const k = factor / scale;
  const b = statedBounds(f);
  const v = f.value === null ? null : roundSig(f.value * k);
  const lo = b.low === null ? null : roundSig(b.low * k);
  const hi = b.high === null ? null : roundSig(b.high * k);
  const src = sourceOf(ctx, f.source);
  return {
    fact_id: f.id,
    entity: f.entity,
    label: entityLabel(ctx, f.entity),
    metric: f.metric,
    value: v,
    lo,
    hi,
    value_text: v === null ? NO_VALUE : boundText(v),
    low_text: boundText(lo),
    high_text: boundText(hi),
    bound: boundKind(f),
    quantity: f.quantity,
    qualifier: f.qualifier,
    source: `${src.outlet} (${src.id})`,
    evidence: f.evidence,
  };
}

/** 12 significant digits: removes binary noise such as 0.30000000000000004 from specs. */
export function roundSig(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}

export interface TooltipField { field: string; type: 'nominal' | 'quantitative'; title: string; format?: string }

/**
 * Tooltip channels shared by all fact-based charts: the value as text (field value_text, so
 * that a row without a value shows "none" rather than 0) and, with `bounds` (the unit for
 * the titles), the stated low and high, 'open' on an open side.
 */
export function factTooltip(valueTitle: string, bounds?: string): TooltipField[] {
  return [
    { field: 'label', type: 'nominal', title: 'entity' },
    { field: 'value_text', type: 'nominal', title: valueTitle },
    ...(bounds === undefined ? [] : boundsTooltip(bounds)),
    { field: 'quantity', type: 'nominal', title: 'as written' },
    { field: 'qualifier', type: 'nominal', title: 'qualifier' },
    { field: 'source', type: 'nominal', title: 'source' },
    { field: 'evidence', type: 'nominal', title: 'evidence' },
    { field: 'fact_id', type: 'nominal', title: 'fact' },
  ];
}

/** Tooltip channels of the stated bounds (fields low_text / high_text of a FactRow). */
export function boundsTooltip(unit: string): TooltipField[] {
  const u = unit ? ` (${unit})` : '';
  return [
    { field: 'low_text', type: 'nominal', title: `low${u}` },
    { field: 'high_text', type: 'nominal', title: `high${u}` },
  ];
}

export interface ChartTitle { text: string; subtitle: string[] }

/** Chart title with the source note (and optional extra lines) as subtitle. */
export function chartTitle(ctx: ChartContext, text: string, facts: Pick<Fact, 'source'>[], extra: string[] = []): ChartTitle {
  return { text, subtitle: [...extra, sourceNote(ctx, facts.map((f) => f.source))] };
}

/** Throws when a chart has nothing to draw, naming what it looked for. */
export function requireRows<T>(rows: T[], chart: string, what: string): T[] {
  if (rows.length === 0) throw new Error(`chart '${chart}': no facts found for ${what}`);
  return rows;
}
