/** Revenue against losses of the listed peers (Zhipu, MiniMax), per reporting period, in CNY. */
import type { TopLevelSpec } from 'vega-lite';
import { selectFacts, type ChartContext } from './context';
import { FxCollector } from './fx';
import { periodLabel } from './period';
import { CHART_CONFIG, chartTitle, factRow, factTooltip, requireRows } from './spec';

export const LISTED_PEERS = ['zhipu', 'minimax'] as const;
/** revenue and every loss metric (net_loss, adjusted_net_loss, ...) */
export const REVENUE_OR_LOSS = /^(revenue|.*loss)$/;
const CURRENCY = 'CNY';

export function listedPeersSpec(ctx: ChartContext): TopLevelSpec {
  const facts = requireRows(
    selectFacts(ctx, { table: 'financials', entity: [...LISTED_PEERS], metric: REVENUE_OR_LOSS }).filter((f) => f.value !== null),
    'listed-peers', `table financials, entities ${LISTED_PEERS.join('/')}, metrics revenue / *loss`);
  const fx = new FxCollector(ctx, 'listed-peers', CURRENCY);
  const rows = facts.map((f) => {
    return { ...factRow(ctx, f, 1e6, fx.factor(f)), period: periodLabel(f.period_start, f.period_end), period_start: f.period_start ?? '', measure: f.metric.replace(/_/g, ' ') };
  });
  const periods = [...new Map(rows.map((r) => [r.period, r.period_start])).entries()].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : 1)).map((p) => p[0]);
  const measures = [...new Set(rows.map((r) => r.measure))].sort((a, b) => (a === 'revenue' ? -1 : b === 'revenue' ? 1 : a < b ? -1 : 1));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: chartTitle(ctx, 'Listed peers: revenue vs losses', facts, ['Losses drawn as positive amounts', fx.note()]),
    config: CHART_CONFIG,
    data: { values: rows },
    facet: { column: { field: 'label', type: 'nominal', title: null, header: { labelFontSize: 13, labelFontWeight: 'bold' } } },
    spec: {
      width: 280,
      height: 240,
      mark: { type: 'bar', opacity: 0.85 },
      encoding: {
        x: { field: 'period', type: 'nominal', title: 'Period', sort: periods, axis: { labelAngle: 0 } },
        xOffset: { field: 'measure', type: 'nominal', sort: measures },
        // stack: null: two reports of one period overlap instead of adding up
        y: { field: 'value', type: 'quantitative', title: `Amount (${CURRENCY} million)`, stack: null },
        color: { field: 'measure', type: 'nominal', title: 'Measure', sort: measures, scale: { domain: measures, range: ['#4c78a8', '#e45756', '#f58518', '#b279a2', '#9d755d'].slice(0, Math.max(measures.length, 1)) } },
        tooltip: [{ field: 'period', type: 'nominal', title: 'period' }, { field: 'measure', type: 'nominal', title: 'measure' }, ...factTooltip(`amount (${CURRENCY} m)`)],
      },
    },
  };
}
