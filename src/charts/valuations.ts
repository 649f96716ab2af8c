/**
 * Valuations (USD, log scale) and price-to-sales multiples of StepFun and its peers.
 * Ranges are drawn as a rule from low to high; a bound stated only on one side ("over")
 * is drawn as a triangle pointing to the open side. Next to the stated multiples, the P/S
 * intervals the metrics compute from valuation / revenue (derived ps_ratio rows) are drawn
 * hollow with a dashed rule, so a stated 约25倍 reads against the [20, 30] it stands for.
 */
import type { TopLevelSpec } from 'vega-lite';
import { entityLabel, selectFacts, type ChartContext, type ChartDerived } from './context';
import { FxCollector } from './fx';
import { boundKind, CHART_CONFIG, chartTitle, factRow, factTooltip, requireRows, roundSig, type BoundKind, type FactRow } from './spec';

export const VALUATION_METRICS = ['valuation', 'market_cap'] as const;
export const PS_METRIC = 'ps_ratio';
const CURRENCY = 'USD';
const BOUNDS: BoundKind[] = ['exact', 'interval', 'open above', 'open below'];
const BOUND_SHAPES = ['circle', 'square', 'triangle-right', 'triangle-left'];
/** stated by an article, or computed by the metrics from other facts */
export const ORIGINS = ['stated', 'computed'] as const;
const ORIGIN_DASH = [[1, 0], [5, 3]];

/** Plot row of a derived multiple, with the fields of a fact row (the formula and inputs in place of the source). */
function derivedRow(ctx: ChartContext, d: ChartDerived): FactRow {
  const lo = d.low ?? d.value;
  const hi = d.high ?? d.value;
  return {
    fact_id: d.id,
    entity: d.entity,
    label: entityLabel(ctx, d.entity),
    metric: d.metric,
    value: d.value === null ? null : roundSig(d.value),
    lo: lo === null ? null : roundSig(lo),
    hi: hi === null ? null : roundSig(hi),
    bound: boundKind({ value: d.value, low: d.low, high: d.high, qualifier: 'exact' }),
    quantity: d.note ?? d.formula,
    qualifier: 'computed',
    source: `computed: ${d.formula}`,
    evidence: d.inputs.join(', '),
  };
}

/** `origins`: the kinds of number the panel has (a layer without rows would give an empty extent). */
function panel(title: string, xTitle: string, log: boolean, valueTitle: string, origins: readonly string[], order?: string[]) {
  return {
    title,
    width: 460,
    encoding: {
      y: { field: 'row', type: 'nominal' as const, title: null, sort: order ?? { field: 'hi', op: 'max' as const, order: 'descending' as const }, axis: { labelLimit: 520 } },
    },
    layer: [
      {
        mark: { type: 'rule' as const, strokeWidth: 3, opacity: 0.6 },
        encoding: {
          x: { field: 'lo', type: 'quantitative' as const, title: xTitle, scale: log ? { type: 'log' as const } : { zero: true } },
          x2: { field: 'hi' },
          color: { field: 'label', type: 'nominal' as const, title: 'Entity' },
          strokeDash: { field: 'origin', type: 'nominal' as const, title: 'Number', scale: { domain: [...ORIGINS], range: ORIGIN_DASH } },
        },
      },
      ...ORIGINS.filter((o) => origins.includes(o)).map((origin) => ({
        transform: [{ filter: `datum.origin === '${origin}'` }],
        // stated numbers filled, computed ones hollow
        mark: { type: 'point' as const, filled: origin === 'stated', size: 110, strokeWidth: 2 },
        encoding: {
          x: { field: 'value', type: 'quantitative' as const },
          color: { field: 'label', type: 'nominal' as const, title: 'Entity' },
          shape: { field: 'bound', type: 'nominal' as const, title: 'Bound', scale: { domain: BOUNDS, range: BOUND_SHAPES } },
          tooltip: [
            { field: 'origin', type: 'nominal' as const, title: 'number' },
            ...factTooltip(valueTitle),
            { field: 'lo', type: 'quantitative' as const, title: 'low', format: ',.4~g' },
            { field: 'hi', type: 'quantitative' as const, title: 'high', format: ',.4~g' },
          ],
        },
      })),
    ],
  };
}

export function valuationsSpec(ctx: ChartContext): TopLevelSpec {
  const valuations = requireRows(selectFacts(ctx, { table: 'valuations', metric: [...VALUATION_METRICS] }).filter((f) => f.value !== null),
    'valuations', 'table valuations, metrics valuation / market_cap');
  const multiples = requireRows(selectFacts(ctx, { table: 'multiples', metric: PS_METRIC }).filter((f) => f.value !== null),
    'valuations', `table multiples, metric ${PS_METRIC}`);
  const fx = new FxCollector(ctx, 'valuations', CURRENCY);
  const valRows = valuations.map((f) => {
    const r = factRow(ctx, f, 1e9, fx.factor(f));
    return { ...r, origin: 'stated', row: `${r.label} (${f.basis ?? f.metric}, ${f.as_of ?? ''})` };
  });
  const psRows = multiples.map((f) => {
    const r = factRow(ctx, f);
    return { ...r, origin: 'stated', row: `${r.label} (stated, ${f.as_of ?? ''})` };
  });
  const computed = ctx.derived.filter((d) => d.metric === PS_METRIC && d.value !== null).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const d of computed) {
    psRows.push({ ...derivedRow(ctx, d), origin: 'computed', row: `${entityLabel(ctx, d.entity)} (computed, ${d.inputs.at(-1) ?? d.id})` });
  }
  // an entity's stated and computed multiples stay together: entities by their largest bound, stated rows first
  const top = (label: string) => Math.max(...psRows.filter((r) => r.label === label).map((r) => r.hi ?? r.value ?? 0));
  const psOrder = [...psRows]
    .sort((a, b) => top(b.label) - top(a.label) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
      || ORIGINS.indexOf(a.origin as never) - ORIGINS.indexOf(b.origin as never) || (a.hi ?? 0) - (b.hi ?? 0) || (a.row < b.row ? -1 : 1))
    .map((r) => r.row);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: chartTitle(ctx, 'Valuations and P/S multiples: StepFun vs peers', [...valuations, ...multiples], [
      'Rule = range (low to high); triangle = one-sided bound ("over"/"under"); circle = single value',
      ...(computed.length ? ['P/S: filled mark and solid rule = stated by the article; hollow mark and dashed rule = computed here from valuation / revenue'] : []),
      fx.note(),
    ]),
    config: CHART_CONFIG,
    resolve: { scale: { color: 'shared', shape: 'shared', strokeDash: 'shared' } },
    vconcat: [
      { ...panel('Valuation / market cap', `Valuation (${CURRENCY} billion, log scale)`, true, `valuation (${CURRENCY} bn)`, ['stated']), data: { values: valRows } },
      { ...panel('Price-to-sales multiple', 'P/S (times revenue, log scale)', true, 'P/S (x)', psRows.map((r) => r.origin), psOrder), data: { values: psRows } },
    ],
  };
}
