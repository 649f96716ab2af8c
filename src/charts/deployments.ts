/**
 * Deployment numbers of the lab in focus (StepFun and its models and products) against its
 * targets and forecasts. One panel per unit, each with its own x scale, so 4万 vehicles are not
 * lost next to 8000万 devices. Panels whose unit has a target come first and also hold every
 * other fact of that unit (e.g. sales of a car carrying the lab's cockpit). A row is measured
 * only against a target of the same metric (vehicles carrying the lab's model against the
 * vehicles-with-model target, never a car's sales): such a row is labelled with the number as
 * stated and the share of the target it reaches (metrics' distanceToTarget), and the target is
 * drawn as a red tick on that row only. Other labs' numbers close the chart in one
 * compact log-scale panel, apart from the targets; ranks (unit `rank`: 2nd on a trending list)
 * are not counts and are listed in the subtitle instead of drawn.
 */
import type { TopLevelSpec } from 'vega-lite';
import { interval, type Interval } from '../metrics/interval';
import { distanceToTarget } from '../metrics/deployment';
import { factInterval } from '../metrics/tolerance';
import { groupByEvent } from '../data/events';
import type { Fact } from '../types';
import { MAX_ROWS, moreNote, topRows } from './bound';
import { entityFamily, entityLabel, selectFacts, type ChartContext } from './context';
import { ALERT, CATEGORICAL } from './palette';
import { periodLabel } from './period';
import { COMPACT_LABEL, latinQuantity, percentText } from './quantityText';
import { hull, hullPoint, reportFields, scaledBounds } from './reports';
import { arrowLayers, boundKind, CHART_CONFIG, chartHeader, factRow, factTooltip, requireRows, type BoundKind } from './spec';

/** The lab whose deployments are put against its targets. */
export const DEPLOYMENT_FOCUS = 'stepfun';
/** Qualifiers that mark a number as a goal rather than a reported figure. */
export const TARGET_QUALIFIERS = ['target', 'forecast'];
const KINDS = ['reported', 'target', 'forecast'];
const KIND_COLORS = [CATEGORICAL[0], ALERT, CATEGORICAL[1]];
const PANEL_WIDTH = 480;
/** a row is two lines: what and when, then the number as stated with the share of its target */
const ROW_STEP = 34;
const LINE_BREAK = '\n';
const TWO_LINES = { labelExpr: "split(datum.value, '\\n')" };

type Kind = 'reported' | 'target' | 'forecast';

function kindOf(f: Fact): Kind {
  return f.qualifier === 'target' ? 'target' : f.qualifier === 'forecast' ? 'forecast' : 'reported';
}

function when(f: Fact): string {
  return f.period_start && f.period_end ? periodLabel(f.period_start, f.period_end) : f.as_of ?? 'undated';
}

/** Stated interval, open above when the fact states only a lower bound (超百万辆 as a forecast). */
function currentInterval(f: Fact): Interval {
  const x = factInterval(f, 'stated');
  return boundKind(f) === 'open above' ? interval(x.lo, null) : x;
}

/** Unit of ranks: a position in a list, not a count; never drawn on a count axis. */
export const RANK_UNIT = 'rank';

/**
 * The goal a row is measured against: a goal of the same metric (of the same entity first,
 * then of another entity of the lab); a target before a forecast. Goals themselves are
 * measured against a target (a forecast against the target), never against themselves. A
 * fact without a goal of its metric is measured against nothing.
 */
export function goalFor(f: Fact, goals: Fact[]): Fact | null {
  const others = goals.filter((g) => g.id !== f.id && g.metric === f.metric && g.unit === f.unit && (kindOf(f) === 'reported' || kindOf(g) === 'target'));
  const rank = (g: Fact) => (kindOf(g) === 'target' ? 0 : 2) + (g.entity === f.entity ? 0 : 1);
  const sorted = [...others].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1));
  return sorted[0] ?? null;
}

/**
 * One row per event: the reports of one number (several articles, or one article twice) are one
 * mark, at the hull of what they state, with every report in the tooltip.
 */
function rowOf(ctx: ChartContext, reports: Fact[], goals: Fact[]) {
  const f = reports[0];
  const r = factRow(ctx, f);
  const h = hull(scaledBounds(reports, () => 1));
  const kind = kindOf(f);
  const stated = [...new Set(reports.map(latinQuantity))].join(' / ');
  const goal = goalFor(f, goals);
  let progress = '';
  const measured = goal && (goal.value ?? 0) > 0 ? goal : null;
  if (measured) {
    const p = distanceToTarget(currentInterval(f), factInterval(measured, 'stated')).progressPercent;
    progress = `${percentText(p, f.qualifier)} of ${latinQuantity(measured)} ${kindOf(measured)}`;
  }
  const many = reports.length > 1 ? ` (${reports.length} reports)` : '';
  const note = kind === 'reported' ? `${stated}${many}` : `${stated} (${kind})${many}`;
  const bound: BoundKind = h.bound;
  const title = `${r.label} ${f.metric.replace(/_/g, ' ')}${kind === 'reported' ? '' : ` (${kind})`} · ${when(f)}`;
  const labelText = progress ? `${note} = ${progress}` : note;
  return {
    ...r,
    ...reportFields(ctx, reports),
    // a range (or reports that differ) is drawn to its low end, a rule marks how far it reaches
    value: hullPoint(h) ?? h.lo ?? h.hi,
    lo: h.lo,
    hi: h.hi,
    bound,
    /** where the arrow of a one-sided number starts */
    bound_at: bound === 'open above' ? h.lo : bound === 'open below' ? h.hi : null,
    title,
    row: `${r.label} ${f.metric.replace(/_/g, ' ')}${kind === 'reported' ? '' : ` (${kind})`}${LINE_BREAK}${when(f)} · ${labelText}`,
    kind,
    unit: f.unit,
    stated,
    label_text: labelText,
    progress: progress || (kind === 'target' ? 'the target itself' : `no target for ${f.metric.replace(/_/g, ' ')}`),
    goal: measured ? `${measured.id} (${measured.quantity})` : '',
    /** the goal's value, drawn as a red tick on this row */
    goal_value: measured ? measured.value : null,
  };
}

type Row = ReturnType<typeof rowOf>;

/** Rows that would share a y label (two events with the same entity, metric and date) get their fact ids appended. */
function distinctRows<T extends { row: string; fact_id: string }>(rows: T[]): T[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.row, (count.get(r.row) ?? 0) + 1);
  return rows.map((r) => ((count.get(r.row) ?? 0) > 1 ? { ...r, row: `${r.row} · ${r.fact_id}` } : r));
}

/** Reports grouped by event; a target and a forecast of one count are two rows (the event key joins all goals). */
function events(facts: Fact[]): Fact[][] {
  return [...groupByEvent(facts).values()].flatMap((g) => [...new Map(g.map((f) => [kindOf(f), g.filter((x) => kindOf(x) === kindOf(f))])).values()]);
}

/** Rows of one panel: one per event, bounded to the goals and the largest numbers. */
function panelRows(ctx: ChartContext, facts: Fact[], goals: Fact[]) {
  const rows = distinctRows(events(facts).map((g) => rowOf(ctx, g, goals)));
  return topRows(rows, (r) => r.value ?? 0, MAX_ROWS, (r) => r.kind !== 'reported');
}

const tooltip = [
  { field: 'kind', type: 'nominal' as const, title: 'kind' },
  { field: 'unit', type: 'nominal' as const, title: 'unit' },
  ...factTooltip('value', ''),
  { field: 'progress', type: 'nominal' as const, title: 'share of target' },
  { field: 'goal', type: 'nominal' as const, title: 'target' },
];

/** Goals on top, then reported numbers largest first. */
function rowOrder(rows: Row[]): string[] {
  const k = (r: Row) => KINDS.indexOf(r.kind);
  return [...rows].sort((a, b) => k(b) - k(a) || (b.value ?? 0) - (a.value ?? 0) || (a.row < b.row ? -1 : 1)).map((r) => r.row);
}

function focusPanel(unit: string, shown: { kept: Row[]; more: number; total: number }, goal: Row | undefined) {
  const rows = shown.kept;
  const y = { field: 'row', type: 'nominal' as const, title: null, sort: rowOrder(rows), axis: TWO_LINES };
  const x = { field: 'value', type: 'quantitative' as const, title: `Number (${unit})`, stack: null, scale: { zero: true }, axis: { labelExpr: COMPACT_LABEL } };
  const color = { field: 'kind', type: 'nominal' as const, title: 'Kind', scale: { domain: KINDS, range: KIND_COLORS } };
  const layer: object[] = [];
  if (rows.some((r) => r.goal_value !== null)) {
    // the goal as a red tick across each row measured against it, and no other row
    layer.push({
      transform: [{ filter: 'datum.goal_value !== null' }],
      mark: { type: 'tick', thickness: 3 },
      encoding: { y, x: { ...x, field: 'goal_value' }, color: { value: KIND_COLORS[1] } },
    });
  }
  if (rows.some((r) => r.kind === 'reported')) {
    layer.push({ transform: [{ filter: "datum.kind === 'reported'" }], mark: { type: 'bar', opacity: 0.8 }, encoding: { y, x, color, tooltip } });
  }
  if (rows.some((r) => r.kind !== 'reported')) {
    layer.push({ transform: [{ filter: "datum.kind !== 'reported'" }], mark: { type: 'point', shape: 'diamond', filled: true, size: 140, opacity: 1 }, encoding: { y, x, color, tooltip } });
  }
  if (rows.some((r) => r.bound === 'interval')) {
    layer.push({ transform: [{ filter: "datum.bound === 'interval'" }], mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' }, tooltip } });
  }
  // "over 4200万": the bar ends at the bound and a short arrow of fixed length points to the open side
  layer.push(...arrowLayers(rows, { ...x, field: 'bound_at' }, { y, color, tooltip }));
  const title = goal ? `Unit: ${unit} (target ${goal.stated}, ${goal.label} ${goal.metric.replace(/_/g, ' ')})` : `Unit: ${unit}`;
  return {
    title: { text: `${title}${moreNote(shown, 'rows')}`, fontSize: 12, anchor: 'start' as const },
    width: PANEL_WIDTH,
    height: { step: ROW_STEP },
    data: { values: rows },
    layer,
  };
}

function peersPanel(ctx: ChartContext, facts: Fact[]) {
  const shown = topRows(distinctRows(events(facts).map((g) => {
    const r = rowOf(ctx, g, []);
    const title = `${r.label} ${g[0].metric.replace(/_/g, ' ')} (${g[0].unit}) · ${when(g[0])}`;
    return { ...r, title, row: `${r.label} ${g[0].metric.replace(/_/g, ' ')}${LINE_BREAK}${when(g[0])} · ${r.stated} ${g[0].unit}`, label_text: r.stated, progress: 'not compared with a target' };
  })), (r) => r.value ?? 0);
  const rows = shown.kept;
  const order = [...rows].sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || (a.row < b.row ? -1 : 1)).map((r) => r.row);
  const y = { field: 'row', type: 'nominal' as const, title: null, sort: order, axis: TWO_LINES };
  const x = { field: 'value', type: 'quantitative' as const, title: 'Number (unit in the row label; log scale)', scale: { type: 'log' as const }, axis: { labelExpr: COMPACT_LABEL, tickCount: 8 } };
  const color = { field: 'kind', type: 'nominal' as const, title: 'Kind', scale: { domain: KINDS, range: KIND_COLORS } };
  return {
    title: { text: `Other labs (log scale; units differ by row)${moreNote(shown, 'rows')}`, fontSize: 12, anchor: 'start' as const },
    width: PANEL_WIDTH,
    height: { step: ROW_STEP },
    data: { values: rows },
    encoding: { y },
    layer: [
      { mark: { type: 'point', filled: true, size: 60, opacity: 1 }, encoding: { x, color, tooltip } },
      ...arrowLayers(rows, { ...x, field: 'bound_at' }, { color, tooltip }),
    ],
  };
}

/** "Hunyuan-A13B hf trending rank: 2 (2025-06)" for the subtitle. */
function rankText(ctx: ChartContext, f: Fact): string {
  return `${entityLabel(ctx, f.entity)} ${f.metric.replace(/_/g, ' ')}: ${latinQuantity(f)} (${when(f)}, ${f.id})`;
}

export function deploymentsSpec(ctx: ChartContext): TopLevelSpec {
  const all = requireRows(selectFacts(ctx, { table: 'deployments' }).filter((f) => f.value !== null), 'deployments', 'table deployments');
  const ranks = all.filter((f) => f.unit === RANK_UNIT);
  const facts = requireRows(all.filter((f) => f.unit !== RANK_UNIT), 'deployments', 'table deployments, units other than rank');
  const family = entityFamily(ctx, DEPLOYMENT_FOCUS);
  const goals = facts.filter((f) => family.has(f.entity) && TARGET_QUALIFIERS.includes(f.qualifier));
  const goalUnits = new Set(goals.map((g) => g.unit));
  const focus = requireRows(facts.filter((f) => family.has(f.entity) || goalUnits.has(f.unit)), 'deployments', `table deployments, entity ${DEPLOYMENT_FOCUS} or its models and products`);
  const peers = facts.filter((f) => !focus.includes(f));
  // units with a target first, then the rest; alphabetical within each group
  const units = [...new Set(focus.map((f) => f.unit))].sort((a, b) => Number(goalUnits.has(b)) - Number(goalUnits.has(a)) || (a < b ? -1 : 1));
  const panels: object[] = units.map((unit) => {
    const unitGoals = goals.filter((g) => g.unit === unit);
    const shown = panelRows(ctx, focus.filter((f) => f.unit === unit), unitGoals);
    return focusPanel(unit, shown, shown.kept.find((r) => r.kind === 'target'));
  });
  if (peers.length) panels.push(peersPanel(ctx, peers));
  const lab = entityLabel(ctx, DEPLOYMENT_FOCUS);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    ...chartHeader(ctx, `Deployments: ${lab} numbers vs targets`, all, 'Bar = reported, diamond = target, red tick = its target, arrow = one-sided', [
      `${lab} and its models and products, one panel per unit, each with its own scale; red tick = the target a row is measured against (same metric only)`,
      'Bar = reported; diamond = target or forecast; label = number as stated (over / nearly as in the article) and share of the target reached',
      'One row per event: the reports of one number (several articles, or one article twice) are one mark, listed in the tooltip',
      'A number stated only as a bound ("over", "nearly") ends at the bound with a short dashed arrow to its open side; the arrow\'s length is fixed and carries no value',
      `Other labs' numbers close the chart on a log scale, apart from the targets; each panel draws at most ${MAX_ROWS} rows (targets always), the rest are in the report's facts table`,
      ...(ranks.length ? [`Ranks (positions, not drawn): ${ranks.map((f) => rankText(ctx, f)).join('; ')}`] : []),
    ]),
    config: CHART_CONFIG,
    resolve: { scale: { x: 'independent', color: 'shared' } },
    vconcat: panels,
  } as TopLevelSpec;
}
