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
import type { Fact } from '../types';
import { entityFamily, entityLabel, selectFacts, type ChartContext } from './context';
import { periodLabel } from './period';
import { COMPACT_LABEL, latinQuantity, percentText } from './quantityText';
import { boundKind, CHART_CONFIG, chartTitle, factRow, factTooltip, requireRows } from './spec';

/** The lab whose deployments are put against its targets. */
export const DEPLOYMENT_FOCUS = 'stepfun';
/** Qualifiers that mark a number as a goal rather than a reported figure. */
export const TARGET_QUALIFIERS = ['target', 'forecast'];
const KINDS = ['reported', 'target', 'forecast'];
const KIND_COLORS = ['#4c78a8', '#d62728', '#f58518'];
const PANEL_WIDTH = 360;
/** the label column starts this far right of the plot */
const LABEL_GAP = 12;
/** row labels are cut at this width (vega's width estimate is wider than the drawn text) */
const LABEL_LIMIT = 640;

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

function rowOf(ctx: ChartContext, f: Fact, goals: Fact[]) {
  const r = factRow(ctx, f);
  const kind = kindOf(f);
  const stated = latinQuantity(f);
  const goal = goalFor(f, goals);
  let progress = '';
  const measured = goal && (goal.value ?? 0) > 0 ? goal : null;
  if (measured) {
    const p = distanceToTarget(currentInterval(f), factInterval(measured, 'stated')).progressPercent;
    progress = `${percentText(p, f.qualifier)} of ${latinQuantity(measured)} ${kindOf(measured)}`;
  }
  const note = kind === 'reported' ? stated : `${stated} (${kind})`;
  return {
    ...r,
    row: `${r.label} ${f.metric.replace(/_/g, ' ')}${kind === 'reported' ? '' : ` (${kind})`} · ${when(f)} · ${f.source}`,
    kind,
    unit: f.unit,
    stated,
    label_text: progress ? `${note} = ${progress}` : note,
    progress: progress || (kind === 'target' ? 'the target itself' : `no target for ${f.metric.replace(/_/g, ' ')}`),
    goal: measured ? `${measured.id} (${measured.quantity})` : '',
    /** the goal's value, drawn as a red tick on this row */
    goal_value: measured ? measured.value : null,
  };
}

type Row = ReturnType<typeof rowOf>;

/** Rows that would share a y label (same entity, metric, date and source) get their fact id appended. */
function distinctRows<T extends { row: string; fact_id: string }>(rows: T[]): T[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.row, (count.get(r.row) ?? 0) + 1);
  return rows.map((r) => ((count.get(r.row) ?? 0) > 1 ? { ...r, row: `${r.row} · ${r.fact_id}` } : r));
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

function focusPanel(unit: string, rows: Row[], goal: Row | undefined) {
  const y = { field: 'row', type: 'nominal' as const, title: null, sort: rowOrder(rows), axis: { labelLimit: LABEL_LIMIT } };
  const x = { field: 'value', type: 'quantitative' as const, title: `Number (${unit})`, stack: null, scale: { zero: true }, axis: { labelExpr: COMPACT_LABEL } };
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
    layer.push({ transform: [{ filter: "datum.kind === 'reported'" }], mark: { type: 'bar', opacity: 0.8 }, encoding: { y, x } });
  }
  if (rows.some((r) => r.kind !== 'reported')) {
    layer.push({ transform: [{ filter: "datum.kind !== 'reported'" }], mark: { type: 'point', shape: 'diamond', filled: true, size: 140 }, encoding: { y, x } });
  }
  layer.push({ mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: 10, color: '#222' }, encoding: { y, x: { value: PANEL_WIDTH + LABEL_GAP }, text: { field: 'label_text', type: 'nominal' as const }, color: { value: '#222' } } });
  const title = goal ? `Unit: ${unit} (target ${goal.stated}, ${goal.label} ${goal.metric.replace(/_/g, ' ')})` : `Unit: ${unit}`;
  return {
    title: { text: title, fontSize: 12, anchor: 'start' as const },
    width: PANEL_WIDTH,
    data: { values: rows },
    encoding: {
      color: { field: 'kind', type: 'nominal' as const, title: 'Kind', scale: { domain: KINDS, range: KIND_COLORS } },
      tooltip,
    },
    layer,
  };
}

function peersPanel(ctx: ChartContext, facts: Fact[]) {
  const rows = distinctRows(facts.map((f) => {
    const r = factRow(ctx, f);
    return {
      ...r, kind: kindOf(f), unit: f.unit, row: `${r.label} ${f.metric.replace(/_/g, ' ')} (${f.unit}) · ${when(f)}`,
      stated: latinQuantity(f), label_text: latinQuantity(f), progress: 'not compared with a target', goal: '', goal_value: null,
    };
  }));
  const order = [...rows].sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || (a.row < b.row ? -1 : 1)).map((r) => r.row);
  const y = { field: 'row', type: 'nominal' as const, title: null, sort: order, axis: { labelLimit: LABEL_LIMIT } };
  return {
    title: { text: 'Other labs (log scale; units differ by row, not comparable with the targets above)', fontSize: 12, anchor: 'start' as const },
    width: PANEL_WIDTH,
    data: { values: rows },
    encoding: { y },
    layer: [
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          x: { field: 'value', type: 'quantitative' as const, title: 'Number (unit in the row label; log scale)', scale: { type: 'log' as const }, axis: { labelExpr: COMPACT_LABEL, tickCount: 8 } },
          color: { field: 'kind', type: 'nominal' as const, title: 'Kind', scale: { domain: KINDS, range: KIND_COLORS } },
          tooltip,
        },
      },
      { mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: 10, color: '#222' }, encoding: { x: { value: PANEL_WIDTH + LABEL_GAP }, text: { field: 'label_text', type: 'nominal' as const } } },
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
    const rows = distinctRows(focus.filter((f) => f.unit === unit).map((f) => rowOf(ctx, f, unitGoals)));
    return focusPanel(unit, rows, rows.find((r) => r.kind === 'target'));
  });
  if (peers.length) panels.push(peersPanel(ctx, peers));
  const lab = entityLabel(ctx, DEPLOYMENT_FOCUS);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: chartTitle(ctx, `Deployments: ${lab} numbers vs targets`, all, [
      `${lab} and its models and products, one panel per unit, each with its own scale; red tick = the target a row is measured against (same metric only)`,
      'Bar = reported; diamond = target or forecast; label = number as stated (over / nearly as in the article) and share of the target reached',
      ...(ranks.length ? [`Ranks (positions, not drawn): ${ranks.map((f) => rankText(ctx, f)).join('; ')}`] : []),
    ]),
    config: CHART_CONFIG,
    resolve: { scale: { x: 'independent', color: 'shared' } },
    vconcat: panels,
  } as TopLevelSpec;
}
