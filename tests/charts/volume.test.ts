/**
 * Charts at volume: with the synthetic data (every fact row copied with varied numbers, new
 * sources and new entities) at 10x and 100x the committed data, every chart builds and renders
 * without error or warning, and what it draws stays bounded: rows per panel, legend entries,
 * sort lists. At 10x the derived metrics and audit findings are computed too; at 100x the charts
 * get the facts alone (the audit's own speed at that size is measured by its bench case).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run';
import { FOOTBALL_METHODS, MAX_COMPANIES } from '../../src/charts/footballField';
import { writeSyntheticData } from '../../src/bench/synthetic';
import { CHARTS, renderSvg } from '../../src/charts';
import { MAX_ROWS } from '../../src/charts/bound';
import { MAX_COUNTS } from '../../src/charts/modelSizes';
import type { ChartContext } from '../../src/charts/context';
import { LEGEND_LIMIT, SUBTITLE_MAX_CHARS } from '../../src/charts/spec';
import { readDataset } from '../../src/data/dataset';

type AnyObj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DATA = resolve(__dirname, '../../data');

/** every view of a spec that holds its own data, and the top level */
function views(spec: AnyObj): AnyObj[] {
  const out: AnyObj[] = [];
  const walk = (s: AnyObj) => {
    if (!s || typeof s !== 'object') return;
    if (s.data?.values) out.push(s);
    for (const k of ['vconcat', 'hconcat', 'concat', 'layer']) if (Array.isArray(s[k])) s[k].forEach(walk);
    if (s.spec) walk(s.spec);
  };
  walk(spec);
  return out;
}

/** every encoding channel definition anywhere in the spec */
function channels(spec: AnyObj): AnyObj[] {
  const out: AnyObj[] = [];
  const walk = (s: unknown) => {
    if (Array.isArray(s)) s.forEach(walk);
    else if (s && typeof s === 'object') {
      const o = s as AnyObj;
      if (o.encoding) out.push(...Object.values(o.encoding as AnyObj));
      Object.values(o).forEach(walk);
    }
  };
  walk(spec);
  return out;
}

function load(dir: string, audit: boolean): ChartContext {
  const ds = readDataset({ dataDir: dir });
  const ctx: ChartContext = { facts: ds.facts, entities: ds.entities, sources: ds.sources, assumptions: ds.assumptions, derived: [], findings: [] };
  if (audit) {
    const a = runAudit({ dataDir: dir, facts: ds.facts, assumptions: ds.assumptions, sources: ds.sources });
    ctx.derived = a.derived;
    ctx.findings = a.findings;
  }
  return ctx;
}

for (const [factor, audit] of [[10, true], [100, false]] as const) {
  describe(`charts at ${factor}x the data`, () => {
    let tmp = '';
    let ctx: ChartContext;

    beforeAll(() => {
      tmp = mkdtempSync(join(tmpdir(), `benchval-volume-${factor}-`));
      const { dataDir } = writeSyntheticData(DATA, tmp, { factor, seed: 7 });
      ctx = load(dataDir, audit);
      // 188 fact rows in data/ at the time of writing: the synthetic set holds factor times as many
      expect(ctx.facts.length).toBeGreaterThanOrEqual(factor * 150);
    }, 300_000);

    afterAll(() => {
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    for (const chart of CHARTS) {
      it(`${chart.name} builds and renders with bounded marks, legends and sort lists`, async () => {
        const spec = chart.build(ctx) as AnyObj;
        // strict rendering: any vega-lite or vega warning ("Symbol legend count exceeds limit") is an error
        const { svg } = await renderSvg(spec as never, { name: chart.name });
        expect(svg.startsWith('<svg')).toBe(true);
        for (const v of views(spec)) {
          // rows per panel: MAX_ROWS; the model-size chart 5 more models with MAX_COUNTS numbers per kind;
          // benchmarks 10 benchmarks x 8 runs, findings are counted per kind (one bar per kind and status)
          const cap = chart.name === 'benchmarks-math' ? 80 : chart.name === 'model-sizes' ? (MAX_ROWS + 5) * 2 * MAX_COUNTS
            : chart.name === 'audit-summary' ? Infinity : chart.name === 'listed-peers' ? 2 * 6 * 4
            : chart.name === 'football-field' ? FOOTBALL_METHODS.length * MAX_COMPANIES : MAX_ROWS;
          expect(v.data.values.length, `${chart.name}: rows of one panel`).toBeLessThanOrEqual(cap);
        }
        for (const c of channels(spec)) {
          if (Array.isArray(c.sort)) expect(c.sort.length, `${chart.name}: sort list`).toBeLessThanOrEqual(100);
          if (c.legend !== null && c.scale?.domain && Array.isArray(c.scale.domain) && (c.field === 'label' || c.field === 'series')) {
            expect(c.scale.domain.length, `${chart.name}: legend entries of ${c.field}`).toBeLessThanOrEqual(LEGEND_LIMIT);
          }
        }
        expect(spec.title.subtitle.length).toBeLessThanOrEqual(2);
        for (const line of spec.title.subtitle) expect(line.length).toBeLessThanOrEqual(SUBTITLE_MAX_CHARS);
      }, 120_000);
    }
  });
}

describe('charts on the scale bench\'s 10k facts', () => {
  // the scale bench draws its 10k facts by count (not by factor): a mix in which one panel of the
  // valuations chart had values only on one-sided bounds, so its point layer was empty and vega
  // warned of an infinite extent; every chart must still render
  let tmp = '';
  let ctx: ChartContext;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'benchval-volume-10k-'));
    ctx = load(writeSyntheticData(DATA, tmp, { facts: 10000 }).dataDir, true);
  }, 300_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });
  for (const chart of CHARTS) {
    it(`${chart.name} renders without warnings`, async () => {
      const { svg } = await renderSvg(chart.build(ctx) as never, { name: chart.name });
      expect(svg.startsWith('<svg')).toBe(true);
    }, 120_000);
  }
});
