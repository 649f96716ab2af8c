/**
 * Revenue against losses of the listed peers (Zhipu, MiniMax), per reporting period, in CNY.
 * One panel per company, each with its own periods (MiniMax reports 9M, Zhipu H1), ordered by
 * period end. One bar per period and measure: the reports of the same number by several
 * articles are one bar with every report in the tooltip (reports that differ draw the bar to
 * the smallest and a rule up to the largest). A figure used by an audit conflict (fail or
 * warn) or by any failing finding is outlined in red, the findings named in the tooltip: a
 * loss printed for two different periods shows up in both.
 */
import type { TopLevelSpec } from 'vega-lite';
import { groupByEvent } from '../data/events';
import { entityLabel, factsInFindings, selectFacts, type ChartContext } from './context';
import { FxCollector } from './fx';
import { periodLabel } from './period';
import { ALERT, CATEGORICAL } from './palette';
import { hull, hullText, reportFields, scaledBounds, statedText } from './reports';
import { boundText, CHART_CONFIG, chartHeader, factTooltip, requireRows } from './spec';

export const LISTED_PEERS = ['zhipu', 'minimax'] as const;
/** revenue and every loss metric (net_loss, adjusted_net_loss, ...) */
export const REVENUE_OR_LOSS = /^(revenue|.*loss)$/;
const CURRENCY = 'CNY';
export const AUDIT_FLAG = 'audit conflict or failure';
const FLAG_COLOR = ALERT;
/** measures (revenue, net loss, ...) take the categorical colours after the first two, which the companies use most */
const MEASURE_COLORS = [CATEGORICAL[3], CATEGORICAL[2], CATEGORICAL[6], CATEGORICAL[8], CATEGORICAL[9]];
/** reporting periods drawn per company at most: the latest */
export const MAX_PERIODS = 6;

/** Findings that mark a figure: conflicts that fail or warn, and any failing finding. */
function auditHits(ctx: ChartContext, ids: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (m: Map<string, string[]>) => {
    for (const [id, hits] of m) out.set(id, [...new Set([...(out.get(id) ?? []), ...hits])].sort());
  };
  add(factsInFindings(ctx, ids, { status: ['fail', 'warn'], kind: 'conflict' }));
  add(factsInFindings(ctx, ids, 'fail'));
  return out;
}

export function listedPeersSpec(ctx: ChartContext): TopLevelSpec {
  const facts = requireRows(
    selectFacts(ctx, { table: 'financials', entity: [...LISTED_PEERS], metric: REVENUE_OR_LOSS }).filter((f) => f.value !== null),
    'listed-peers', `table financials, entities ${LISTED_PEERS.join('/')}, metrics revenue / *loss`);
  const fx = new FxCollector(ctx, 'listed-peers', CURRENCY);
  const hits = auditHits(ctx, facts.map((f) => f.id));
  const findingText = (id: string) => {
    const f = ctx.findings.find((x) => x.id === id);
    return f ? `${f.kind} ${f.status}: ${f.id}: ${f.message}` : id;
  };
  // one bar per event (one period's figure of one company), however many articles report it
  const groups = [...groupByEvent(facts).values()];
  const allRows = groups.map((g) => {
    const first = g[0];
    const h = hull(scaledBounds(g, (f) => fx.factor(f) / 1e6));
    const used = [...new Set(g.flatMap((f) => hits.get(f.id) ?? []))].sort();
    return {
      entity: first.entity,
      label: entityLabel(ctx, first.entity),
      metric: first.metric,
      period: periodLabel(first.period_start, first.period_end),
      period_end: first.period_end ?? first.as_of ?? '',
      period_start: first.period_start ?? '',
      measure: first.metric.replace(/_/g, ' '),
      // the bar reaches the smallest amount reported; a rule marks how far the reports spread above it
      value: h.lo ?? h.hi,
      lo: h.lo,
      hi: h.hi,
      bound: h.bound,
      value_text: hullText(h),
      low_text: boundText(h.lo),
      high_text: boundText(h.hi),
      stated: statedText(g),
      flag: used.length ? AUDIT_FLAG : null,
      audit: used.length ? used.map(findingText).join(' || ') : 'no conflict or failing finding',
      ...reportFields(ctx, g),
    };
  });
  // bounded: each company's latest MAX_PERIODS periods
  const latest = new Map<string, Set<string>>();
  for (const label of new Set(allRows.map((r) => r.label))) {
    const ends = [...new Map(allRows.filter((r) => r.label === label).map((r) => [r.period, r.period_end])).entries()]
      .sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0)).slice(0, MAX_PERIODS).map(([p]) => p);
    latest.set(label, new Set(ends));
  }
  const rows = allRows.filter((r) => (latest.get(r.label) as Set<string>).has(r.period));
  const periods = [...new Map(rows.map((r) => [r.period, r])).values()]
    .sort((a, b) => (a.period_end < b.period_end ? -1 : a.period_end > b.period_end ? 1 : a.period_start < b.period_start ? -1 : a.period_start > b.period_start ? 1 : 0))
    .map((r) => r.period);
  const measures = [...new Set(rows.map((r) => r.measure))].sort((a, b) => (a === 'revenue' ? -1 : b === 'revenue' ? 1 : a < b ? -1 : 1));
  const flagged = rows.filter((r) => r.flag !== null).length;
  const x = { field: 'period', type: 'nominal' as const, title: 'Period', sort: periods, axis: { labelAngle: 0 } };
  const xOffset = { field: 'measure', type: 'nominal' as const, sort: measures };
  const y = { field: 'value', type: 'quantitative' as const, title: `Amount (${CURRENCY} million)` };
  const tooltip = [
    { field: 'period', type: 'nominal' as const, title: 'period' },
    { field: 'measure', type: 'nominal' as const, title: 'measure' },
    ...factTooltip(`amount (${CURRENCY} m)`, `${CURRENCY} m`).map((t) => (t.field === 'fact_id' ? { ...t, title: 'facts' } : t.field === 'quantity' ? { ...t, title: 'reports as written' } : t)),
    { field: 'audit', type: 'nominal' as const, title: 'audit' },
  ];
  const layer: object[] = [
    {
      mark: { type: 'bar', opacity: 0.85 },
      encoding: {
        color: { field: 'measure', type: 'nominal', title: 'Measure', sort: measures, scale: { domain: measures, range: MEASURE_COLORS.slice(0, Math.max(measures.length, 1)) } },
        tooltip,
      },
    },
  ];
  if (rows.some((r) => r.bound === 'interval')) {
    layer.push({
      transform: [{ filter: "datum.bound === 'interval'" }],
      mark: { type: 'rule', strokeWidth: 2 },
      encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' }, tooltip },
    });
  }
  if (flagged) {
    // drawn only when some bar is flagged, so the legend never lists an unused entry
    layer.push({
      transform: [{ filter: 'datum.flag !== null' }],
      mark: { type: 'bar', filled: false, strokeWidth: 2, strokeDash: [4, 2] },
      encoding: {
        stroke: { field: 'flag', type: 'nominal', title: 'Audit', scale: { domain: [AUDIT_FLAG], range: [FLAG_COLOR] } },
        tooltip,
      },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    ...chartHeader(ctx, 'Listed peers: revenue vs losses', facts, 'Losses drawn as positive amounts; each company with its own reporting periods', [
      'Periods ordered by period end',
      ...(rows.length < allRows.length ? [`Drawn: each company's latest ${MAX_PERIODS} periods; ${allRows.length - rows.length} more figures are in the report's facts table`] : []),
      'One bar per period and measure; the articles reporting it are listed in the tooltip',
      ...(flagged ? [`Red dashed outline = figure used by an audit conflict (fail or warn) or a failing check (${flagged} of ${rows.length} bars; findings in the tooltip)`] : []),
      fx.note(),
    ]),
    config: CHART_CONFIG,
    data: { values: rows },
    facet: { column: { field: 'label', type: 'nominal', title: null, header: { labelFontSize: 13, labelFontWeight: 'bold' } } },
    resolve: { scale: { x: 'independent', xOffset: 'independent' } },
    spec: {
      width: 280,
      height: 240,
      encoding: { x, xOffset, y },
      layer,
    },
  } as TopLevelSpec;
}

