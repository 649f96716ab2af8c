/** Audit findings counted by kind and status. */
import type { TopLevelSpec } from 'vega-lite';
import { FINDING_STATUSES } from '../audit/findings';
import { type ChartContext } from './context';
import { NEUTRAL, STATUS_COLORS } from './palette';
import { CHART_CONFIG, chartHeader } from './spec';

export function auditSummarySpec(ctx: ChartContext): TopLevelSpec {
  const findings = [...ctx.findings].sort((a, b) => (a.id < b.id ? -1 : 1));
  const sources = findings.flatMap((f) => f.sources.map((source) => ({ source })));
  const statuses = [...FINDING_STATUSES, ...new Set(findings.map((f) => f.status).filter((s) => !(FINDING_STATUSES as readonly string[]).includes(s)))];
  const header = chartHeader(ctx, 'Audit findings by kind and status', sources, `${findings.length} findings; bar length = number of findings of a kind, coloured by status`,
    ['Each finding is one check of the audit: a stated calculation recomputed, two reports of one number compared, or a plausibility rule.']);
  if (findings.length === 0) {
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      ...header,
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
    ...header,
    config: CHART_CONFIG,
    width: 480,
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'kind', type: 'nominal', title: 'Kind of check' },
      x: { aggregate: 'count', type: 'quantitative', title: 'Findings (count)', axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'status', type: 'nominal', title: 'Status', sort: statuses, scale: { domain: statuses, range: statuses.map((s) => STATUS_COLORS[s] ?? NEUTRAL) } },
      order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
      tooltip: [
        { field: 'kind', type: 'nominal', title: 'kind' },
        { field: 'status', type: 'nominal', title: 'status' },
        { aggregate: 'count', type: 'quantitative', title: 'findings' },
      ],
    },
  };
}
