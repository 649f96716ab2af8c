/**
 * Valuations (USD, log scale) and price-to-sales multiples of StepFun and its peers.
 * Ranges are drawn as a rule from low to high; a bound stated only on one side ("over")
 * is drawn as a triangle pointing to the open side.
 */
import type { TopLevelSpec } from 'vega-lite';
import { selectFacts, type ChartContext } from './context';
import { FxCollector } from './fx';
import { CHART_CONFIG, chartTitle, factRow, factTooltip, requireRows, type BoundKind } from './spec';

export const VALUATION_METRICS = ['valuation', 'market_cap'] as const;
export const PS_METRIC = 'ps_ratio';
const CURRENCY = 'USD';
const BOUNDS: BoundKind[] = ['exact', 'interval', 'open above', 'open below'];
const BOUND_SHAPES = ['circle', 'square', 'triangle-right', 'triangle-left'];

function panel(title: string, xTitle: string, log: boolean, valueTitle: string) {
  return {
    title,
    width: 460,
    encoding: {
      y: { field: 'row', type: 'nominal' as const, title: null, sort: { field: 'hi', op: 'max' as const, order: 'descending' as const } },
    },
    layer: [
      {
        mark: { type: 'rule' as const, strokeWidth: 3, opacity: 0.6 },
        encoding: {
          x: { field: 'lo', type: 'quantitative' as const, title: xTitle, scale: log ? { type: 'log' as const } : { zero: true } },
          x2: { field: 'hi' },
          color: { field: 'label', type: 'nominal' as const, title: 'Entity' },
        },
      },
      {
        mark: { type: 'point' as const, filled: true, size: 110 },
        encoding: {
          x: { field: 'value', type: 'quantitative' as const },
          color: { field: 'label', type: 'nominal' as const, title: 'Entity' },
          shape: { field: 'bound', type: 'nominal' as const, title: 'Bound', scale: { domain: BOUNDS, range: BOUND_SHAPES } },
          tooltip: [...factTooltip(valueTitle), { field: 'lo', type: 'quantitative' as const, title: 'low', format: ',.4~g' }, { field: 'hi', type: 'quantitative' as const, title: 'high', format: ',.4~g' }],
        },
      },
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
    return { ...r, row: `${r.label} (${f.basis ?? f.metric}, ${f.as_of ?? ''})` };
  });
  const psRows = multiples.map((f) => {
    const r = factRow(ctx, f);
    return { ...r, row: `${r.label} (${f.as_of ?? ''})` };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: chartTitle(ctx, 'Valuations and P/S multiples: StepFun vs peers', [...valuations, ...multiples], [
      'Rule = stated range (low to high); triangle = one-sided bound ("over"/"under"); circle = single value', fx.note(),
    ]),
    config: CHART_CONFIG,
    resolve: { scale: { color: 'shared', shape: 'shared' } },
    vconcat: [
      { ...panel('Valuation / market cap', `Valuation (${CURRENCY} billion, log scale)`, true, `valuation (${CURRENCY} bn)`), data: { values: valRows } },
      { ...panel('Price-to-sales multiple', 'P/S (times revenue)', false, 'P/S (x)'), data: { values: psRows } },
    ],
  };
}
