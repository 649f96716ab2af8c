/** Math benchmark scores: Step 3.5 Flash against peers, the PaCoRe run drawn apart from the base run. */
import type { TopLevelSpec } from 'vega-lite';
import { selectFacts, type ChartContext } from './context';
import { CHART_CONFIG, chartTitle, factRow, factTooltip, requireRows } from './spec';

/** Benchmarks counted as math: competition and word-problem sets. */
export const MATH_BENCHMARK = /\b(AIME|HMMT|IMO|MATH|CNMO|GSM8K|Olympiad|BeyondAIME)/i;
/** The model the chart is about; listed first in the legend. */
export const FOCUS_MODEL = 'step-3.5-flash';

export function benchmarksMathSpec(ctx: ChartContext): TopLevelSpec {
  const facts = requireRows(
    selectFacts(ctx, { table: 'benchmarks', metric: 'score' }).filter((f) => MATH_BENCHMARK.test(f.benchmark ?? '')),
    'benchmarks-math', `table benchmarks, metric score, benchmark matching ${MATH_BENCHMARK}`,
  );
  const rows = facts.map((f) => {
    const r = factRow(ctx, f);
    const variant = f.variant ? f.variant : 'base run';
    return { ...r, benchmark: f.benchmark ?? '', variant, series: f.variant ? `${r.label} (${f.variant})` : r.label };
  });
  const focus = (s: { entity: string }) => (s.entity === FOCUS_MODEL ? 0 : 1);
  const series = [...new Map(rows.map((r) => [r.series, r])).values()]
    .sort((a, b) => focus(a) - focus(b) || (a.series < b.series ? -1 : 1))
    .map((r) => r.series);
  const variants = [...new Set(rows.map((r) => r.variant))].sort((a, b) => (a === 'base run' ? -1 : b === 'base run' ? 1 : a < b ? -1 : 1));
  const benchmarks = [...new Set(rows.map((r) => r.benchmark))].sort();
  const units = [...new Set(facts.map((f) => f.unit))].sort();
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: chartTitle(ctx, 'Math benchmarks: Step 3.5 Flash vs peers', facts, [
      'Light bar with dashed outline = run with a variant (e.g. PaCoRe parallel reasoning); solid bar = base run',
    ]),
    config: CHART_CONFIG,
    width: 520,
    data: { values: rows },
    encoding: {
      y: { field: 'benchmark', type: 'nominal', title: 'Benchmark', sort: benchmarks },
      yOffset: { field: 'series', type: 'nominal', sort: series },
      x: { field: 'value', type: 'quantitative', title: `Score (${units.join(', ')}; 0-100)`, scale: { domain: [0, 100] } },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 1 }, stroke: '#333', strokeWidth: 1 },
        encoding: {
          color: { field: 'series', type: 'nominal', title: 'Model', sort: series, scale: { scheme: 'tableau10' } },
          strokeDash: { field: 'variant', type: 'nominal', title: 'Run', sort: variants, scale: { domain: variants, range: variants.map((v, i) => (i === 0 ? [1, 0] : [3, 2])) } },
          fillOpacity: { field: 'variant', type: 'nominal', sort: variants, legend: null, scale: { domain: variants, range: variants.map((v, i) => (i === 0 ? 1 : 0.45)) } },
          tooltip: [{ field: 'benchmark', type: 'nominal', title: 'benchmark' }, { field: 'variant', type: 'nominal', title: 'run' }, ...factTooltip('score')],
        },
      },
      {
        mark: { type: 'text', align: 'right', dx: -4, fontSize: 9, color: 'black' },
        encoding: { text: { field: 'value', type: 'quantitative', format: '.4~g' } },
      },
    ],
  };
}
