/** Audit findings counted by kind and status. */
import type { TopLevelSpec } from 'vega-lite';
import { FINDING_STATUSES } from '../audit/findings';
import { type ChartContext } from './context';
import { CHART_CONFIG, chartTitle } from './spec';

/** fail, warn, unverifiable, pass */
const STATUS_COLORS = ['#d62728', '#ff7f0e', '#9e9e9e', '#2ca02c'];

export function auditSummarySpec(ctx: ChartContext): TopLevelSpec {
  const findings = [...ctx.findings].sort((a, b) => (a.id < b.id ? -1 : 1));
  const sources = findings.flatMap((f) => f.sources.map((source) => ({ source })));
  const statuses = [...FINDING_STATUSES, ...new Set(findings.map((f) => f.status).filter((s) => !(FINDING_STATUSES as readonly string[]).includes(s)))];
  const title = chartTitle(ctx, 'Audit findings by kind and status', sources, [`${findings.length} findings`]);
  if (findings.length === 0) {
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title,
      config: CHART_CONFIG,
      width: 460,
      height: 60,
      data: { values: [{ text: 'No audit findings' }] },
      mark: { type: 'text', fontSize: 14 },
      encoding: { text: { field: 'text', type: 'nominal' } },
    };
  }
  const rows = findings.map((f) => ({ finding: f.id, kind: f.kind, status: f.status, rank: statuses.indexOf(f.status), message: f.message }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    config: CHART_CONFIG,
    width: 460,
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'kind', type: 'nominal', title: 'Kind of check' },
      x: { aggregate: 'count', type: 'quantitative', title: 'Findings (count)', axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'status', type: 'nominal', title: 'Status', sort: statuses, scale: { domain: statuses, range: statuses.map((s, i) => STATUS_COLORS[i] ?? '#17becf') } },
      order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
      tooltip: [
        { field: 'kind', type: 'nominal', title: 'kind' },
        { field: 'status', type: 'nominal', title: 'status' },
        { aggregate: 'count', type: 'quantitative', title: 'findings' },
      ],
    },
  };
}
