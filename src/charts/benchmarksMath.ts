/**
 * Math benchmark scores: Step 3.5 Flash against peers, the PaCoRe run drawn apart from the base
 * run. Only rows of metric `score` in a 0-100 unit (points or percent) are scores; ranks
 * (metric `rank`, 第一) are positions, not scores, and are not drawn.
 */
import type { TopLevelSpec } from 'vega-lite';
import { selectFacts, type ChartContext } from './context';
import { groupByEvent } from '../data/events';
import { companyOf, entityColor } from './palette';
import { hull, hullText, reportFields, scaledBounds } from './reports';
import { CHART_CONFIG, chartHeader, factRow, factTooltip, requireRows } from './spec';

/** Benchmarks counted as math: competition and word-problem sets. */
export const MATH_BENCHMARK = /\b(AIME|HMMT|IMO|MATH|CNMO|GSM8K|Olympiad|BeyondAIME)/i;
/** The model the chart is about; listed first in the legend. */
export const FOCUS_MODEL = 'step-3.5-flash';
/** Units of a score on a 0-100 scale: points as the benchmark counts them, or percent. */
export const SCORE_UNITS = ['score', 'percent'];
const BASE_RUN = 'base run';
/** a run with a variant is drawn in its model's colour mixed this much with white */
const VARIANT_TINT = 0.55;
/** a second model of one company is drawn in the company's colour mixed this much with black */
const SIBLING_SHADE = 0.35;
/** series (model and run) drawn at most; benchmarks at most */
export const MAX_SERIES = 8;
export const MAX_BENCHMARKS = 10;

/** `#rrggbb` mixed with black: share 0 keeps the colour, 1 gives black. */
export function shade(hex: string, share: number): string {
  const c = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `#${c.map((x) => Math.round(x * (1 - share)).toString(16).padStart(2, '0')).join('')}`;
}

function countBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
}

/** `#rrggbb` mixed with white: share 0 keeps the colour, 1 gives white. */
export function tint(hex: string, share: number): string {
  const c = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `#${c.map((x) => Math.round(x + (255 - x) * share).toString(16).padStart(2, '0')).join('')}`;
}

export function benchmarksMathSpec(ctx: ChartContext): TopLevelSpec {
  const math = selectFacts(ctx, { table: 'benchmarks', metric: 'score' }).filter((f) => MATH_BENCHMARK.test(f.benchmark ?? '') && f.value !== null);
  // a score in another unit (an Elo rating, a count of problems) is not on the 0-100 axis: named in the subtitle
  const otherUnit = math.filter((f) => !SCORE_UNITS.includes(f.unit));
  const facts = requireRows(math.filter((f) => SCORE_UNITS.includes(f.unit)),
    'benchmarks-math', `table benchmarks, metric score in unit ${SCORE_UNITS.join(' or ')}, benchmark matching ${MATH_BENCHMARK}`);
  // one bar per event (a model's score on one benchmark and run), with every report in the tooltip;
  // reports that differ draw the bar to the smallest score and name the spread
  const all = [...groupByEvent(facts).values()].map((g) => {
    const f = g[0];
    const r = factRow(ctx, f);
    const h = hull(scaledBounds(g, () => 1));
    const variant = f.variant ? f.variant : BASE_RUN;
    const value = g.length === 1 ? r.value : h.lo ?? h.hi;
    return {
      ...r, ...reportFields(ctx, g), value,
      value_text: g.length === 1 ? r.value_text : `${hullText(h)}${h.bound === 'exact' ? '' : ' (reports differ)'}`,
      benchmark: f.benchmark ?? '', variant, series: f.variant ? `${r.label} (${f.variant})` : r.label,
    };
  });
  const focus = (s: { entity: string }) => (s.entity === FOCUS_MODEL ? 0 : 1);
  // bounded: the benchmarks reported most often, then the focus model and the series with the most scores on them
  const perBenchmark = countBy(all, (r) => r.benchmark);
  const benchmarks = [...perBenchmark.keys()].sort((a, b) => (perBenchmark.get(b) as number) - (perBenchmark.get(a) as number) || (a < b ? -1 : 1))
    .slice(0, MAX_BENCHMARKS).sort();
  const onShown = all.filter((r) => benchmarks.includes(r.benchmark));
  const perSeries = countBy(onShown, (r) => r.series);
  const seriesAll = [...new Map(onShown.map((r) => [r.series, r])).values()];
  const keptSeries = new Set([...seriesAll]
    .sort((a, b) => focus(a) - focus(b) || (perSeries.get(b.series) as number) - (perSeries.get(a.series) as number) || (a.series < b.series ? -1 : 1))
    .slice(0, MAX_SERIES).map((r) => r.series));
  const rows = onShown.filter((r) => keptSeries.has(r.series));
  const left = all.length - rows.length;
  const bySeries = [...new Map(rows.map((r) => [r.series, r])).values()]
    .sort((a, b) => focus(a) - focus(b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.series < b.series ? -1 : 1));
  const series = bySeries.map((r) => r.series);
  const variants = [...new Set(rows.map((r) => r.variant))].sort((a, b) => (a === BASE_RUN ? -1 : b === BASE_RUN ? 1 : a < b ? -1 : 1));
  const run = { field: 'variant', type: 'nominal' as const, title: 'Run', sort: variants };
  // colour = the model's company; a company's second model a shade darker, a variant run a light tint
  const modelsOf = new Map<string, string[]>();
  for (const r of bySeries) {
    const c = companyOf(ctx, r.entity);
    const list = modelsOf.get(c) ?? [];
    if (!list.includes(r.entity)) list.push(r.entity);
    modelsOf.set(c, list);
  }
  const seriesColor = (r: (typeof bySeries)[number]): string => {
    const sibling = (modelsOf.get(companyOf(ctx, r.entity)) as string[]).indexOf(r.entity);
    const base = sibling > 0 ? shade(entityColor(ctx, r.entity), Math.min(0.8, SIBLING_SHADE * sibling)) : entityColor(ctx, r.entity);
    return r.variant === BASE_RUN ? base : tint(base, VARIANT_TINT);
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    ...chartHeader(ctx, 'Math benchmarks: Step 3.5 Flash vs peers', facts, 'Score 0-100 as stated; colour = company; light dashed bar = variant run', [
      'Colour = the model\'s company (a second model of one company a shade darker); light tint of it with dashed outline = run with a variant (e.g. PaCoRe parallel reasoning); solid outline = base run',
      'Scores on a 0-100 scale as the articles state them (points or percent correct)',
      ...(left ? [`Drawn: the ${benchmarks.length} benchmarks reported most often and up to ${MAX_SERIES} models (the focus model first); ${left} more scores are in the report's facts table`] : []),
      ...(otherUnit.length ? [`Not drawn (score not on a 0-100 scale): ${otherUnit.map((f) => `${f.id} (${f.unit})`).join(', ')}`] : []),
    ]),
    config: CHART_CONFIG,
    width: 560,
    data: { values: rows },
    encoding: {
      y: { field: 'benchmark', type: 'nominal', title: 'Benchmark', sort: benchmarks },
      yOffset: { field: 'series', type: 'nominal', sort: series },
      x: { field: 'value', type: 'quantitative', title: 'Score (0-100)', scale: { domain: [0, 100] } },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 1 }, stroke: '#333', strokeWidth: 1 },
        encoding: {
          // a run with a variant in a light tint of its model's colour: the legend swatch is the bar's colour
          color: { field: 'series', type: 'nominal', title: 'Model (run)', sort: series, scale: { domain: series, range: bySeries.map(seriesColor) } },
          strokeDash: { ...run, scale: { domain: variants, range: variants.map((v, i) => (i === 0 ? [1, 0] : [3, 2])) }, legend: { symbolFillColor: 'white' } },
          tooltip: [{ field: 'benchmark', type: 'nominal', title: 'benchmark' }, { field: 'variant', type: 'nominal', title: 'run' }, ...factTooltip('score')],
        },
      },
      {
        mark: { type: 'text', align: 'right', dx: -4, fontSize: 9, color: 'black' }, // on the bar, whose colours are light enough in both modes
        encoding: { text: { field: 'value', type: 'quantitative', format: '.4~g' } },
      },
    ],
  };
}
