/**
 * Total vs active parameters per model (mixture-of-experts models activate a fraction).
 * A point whose fact is an input of a failing audit finding gets a red square around it and the
 * finding ids in its tooltip. A count whose scale word the audit doubts (scale-mismatch: 3890亿
 * and 3890B for one model) is still drawn but neither places its model in the order nor joins
 * the line between a model's counts, so a 3890B slip neither lifts its model to the top nor
 * reads as a range. Other failing findings (a wrong claim that uses the count) only flag it.
 * A count stated only as a bound (万亿参数 read as at least 1e12) is drawn at the bound with a
 * dashed arrow to its open side, as the funding chart draws a round stated with 超.
 */
import type { TopLevelSpec } from 'vega-lite';
import { factsInFindings, selectFacts, type ChartContext } from './context';
import { ARROW_FACTOR, CHART_CONFIG, chartTitle, factRow, factTooltip, requireRows, roundSig, type BoundKind } from './spec';

export const PARAMETER_METRICS = ['total_parameters', 'active_parameters'] as const;
const PARAMETER_LABEL: Record<string, string> = { total_parameters: 'total', active_parameters: 'active' };
export const AUDIT_FLAG = 'flagged by audit';
/** audit rules whose failure puts the value of a count itself in doubt */
export const DOUBTED_BY_RULES = ['scale-mismatch'];
const FLAG_COLOR = '#d62728';
/** legend label of a count stated only on one side, and the arrowhead drawn on its open side */
export const OPEN_BOUNDS: Partial<Record<BoundKind, { label: string; shape: string }>> = {
  'open above': { label: 'lower bound only (at least)', shape: 'triangle-right' },
  'open below': { label: 'upper bound only (at most)', shape: 'triangle-left' },
};
const OPEN_DASH = [4, 3];

interface SizeRow { label: string; kind: string; value: number | null; doubted: boolean }

/**
 * Models ordered by total size, largest first: the largest total whose scale the audit does not
 * doubt, else (every total doubted) the smallest total; models without a total go last.
 */
export function modelOrder(rows: SizeRow[]): string[] {
  const key = (label: string): number => {
    const totals = rows.filter((r) => r.label === label && r.kind === 'total' && r.value !== null);
    const clean = totals.filter((r) => !r.doubted).map((r) => r.value as number);
    if (clean.length) return Math.max(...clean);
    return totals.length ? Math.min(...totals.map((r) => r.value as number)) : 0;
  };
  return [...new Set(rows.map((r) => r.label))].sort((a, b) => key(b) - key(a) || (a < b ? -1 : 1));
}

export function modelSizesSpec(ctx: ChartContext): TopLevelSpec {
  const facts = requireRows(
    selectFacts(ctx, { table: 'model_specs', metric: [...PARAMETER_METRICS] }).filter((f) => f.value !== null && f.value > 0),
    'model-sizes', 'table model_specs, metrics total_parameters / active_parameters',
  );
  const flagged = factsInFindings(ctx, facts.map((f) => f.id));
  const doubted = factsInFindings(ctx, facts.map((f) => f.id), { status: 'fail', rule: DOUBTED_BY_RULES });
  const rows = facts.map((f) => {
    const hits = flagged.get(f.id);
    const r = factRow(ctx, f, 1e9);
    const open = OPEN_BOUNDS[r.bound];
    // the arrow of a one-sided count runs from the stated bound a fixed factor towards the open side
    const arrowTo = open && r.value !== null ? roundSig(r.bound === 'open above' ? r.value * ARROW_FACTOR : r.value / ARROW_FACTOR) : null;
    return {
      ...r, kind: PARAMETER_LABEL[f.metric],
      open_bound: open ? open.label : null,
      arrow_to: arrowTo,
      flag: hits ? AUDIT_FLAG : null,
      doubted: doubted.has(f.id),
      audit: hits ? `${AUDIT_FLAG} (fail): ${hits.join('; ')}` : 'no failing finding',
    };
  });
  const models = modelOrder(rows);
  const openKinds = (Object.keys(OPEN_BOUNDS) as BoundKind[]).filter((b) => rows.some((r) => r.bound === b && r.arrow_to !== null));
  const color = { field: 'kind', type: 'nominal' as const, title: 'Parameters', sort: ['total', 'active'], scale: { domain: ['total', 'active'], range: ['#4c78a8', '#f58518'] } };
  const tooltip = [{ field: 'kind', type: 'nominal' as const, title: 'parameters' }, ...factTooltip('parameters (billions)', 'billions'), { field: 'audit', type: 'nominal' as const, title: 'audit' }];
  const openLabels = openKinds.map((b) => OPEN_BOUNDS[b]!.label);
  const arrows = openKinds.length ? [
    {
      transform: [{ filter: 'isValid(datum.arrow_to)' }],
      mark: { type: 'rule' as const, strokeWidth: 2 },
      encoding: {
        x2: { field: 'arrow_to' }, color, tooltip,
        strokeDash: { field: 'open_bound', type: 'nominal' as const, title: 'Bound', scale: { domain: openLabels, range: openLabels.map(() => OPEN_DASH) } },
      },
    },
    ...openKinds.map((b) => ({
      transform: [{ filter: `datum.bound === '${b}' && isValid(datum.arrow_to)` }],
      mark: { type: 'point' as const, shape: OPEN_BOUNDS[b]!.shape, filled: true, size: 60 },
      encoding: { x: { field: 'arrow_to', type: 'quantitative' as const }, color, tooltip },
    })),
  ] : [];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: chartTitle(ctx, 'Model size: total vs active parameters', facts, [
      'Line joins the counts of one model; models ordered by their largest total',
      ...(flagged.size ? [`Red square = fact used by a failing audit finding (${flagged.size} of ${facts.length} points; finding ids in the tooltip)`] : []),
      ...(openKinds.includes('open above') ? ['Dashed arrow to the right = count stated only as a lower bound (a size class such as "trillion-parameter", read as at least): drawn at the bound'] : []),
      ...(openKinds.includes('open below') ? ['Dashed arrow to the left = count stated only as an upper bound (read as at most): drawn at the bound'] : []),
      ...(doubted.size ? [`A count whose scale word the audit doubts (${[...doubted.keys()].join(', ')}) is neither joined by the line nor used for the order`] : []),
    ]),
    config: CHART_CONFIG,
    width: 480,
    data: { values: rows },
    encoding: {
      y: { field: 'label', type: 'nominal', title: 'Model', sort: models },
      x: { field: 'value', type: 'quantitative', title: 'Parameters (billions, log scale)', scale: { type: 'log' } },
    },
    layer: [
      { transform: [{ filter: '!datum.doubted' }], mark: { type: 'line', color: '#999' }, encoding: { detail: { field: 'label', type: 'nominal' } } },
      ...arrows,
      {
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          color,
          shape: { field: 'kind', type: 'nominal', sort: ['total', 'active'], scale: { domain: ['total', 'active'], range: ['circle', 'diamond'] } },
          tooltip,
        },
      },
      // drawn only when some point is flagged, so the legend never lists an unused entry
      ...(flagged.size ? [{
        transform: [{ filter: 'datum.flag !== null' }],
        mark: { type: 'point' as const, shape: 'square', filled: false, size: 260, strokeWidth: 2 },
        encoding: {
          stroke: { field: 'flag', type: 'nominal' as const, title: 'Audit', scale: { domain: [AUDIT_FLAG], range: [FLAG_COLOR] } },
          tooltip,
        },
      }] : []),
    ],
  };
}
