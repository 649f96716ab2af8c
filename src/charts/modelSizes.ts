/**
 * Total vs active parameters per model (mixture-of-experts models activate a fraction).
 * A point whose fact is an input of a failing audit finding (e.g. two total-parameter counts
 * a factor of 10 apart) gets a red square around it and the finding ids in its tooltip.
 */
import type { TopLevelSpec } from 'vega-lite';
import { factsInFindings, selectFacts, type ChartContext } from './context';
import { CHART_CONFIG, chartTitle, factRow, factTooltip, requireRows } from './spec';

export const PARAMETER_METRICS = ['total_parameters', 'active_parameters'] as const;
const PARAMETER_LABEL: Record<string, string> = { total_parameters: 'total', active_parameters: 'active' };
export const AUDIT_FLAG = 'flagged by audit';
const FLAG_COLOR = '#d62728';

export function modelSizesSpec(ctx: ChartContext): TopLevelSpec {
  const facts = requireRows(
    selectFacts(ctx, { table: 'model_specs', metric: [...PARAMETER_METRICS] }).filter((f) => f.value !== null && f.value > 0),
    'model-sizes', 'table model_specs, metrics total_parameters / active_parameters',
  );
  const flagged = factsInFindings(ctx, facts.map((f) => f.id));
  const rows = facts.map((f) => {
    const hits = flagged.get(f.id);
    return {
      ...factRow(ctx, f, 1e9), kind: PARAMETER_LABEL[f.metric],
      flag: hits ? AUDIT_FLAG : null,
      audit: hits ? `${AUDIT_FLAG} (fail): ${hits.join('; ')}` : 'no failing finding',
    };
  });
  // models ordered by total size, largest first; models without a total go last
  const total = (label: string) => Math.max(0, ...rows.filter((r) => r.label === label && r.kind === 'total').map((r) => r.value ?? 0));
  const models = [...new Set(rows.map((r) => r.label))].sort((a, b) => total(b) - total(a) || (a < b ? -1 : 1));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: chartTitle(ctx, 'Model size: total vs active parameters', facts, [
      'Line joins the counts of one model',
      ...(flagged.size ? [`Red square = fact used by a failing audit finding (${flagged.size} of ${facts.length} points; finding ids in the tooltip)`] : []),
    ]),
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
          tooltip: [{ field: 'kind', type: 'nominal', title: 'parameters' }, ...factTooltip('parameters (billions)'), { field: 'audit', type: 'nominal', title: 'audit' }],
        },
      },
      // drawn only when some point is flagged, so the legend never lists an unused entry
      ...(flagged.size ? [{
        transform: [{ filter: 'datum.flag !== null' }],
        mark: { type: 'point' as const, shape: 'square', filled: false, size: 260, strokeWidth: 2 },
        encoding: {
          stroke: { field: 'flag', type: 'nominal' as const, title: 'Audit', scale: { domain: [AUDIT_FLAG], range: [FLAG_COLOR] } },
          tooltip: [{ field: 'kind', type: 'nominal' as const, title: 'parameters' }, ...factTooltip('parameters (billions)'), { field: 'audit', type: 'nominal' as const, title: 'audit' }],
        },
      }] : []),
    ],
  };
}
