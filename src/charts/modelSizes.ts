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
import { groupBy } from '../data/group';
import { MAX_ROWS, moreNote, topRows } from './bound';
import { eventOf } from '../data/events';
import type { Fact } from '../types';
import { factsInFindings, selectFacts, type ChartContext } from './context';
import { reportFields } from './reports';
import { ALERT, PAIR } from './palette';
import { arrowLayers, CHART_CONFIG, chartHeader, factRow, factTooltip, requireRows, type BoundKind } from './spec';

export const PARAMETER_METRICS = ['total_parameters', 'active_parameters'] as const;
const PARAMETER_LABEL: Record<string, string> = { total_parameters: 'total', active_parameters: 'active' };
export const AUDIT_FLAG = 'flagged by audit';
/** audit rules whose failure puts the value of a count itself in doubt */
export const DOUBTED_BY_RULES = ['scale-mismatch'];
/** legend text of a count stated only on one side */
export const OPEN_BOUNDS: Partial<Record<BoundKind, { label: string }>> = {
  'open above': { label: 'lower bound only (at least)' },
  'open below': { label: 'upper bound only (at most)' },
};

/** different numbers drawn per model and kind (total / active) at most */
export const MAX_COUNTS = 3;

interface SizeRow { label: string; kind: string; value: number | null; doubted: boolean }

/**
 * Sort key of every model in one pass over the rows: the largest total whose scale the audit
 * does not doubt, else (every total doubted) the smallest total; 0 without a total.
 */
function modelKeys(rows: readonly SizeRow[]): Map<string, number> {
  const clean = new Map<string, number>();
  const doubtedMin = new Map<string, number>();
  const keys = new Map<string, number>();
  for (const r of rows) {
    if (!keys.has(r.label)) keys.set(r.label, 0);
    if (r.kind !== 'total' || r.value === null) continue;
    if (!r.doubted) clean.set(r.label, Math.max(clean.get(r.label) ?? -Infinity, r.value));
    else doubtedMin.set(r.label, Math.min(doubtedMin.get(r.label) ?? Infinity, r.value));
  }
  for (const label of keys.keys()) keys.set(label, clean.get(label) ?? doubtedMin.get(label) ?? 0);
  return keys;
}

/**
 * Models ordered by total size, largest first: the largest total whose scale the audit does not
 * doubt, else (every total doubted) the smallest total; models without a total go last. Linear
 * in the rows plus one sort of the models.
 */
export function modelOrder(rows: SizeRow[]): string[] {
  const keys = modelKeys(rows);
  return [...keys.keys()].sort((a, b) => (keys.get(b) as number) - (keys.get(a) as number) || (a < b ? -1 : 1));
}

/**
 * Whether a count is on the line joining its model's counts: every count the audit does not
 * doubt, and of a model whose totals are all doubted (3890亿 and 3890B for Hunyuan-Large) the
 * smallest total, the one the order uses, so its active count is still joined to a total.
 */
function joinedRows<R extends SizeRow>(rows: R[]): (R & { joined: boolean })[] {
  const keys = modelKeys(rows);
  const hasClean = new Set(rows.filter((r) => r.kind === 'total' && !r.doubted).map((r) => r.label));
  const taken = new Set<string>();
  return rows.map((r) => {
    let joined = !r.doubted;
    if (r.doubted && r.kind === 'total' && !hasClean.has(r.label) && r.value === keys.get(r.label) && !taken.has(r.label)) {
      joined = true;
      taken.add(r.label);
    }
    return { ...r, joined };
  });
}

export function modelSizesSpec(ctx: ChartContext): TopLevelSpec {
  const facts = requireRows(
    selectFacts(ctx, { table: 'model_specs', metric: [...PARAMETER_METRICS] }).filter((f) => f.value !== null && f.value > 0),
    'model-sizes', 'table model_specs, metrics total_parameters / active_parameters',
  );
  const flagged = factsInFindings(ctx, facts.map((f) => f.id));
  const doubted = factsInFindings(ctx, facts.map((f) => f.id), { status: 'fail', rule: DOUBTED_BY_RULES });
  // reports of one count that state the same number are one mark, listed in the tooltip; a model
  // keeps at most MAX_COUNTS different numbers per kind (the rest are in the facts table)
  const same = groupBy(facts, (f) => `${eventOf(f)}|${f.value}|${f.qualifier}`);
  const perKind = new Map<string, number>();
  const groups = [...same.values()].filter((g) => {
    const k = `${g[0].entity}|${g[0].metric}`;
    perKind.set(k, (perKind.get(k) ?? 0) + 1);
    return (perKind.get(k) as number) <= MAX_COUNTS;
  });
  const allRows = joinedRows(groups.map((g) => {
    const f = g[0];
    const hits = [...new Set(g.flatMap((x) => flagged.get(x.id) ?? []))].sort();
    const r = { ...factRow(ctx, f, 1e9), ...(g.length > 1 ? reportFields(ctx, g) : {}) };
    const open = OPEN_BOUNDS[r.bound];
    return {
      ...r, kind: PARAMETER_LABEL[f.metric],
      open_bound: open ? open.label : null,
      flag: hits.length ? AUDIT_FLAG : null,
      doubted: g.some((x) => doubted.has(x.id)),
      audit: hits.length ? `${AUDIT_FLAG} (fail): ${hits.join('; ')}` : 'no failing finding',
    };
  }));
  // bounded: the largest models (by the order's key), every count of each
  const keys = modelKeys(allRows);
  const shown = topRows([...keys.keys()], (m) => keys.get(m) as number, MAX_ROWS + 5);
  const keep = new Set(shown.kept);
  const rows = allRows.filter((r) => keep.has(r.label));
  const models = modelOrder(rows);
  const color = { field: 'kind', type: 'nominal' as const, title: 'Parameters', sort: ['total', 'active'], scale: { domain: ['total', 'active'], range: [...PAIR] } };
  const tooltip = [{ field: 'kind', type: 'nominal' as const, title: 'parameters' }, ...factTooltip('parameters (billions)', 'billions'), { field: 'audit', type: 'nominal' as const, title: 'audit' }];
  const openKinds = (Object.keys(OPEN_BOUNDS) as BoundKind[]).filter((b) => rows.some((r) => r.bound === b));
  const flaggedShown = rows.filter((r) => r.flag !== null).length;
  const doubtedIds = [...doubted.keys()].filter((id) => rows.some((r) => r.fact_id === id));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    ...chartHeader(ctx, 'Model size: total vs active parameters', facts, `Line joins a model's counts; largest total first${moreNote(shown, 'models')}`, [
      'Circle = total parameters, diamond = active parameters (mixture-of-experts models activate a fraction); log scale',
      ...(flaggedShown ? [`Red square = fact used by a failing audit finding (${flaggedShown} of ${rows.length} points; finding ids in the tooltip)`] : []),
      ...(openKinds.length ? ['A count stated only as a bound (a size class such as "trillion-parameter", read as at least) is drawn at the bound with a short dashed arrow towards its open side; the arrow\'s length is fixed and carries no value'] : []),
      ...(doubtedIds.length ? [`A count whose scale word the audit doubts (${doubtedIds.join(', ')}) is drawn but not used for the order; of a model whose totals are all doubted, the smallest is joined to its active count`] : []),
      ...(shown.more ? [`Drawn: the ${shown.kept.length} largest of ${shown.total} models; the other ${shown.more} are in the report's facts table`] : []),
    ]),
    config: CHART_CONFIG,
    width: 500,
    data: { values: rows },
    encoding: {
      y: { field: 'label', type: 'nominal', title: 'Model', sort: models },
      x: { field: 'value', type: 'quantitative', title: 'Parameters (billions, log scale)', scale: { type: 'log' } },
    },
    layer: [
      { transform: [{ filter: 'datum.joined' }], mark: { type: 'line', color: '#999' }, encoding: { detail: { field: 'label', type: 'nominal' } } },
      ...arrowLayers(rows, { field: 'value' }, { color, tooltip }),
      {
        mark: { type: 'point', filled: true, size: 90, opacity: 1 },
        encoding: {
          color,
          shape: { field: 'kind', type: 'nominal', sort: ['total', 'active'], scale: { domain: ['total', 'active'], range: ['circle', 'diamond'] } },
          tooltip,
        },
      },
      // drawn only when some point is flagged, so the legend never lists an unused entry
      ...(flaggedShown ? [{
        transform: [{ filter: 'datum.flag !== null' }],
        mark: { type: 'point' as const, shape: 'square', filled: false, size: 260, strokeWidth: 2 },
        encoding: {
          stroke: { field: 'flag', type: 'nominal' as const, title: 'Audit', scale: { domain: [AUDIT_FLAG], range: [ALERT] } },
          tooltip,
        },
      }] : []),
    ],
  } as TopLevelSpec;
}
