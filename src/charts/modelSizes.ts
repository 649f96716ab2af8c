/** Total vs active parameters per model (mixture-of-experts models activate a fraction). */
import type { TopLevelSpec } from 'vega-lite';
import { selectFacts, type ChartContext } from './context';
import { CHART_CONFIG, chartTitle, factRow, factTooltip, requireRows } from './spec';

export const PARAMETER_METRICS = ['total_parameters', 'active_parameters'] as const;
const PARAMETER_LABEL: Record<string, string> = { total_parameters: 'total', active_parameters: 'active' };

export function modelSizesSpec(ctx: ChartContext): TopLevelSpec {
  const facts = requireRows(
    selectFacts(ctx, { table: 'model_specs', metric: [...PARAMETER_METRICS] }).filter((f) => f.value !== null && f.value > 0),
    'model-sizes', 'table model_specs, metrics total_parameters / active_parameters',
  );
  const rows = facts.map((f) => ({ ...factRow(ctx, f, 1e9), kind: PARAMETER_LABEL[f.metric] }));
  // models ordered by total size, largest first; models without a total go last
  const total = (label: string) => Math.max(0, ...rows.filter((r) => r.label === label && r.kind === 'total').map((r) => r.value ?? 0));
  const models = [...new Set(rows.map((r) => r.label))].sort((a, b) => total(b) - total(a) || (a < b ? -1 : 1));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: chartTitle(ctx, 'Model size: total vs active parameters', facts, ['Line joins the two counts of one model']),
    config: CHART_CONFIG,
    width: 480,
    data: { values: rows },
    encoding: {
      y: { field: 'label', type: 'nominal', title: 'Model', sort: models },
      x: { field: 'value', type: 'quantitative', title: 'Parameters (billions, log scale)', scale: { type: 'log' } },
    },
    layer: [
      { mark: { type: 'line', color: '#999' }, encoding: { detail: { field: 'label', type: 'nominal' } } },
      {
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          color: { field: 'kind', type: 'nominal', title: 'Parameters', sort: ['total', 'active'], scale: { domain: ['total', 'active'], range: ['#4c78a8', '#f58518'] } },
          shape: { field: 'kind', type: 'nominal', sort: ['total', 'active'], scale: { domain: ['total', 'active'], range: ['circle', 'diamond'] } },
          tooltip: [{ field: 'kind', type: 'nominal', title: 'parameters' }, ...factTooltip('parameters (billions)')],
        },
      },
    ],
  };
}
