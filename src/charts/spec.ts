/**
 * Pieces shared by every chart spec: config (fonts, sizes), the per-fact data row with
 * the fields every tooltip shows, interval bounds and the title with its source note.
 */
import type { Config } from 'vega-lite';
import type { Fact } from '../types';
import { entityLabel, sourceNote, sourceOf, type ChartContext } from './context';

/** Latin font installed with the renderer; browsers fall back to their sans-serif. */
export const CHART_FONT = 'DejaVu Sans';

export const CHART_CONFIG: Config = {
  font: `${CHART_FONT}, sans-serif`,
  background: 'white',
  padding: 8,
  view: { stroke: '#ddd' },
  title: { fontSize: 15, subtitleFontSize: 10, subtitleColor: '#555', anchor: 'start', offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 360 },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 260 },
};

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
  /** interval ends for error bars: the bound when known, else the value */
  lo: number | null;
  hi: number | null;
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

/** Plot row of a fact, values divided by `scale` and multiplied by `factor` (currency conversion). */
export function factRow(ctx: ChartContext, f: Fact, scale = 1, factor = 1): FactRow {
  const k = factor / scale;
  const v = f.value === null ? null : f.value * k;
  const lo = f.low === null ? v : f.low * k;
  const hi = f.high === null ? v : f.high * k;
  const src = sourceOf(ctx, f.source);
  return {
    fact_id: f.id,
    entity: f.entity,
    label: entityLabel(ctx, f.entity),
    metric: f.metric,
    value: v === null ? null : roundSig(v),
    lo: lo === null ? null : roundSig(lo),
    hi: hi === null ? null : roundSig(hi),
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

/** Tooltip channels shared by all fact-based charts. */
export function factTooltip(valueTitle: string, format = ',.4~g'): { field: string; type: 'nominal' | 'quantitative'; title: string; format?: string }[] {
  return [
    { field: 'label', type: 'nominal', title: 'entity' },
    { field: 'value', type: 'quantitative', title: valueTitle, format },
    { field: 'quantity', type: 'nominal', title: 'as written' },
    { field: 'qualifier', type: 'nominal', title: 'qualifier' },
    { field: 'source', type: 'nominal', title: 'source' },
    { field: 'evidence', type: 'nominal', title: 'evidence' },
    { field: 'fact_id', type: 'nominal', title: 'fact' },
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
