/**
 * Deployment numbers against targets, one panel per unit (devices, vehicles, users, ...):
 * bars are reported numbers, diamonds are targets or forecasts.
 */
import type { TopLevelSpec } from 'vega-lite';
import { selectFacts, type ChartContext } from './context';
import { CHART_CONFIG, chartTitle, factRow, factTooltip, requireRows } from './spec';

/** Qualifiers that mark a number as a goal rather than a reported figure. */
export const TARGET_QUALIFIERS = ['target', 'forecast'];
const KINDS = ['reported', 'target'];
const KIND_COLORS = ['#4c78a8', '#e45756'];

export function deploymentsSpec(ctx: ChartContext): TopLevelSpec {
  const facts = requireRows(selectFacts(ctx, { table: 'deployments' }).filter((f) => f.value !== null), 'deployments', 'table deployments');
  const rows = facts.map((f) => {
    const r = factRow(ctx, f);
    // the date keeps several reports of one metric on separate rows
    const when = f.period_start && f.period_end ? `${f.period_start.slice(0, 7)} to ${f.period_end.slice(0, 7)}` : f.as_of ?? '';
    return { ...r, row: `${r.label}: ${f.metric.replace(/_/g, ' ')} (${when})`, kind: TARGET_QUALIFIERS.includes(f.qualifier) ? 'target' : 'reported', unit: f.unit };
  });
  const units = [...new Set(rows.map((r) => r.unit))].sort();
  // one panel per unit, each with its own data and x scale; a layer is only added when it has rows
  const panels = units.map((unit) => {
    const mine = rows.filter((r) => r.unit === unit);
    const layer = [];
    if (mine.some((r) => r.kind === 'reported')) {
      layer.push({ transform: [{ filter: "datum.kind === 'reported'" }], mark: { type: 'bar' as const, opacity: 0.75 } });
    }
    if (mine.some((r) => r.kind === 'target')) {
      layer.push({ transform: [{ filter: "datum.kind === 'target'" }], mark: { type: 'point' as const, shape: 'diamond', filled: true, size: 140 } });
    }
    return {
      title: { text: `Unit: ${unit}`, fontSize: 12 },
      width: 420,
      data: { values: mine },
      encoding: {
        y: { field: 'row', type: 'nominal' as const, title: null, axis: { labelLimit: 520 } },
        // stack: null draws two facts on one row over each other, never added up
        x: { field: 'value', type: 'quantitative' as const, title: `Number (${unit})`, stack: null },
        color: { field: 'kind', type: 'nominal' as const, title: 'Kind', scale: { domain: KINDS, range: KIND_COLORS } },
        tooltip: [{ field: 'kind', type: 'nominal' as const, title: 'kind' }, { field: 'unit', type: 'nominal' as const, title: 'unit' }, ...factTooltip('value')],
      },
      layer,
    };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: chartTitle(ctx, 'Deployments: reported numbers vs targets', facts, ['Bar = reported; diamond = target or forecast; one panel per unit']),
    config: CHART_CONFIG,
    resolve: { scale: { color: 'shared' } },
    vconcat: panels,
  };
}
