/**
 * Valuations (USD, log scale) and price-to-sales multiples of StepFun and its peers.
 * Ranges are drawn as a rule from low to high; a bound stated only on one side ("over",
 * "nearly") is drawn as a triangle pointing to the open side. Next to the stated multiples
 * the multiples the metrics compute are drawn hollow with a dashed rule: P/S from valuation /
 * revenue (derived ps_ratio rows) and, for listed companies, market cap / annualized revenue
 * (derived market_cap_to_sales rows), so a stated 约25倍 reads against the [20, 30] it stands
 * for and against the listed peers' multiples. A computed multiple with an input stated only
 * as a range (200-300亿, 亿元级别) has no single number: it is drawn as its interval, without
 * a point.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Fact } from '../types';
import { groupByEvent } from '../data/events';
import { MAX_ROWS, moreNote, topRows } from './bound';
import { byId, entityLabel, selectFacts, type ChartContext, type ChartDerived } from './context';
import { entityColorScale } from './palette';
import { hull, hullPoint, hullText, reportFields, scaledBounds } from './reports';
import { FxCollector } from './fx';
import { periodLabel } from './period';
import { latinQuantity } from './quantityText';
import { expectedNote, splitExpected } from './pending';
import { arrowLayers, boundKind, boundText, CHART_CONFIG, chartHeader, factRow, factTooltip, NO_VALUE, requireRows, roundSig, type FactRow } from './spec';

export const VALUATION_METRICS = ['valuation', 'market_cap'] as const;
export const PS_METRIC = 'ps_ratio';
/** Derived multiples drawn in the P/S panel, with the label each row carries. */
export const COMPUTED_MULTIPLES: Record<string, string> = {
  ps_ratio: 'computed P/S',
  market_cap_to_sales: 'market cap / annualized revenue',
};
const CURRENCY = 'USD';
/** marks of a number with a value: a single value, the midpoint of a range; one-sided bounds are drawn as arrows */
const BOUNDS = ['exact', 'interval'];
const BOUND_SHAPES = ['circle', 'square'];
/** the company whose rows every panel keeps, however many others there are */
const FOCUS = 'stepfun';
/** stated by an article, or computed by the metrics from other facts */
export const ORIGINS = ['stated', 'computed'] as const;
const ORIGIN_DASH = [[1, 0], [5, 3]];
/** Value text of a computed row drawn as its interval only. */
export const INTERVAL_ONLY = 'interval only (an input is a range)';

type PlotRow = FactRow & { origin: string; row: string; note: string };

/** Whether a fact states its number only as a range (two different bounds). */
function isRange(f: Fact): boolean {
  return boundKind(f) === 'interval';
}

/** "2026-01-26" for a stock, "2025 H1" for a flow. */
function dateOf(f: Fact): string {
  return f.period_start || f.period_end ? periodLabel(f.period_start, f.period_end) : f.as_of ?? 'undated';
}

/** Row label of a derived multiple, from its inputs: valuation (or market cap) date over revenue period. */
function derivedLabel(ctx: ChartContext, d: ChartDerived, inputs: (Fact | undefined)[]): string {
  const [num, rev] = inputs;
  const what = COMPUTED_MULTIPLES[d.metric] ?? d.metric;
  if (!num || !rev) return `${entityLabel(ctx, d.entity)} (${what}: ${d.inputs.join(' / ')})`;
  if (d.metric === 'market_cap_to_sales') return `${entityLabel(ctx, d.entity)} (market cap ${dateOf(num)} / annualized revenue ${dateOf(rev)})`;
  const revenue = `${latinQuantity(rev)}${rev.currency ? ` ${rev.currency}` : ''}`;
  return `${entityLabel(ctx, d.entity)} (${num.metric} ${dateOf(num)} / revenue ${dateOf(rev)}: ${revenue})`;
}

/**
 * Plot row of a derived multiple, with the fields of a fact row (the formula and inputs in
 * place of the source). Its value is dropped (interval only) when it is null or when an input
 * states its number only as a range.
 */
function derivedRow(ctx: ChartContext, d: ChartDerived): PlotRow {
  const facts = byId(ctx.facts);
  const inputs = d.inputs.map((id) => facts.get(id));
  const rangeInput = inputs.filter((f): f is Fact => f !== undefined && isRange(f));
  const value = d.value === null || rangeInput.length ? null : roundSig(d.value);
  const lo = d.low === null ? null : roundSig(d.low);
  const hi = d.high === null ? null : roundSig(d.high);
  return {
    fact_id: d.id,
    entity: d.entity,
    label: entityLabel(ctx, d.entity),
    metric: d.metric,
    value,
    lo,
    hi,
    value_text: value !== null ? boundText(value) : rangeInput.length ? `${INTERVAL_ONLY}: ${rangeInput.map((f) => f.quantity).join(', ')}` : NO_VALUE,
    low_text: boundText(lo),
    high_text: boundText(hi),
    bound: boundKind({ value: d.value, low: d.low, high: d.high, qualifier: 'exact' }),
    quantity: d.note ?? d.formula,
    qualifier: 'computed',
    source: `computed: ${d.formula}`,
    evidence: d.inputs.join(', '),
    origin: 'computed',
    row: derivedLabel(ctx, d, inputs),
    note: d.note ?? '',
  };
}

/**
 * Plot row of the reports of one event: a single report as factRow draws it; several reports at
 * the hull of what they state (the stated number when they agree), every report in the tooltip.
 */
function eventRow(ctx: ChartContext, reports: Fact[], factor: (f: Fact) => number): FactRow {
  const first = factRow(ctx, reports[0], 1 / factor(reports[0]));
  if (reports.length === 1) return first;
  const h = hull(scaledBounds(reports, factor));
  const values = new Set(reports.map((f) => (f.value === null ? null : roundSig(f.value * factor(f)))));
  const value = values.size === 1 ? [...values][0] : hullPoint(h);
  return {
    ...first, ...reportFields(ctx, reports), value, lo: h.lo, hi: h.hi, bound: h.bound,
    value_text: value === null ? hullText(h) : boundText(value), low_text: boundText(h.lo), high_text: boundText(h.hi),
  };
}

/** Rows that would share a y label get their id appended. */
function distinctRows(rows: PlotRow[]): PlotRow[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.row, (count.get(r.row) ?? 0) + 1);
  return rows.map((r) => ((count.get(r.row) ?? 0) > 1 ? { ...r, row: `${r.row} · ${r.fact_id}` } : r));
}


/**
 * One panel: a rule per range, end ticks on a range drawn without a point, and a point layer per
 * origin that has points (a layer without rows would give an empty extent).
 */
function panel(ctx: ChartContext, title: string, xTitle: string, valueTitle: string, unit: string, rows: PlotRow[], order?: string[]) {
  // colour = company, the same in every chart; the row label names the entity, so no legend
  const shared = { color: { field: 'label', type: 'nominal' as const, title: 'Entity', legend: null, scale: entityColorScale(ctx, rows.map((r) => [r.label, r.entity] as const)) } };
  const origins = ORIGINS.filter((o) => rows.some((r) => r.origin === o));
  const tooltip = [{ field: 'origin', type: 'nominal' as const, title: 'number' }, ...factTooltip(valueTitle, unit)];
  const x = { type: 'quantitative' as const, title: xTitle, scale: { type: 'log' as const } };
  const layer: object[] = [];
  if (rows.some((r) => r.bound === 'interval')) {
    layer.push({
      transform: [{ filter: "datum.bound === 'interval'" }],
      mark: { type: 'rule' as const, strokeWidth: 3, opacity: 0.6 },
      encoding: {
        x: { ...x, field: 'lo' },
        x2: { field: 'hi' },
        ...shared,
        strokeDash: { field: 'origin', type: 'nominal' as const, title: 'Number', scale: { domain: [...ORIGINS], range: ORIGIN_DASH } },
        tooltip,
      },
    });
  }
  if (rows.some((r) => r.bound === 'interval' && r.value === null)) {
    // an interval without a point gets end ticks, so a narrow one stays visible
    for (const end of ['lo', 'hi']) {
      layer.push({
        transform: [{ filter: "datum.bound === 'interval' && datum.value === null" }],
        mark: { type: 'tick' as const, thickness: 2, size: 12 },
        encoding: { x: { ...x, field: end }, ...shared, tooltip },
      });
    }
  }
  for (const origin of origins) {
    // the same condition as the layer's filter: a layer without rows gives an empty extent
    if (!rows.some((r) => r.origin === origin && r.value !== null && (r.bound === 'exact' || r.bound === 'interval'))) continue;
    layer.push({
      transform: [{ filter: `datum.origin === '${origin}' && datum.value !== null && (datum.bound === 'exact' || datum.bound === 'interval')` }],
      // stated numbers filled, computed ones hollow
      mark: { type: 'point' as const, filled: origin === 'stated', size: 110, strokeWidth: 2 },
      encoding: {
        x: { ...x, field: 'value' },
        ...shared,
        shape: { field: 'bound', type: 'nominal' as const, title: 'Bound', scale: { domain: BOUNDS, range: BOUND_SHAPES } },
        tooltip,
      },
    });
  }
  if (rows.some((r) => r.bound === 'open above' || r.bound === 'open below')) {
    // a one-sided bound: a tick at the bound and a short arrow of fixed length to its open side
    const at = { ...x, field: 'bound_at' };
    layer.push({ transform: [{ filter: 'isValid(datum.bound_at)' }], mark: { type: 'tick' as const, thickness: 2, size: 14 }, encoding: { x: at, ...shared, tooltip } });
    layer.push(...arrowLayers(rows, at, { ...shared, tooltip }));
  }
  return {
    title,
    width: 500,
    data: { values: rows.map((r) => ({ ...r, bound_at: r.bound === 'open above' ? r.lo : r.bound === 'open below' ? r.hi : null })) },
    encoding: {
      y: { field: 'row', type: 'nominal' as const, title: null, sort: order ?? { field: 'value', op: 'max' as const, order: 'descending' as const } },
    },
    layer,
  };
}

export function valuationsSpec(ctx: ChartContext): TopLevelSpec {
  // the valuation a pending round is expected to bring (forecast) is not drawn as a valuation
  const { done: valuations, expected } = splitExpected(requireRows(
    selectFacts(ctx, { table: 'valuations', metric: [...VALUATION_METRICS] }).filter((f) => f.value !== null),
    'valuations', 'table valuations, metrics valuation / market_cap'));
  const multiples = requireRows(selectFacts(ctx, { table: 'multiples', metric: PS_METRIC }).filter((f) => f.value !== null),
    'valuations', `table multiples, metric ${PS_METRIC}`);
  const fx = new FxCollector(ctx, 'valuations', CURRENCY);
  const reach = (r: PlotRow) => Math.max(r.hi ?? 0, r.value ?? 0, r.lo ?? 0);
  const focus = (r: PlotRow) => r.entity === FOCUS;
  // one row per event (one company's valuation at one date), however many articles report it
  const valAll: PlotRow[] = distinctRows([...groupByEvent(valuations).values()].map((g) => {
    const r = eventRow(ctx, g, (f) => fx.factor(f) / 1e9);
    const f = g[0];
    return { ...r, origin: 'stated', row: `${r.label} (${f.basis ?? f.metric}, ${f.as_of ?? ''})`, note: f.note ?? '' };
  }));
  // bounded: the largest valuations, the focus company's always
  const valShown = topRows(valAll, reach, MAX_ROWS, focus);
  const valRows = valShown.kept;
  const psRows: PlotRow[] = [...groupByEvent(multiples).values()].map((g) => {
    const r = eventRow(ctx, g, () => 1);
    return { ...r, origin: 'stated', row: `${r.label} (stated P/S, ${g[0].as_of ?? ''})`, note: g[0].note ?? '' };
  });
  const derived = ctx.derived.filter((d) => d.metric in COMPUTED_MULTIPLES).sort((a, b) => (a.id < b.id ? -1 : 1));
  // a computed row needs at least one bound to be drawn (a formula undefined on its inputs has neither)
  const drawn = derived.filter((d) => d.low !== null || d.high !== null);
  const undrawn = derived.filter((d) => !drawn.includes(d));
  const psShown = topRows(distinctRows([...psRows, ...drawn.map((d) => derivedRow(ctx, d))]), reach, MAX_ROWS, focus);
  const computedRows = psShown.kept;
  const kindRank = (r: PlotRow) => (r.origin === 'stated' ? 0 : r.metric === PS_METRIC ? 1 : 2);
  // an entity's stated and computed multiples stay together: entities by their largest number, stated rows first
  const tops = new Map<string, number>();
  for (const r of computedRows) tops.set(r.label, Math.max(tops.get(r.label) ?? 0, reach(r)));
  const top = (label: string) => tops.get(label) as number;
  const psOrder = [...computedRows]
    .sort((a, b) => top(b.label) - top(a.label) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
      || kindRank(a) - kindRank(b) || reach(b) - reach(a) || (a.row < b.row ? -1 : 1))
    .map((r) => r.row);
  const factsById = byId(ctx.facts);
  const inputFacts = drawn.flatMap((d) => d.inputs).map((id) => factsById.get(id)).filter((f): f is Fact => f !== undefined);
  const anyIntervalOnly = computedRows.some((r) => r.origin === 'computed' && r.value === null);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    ...chartHeader(ctx, 'Valuations and P/S multiples: StepFun vs peers', [...valuations, ...multiples, ...inputFacts],
      'Circle = value, rule = range, arrow = one-sided; hollow = computed here', [
        'Rule = range (low to high), square at its midpoint; tick with a short dashed arrow = one-sided bound ("over" / "nearly"), pointing to the open side, its length fixed and carrying no value; circle = single value',
        ...(drawn.length ? ['Multiples: filled mark and solid rule = stated by the article; hollow mark and dashed rule = computed here (valuation / revenue; market cap / annualized revenue)'] : []),
        ...(anyIntervalOnly ? ['A computed multiple with an input stated only as a range (a valuation range, an order-of-magnitude revenue) is drawn as its interval, without a point'] : []),
        ...(undrawn.length ? [`Not drawn (no interval): ${undrawn.map((d) => d.id).join(', ')}`] : []),
        ...(valShown.more || psShown.more ? [`Drawn: the largest ${MAX_ROWS} rows of each panel (${entityLabel(ctx, FOCUS)} always); the others are in the report's tables`] : []),
        ...expectedNote(expected, 'valuations'),
        fx.note(),
      ]),
    config: CHART_CONFIG,
    resolve: { scale: { color: 'independent', shape: 'shared', strokeDash: 'shared' } },
    vconcat: [
      panel(ctx, `Valuation / market cap${moreNote(valShown, 'rows')}`, `Valuation (${CURRENCY} billion, log scale)`, `valuation (${CURRENCY} bn)`, `${CURRENCY} bn`, valRows),
      panel(ctx, `Price-to-sales: stated and computed${moreNote(psShown, 'rows')}`, 'Multiple (times revenue, log scale)', 'multiple (x)', 'x', computedRows, psOrder),
    ],
  } as TopLevelSpec;
}
