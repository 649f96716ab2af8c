import { describe, expect, it } from 'vitest';
import { assertValidSpec, CHARTS, compileSpec, renderSvg, specSchemaErrors } from '../../src/charts';
import { fixtureContext } from './fixtures';

type AnyObj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** data rows of a spec (top level, or per concat panel) */
function rowsOf(spec: AnyObj): AnyObj[] {
  if (spec.data?.values) return spec.data.values;
  return (spec.vconcat ?? spec.hconcat ?? []).flatMap((p: AnyObj) => p.data?.values ?? []);
}

describe('chart registry', () => {
  it('has the seven charts with unique file-safe names', () => {
    const names = CHARTS.map((c) => c.name);
    expect(names).toEqual(['benchmarks-math', 'model-sizes', 'funding', 'valuations', 'listed-peers', 'deployments', 'audit-summary']);
    for (const n of names) expect(n).toMatch(/^[a-z0-9-]+$/);
  });

  for (const chart of CHARTS) {
    describe(chart.name, () => {
      const spec = chart.build(fixtureContext()) as AnyObj;

      it('matches the vega-lite JSON schema', () => {
        expect(specSchemaErrors(spec)).toEqual([]);
      });

      it('compiles without vega-lite warnings', () => {
        const { log } = compileSpec(spec as never);
        expect(log.warnings).toEqual([]);
        expect(log.errors).toEqual([]);
      });

      it('has a title and a source note naming the sources', () => {
        expect(typeof spec.title.text).toBe('string');
        const note = spec.title.subtitle.at(-1) as string;
        expect(note).toMatch(/^Sources: /);
      });

      it('renders to SVG with no runtime warnings and no CJK text', async () => {
        const { svg, log } = await renderSvg(spec as never, { name: chart.name });
        expect(log.warnings).toEqual([]);
        expect(svg.startsWith('<svg')).toBe(true);
        // drawn text only (aria-labels carry the evidence phrases, which are not drawn)
        const drawn = [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' '));
        expect(drawn.length).toBeGreaterThan(3);
        expect(drawn.filter((t) => /[\u3400-\u9fff]/.test(t))).toEqual([]);
      });
    });
  }
});

describe('chart contents come from the facts', () => {
  it('benchmarks-math keeps math sets only and separates the PaCoRe run', () => {
    const rows = rowsOf(CHARTS[0].build(fixtureContext()) as AnyObj);
    // 5 math facts in the fixture; SWE-bench is left out
    expect(rows.map((r) => r.fact_id).sort()).toEqual([
      'a-gpt-5.2-score-aime-2025', 'a-hunyuan-a13b-score-aime-2025', 'a-step-3.5-flash-score-aime-2025',
      'a-step-3.5-flash-score-aime-2025-pacore', 'a-step-3.5-flash-score-hmmt-2025',
    ]);
    const pacore = rows.find((r) => r.fact_id.endsWith('-pacore'))!;
    expect(pacore.series).toBe('Step 3.5 Flash (PaCoRe)');
    expect(pacore.variant).toBe('PaCoRe');
    expect(rows.find((r) => r.fact_id === 'a-step-3.5-flash-score-aime-2025')!.series).toBe('Step 3.5 Flash');
  });

  it('model-sizes plots billions: 200B total -> 200, 10B active -> 10', () => {
    const rows = rowsOf(CHARTS[1].build(fixtureContext()) as AnyObj);
    const step = rows.filter((r) => r.entity === 'step-3.5-flash');
    expect(step.map((r) => [r.kind, r.value]).sort()).toEqual([['active', 10], ['total', 200]]);
  });

  it('funding converts USD and gives each round its share of the 2025 total', () => {
    const spec = CHARTS[2].build(fixtureContext()) as AnyObj;
    const rows = rowsOf(spec);
    const step = rows.find((r) => r.fact_id === 'a-stepfun-funding-amount-b-plus')!;
    // 5 = 5e9 CNY / 1e9; share 50 = 5e9 / 1e10 * 100; open above (超)
    expect(step.value).toBe(5);
    expect(step.share).toBe(50);
    expect(step.bound).toBe('open above');
    expect(step.share_label).toBe('over 50.0% of 2025 total');
    const moon = rows.find((r) => r.fact_id === 'a-moonshot-funding-amount')!;
    // 3.5 = 5e8 USD * 7 CNY/USD / 1e9; no share: only StepFun rounds are put against the total
    expect(moon.value).toBe(3.5);
    expect(moon.share).toBeNull();
    expect(spec.title.subtitle.join(' ')).toContain('fx-usd-cny');
  });

  it('valuations converts to USD billions and keeps range bounds', () => {
    const spec = CHARTS[3].build(fixtureContext()) as AnyObj;
    const rows = rowsOf(spec);
    const step = rows.find((r) => r.fact_id === 'a-stepfun-valuation')!;
    // 2.1e10 CNY / 7 = 3e9 USD -> 3; 2.8e10 / 7 = 4e9 -> 4; value 2.45e10 / 7 = 3.5e9 -> 3.5
    expect([step.lo, step.value, step.hi]).toEqual([3, 3.5, 4]);
    expect(step.bound).toBe('interval');
    const zhipu = rows.find((r) => r.fact_id === 'a-zhipu-market-cap')!;
    // 3e11 HKD * 0.125 USD/HKD = 3.75e10 USD -> 37.5; 超 -> open above
    expect(zhipu.value).toBe(37.5);
    expect(zhipu.bound).toBe('open above');
    const ps = rows.find((r) => r.fact_id === 'a-stepfun-ps-ratio')!;
    expect([ps.lo, ps.value, ps.hi]).toEqual([20, 25, 30]);
  });

  it('listed-peers labels periods and converts to CNY millions', () => {
    const rows = rowsOf(CHARTS[4].build(fixtureContext()) as AnyObj);
    const mm = rows.find((r) => r.fact_id === 'b-minimax-revenue-2024')!;
    // 3e7 USD * 7 = 2.1e8 CNY -> 210 million
    expect(mm.value).toBe(210);
    expect(mm.period).toBe('2024');
    expect(rows.find((r) => r.fact_id === 'b-zhipu-revenue-2025h1')!.period).toBe('2025 H1');
  });

  it('deployments splits reported numbers from targets, one panel per unit', () => {
    const spec = CHARTS[5].build(fixtureContext()) as AnyObj;
    expect(spec.vconcat.map((p: AnyObj) => p.title.text)).toEqual(['Unit: devices', 'Unit: vehicles']);
    const rows = rowsOf(spec);
    expect(rows.find((r) => r.fact_id === 'a-stepfun-installs-target')!.kind).toBe('target');
    expect(rows.find((r) => r.fact_id === 'a-stepfun-installs')!.kind).toBe('reported');
  });

  it('audit-summary counts findings per kind and status', () => {
    const rows = rowsOf(CHARTS[6].build(fixtureContext()) as AnyObj);
    expect(rows.map((r) => `${r.kind}/${r.status}`).sort()).toEqual(['conflict/warn', 'derivation/fail', 'derivation/pass']);
  });

  it('follows the data: a new peer score appears in the chart', () => {
    const ctx = fixtureContext();
    ctx.facts.push({ ...ctx.facts[0], id: 'x-gpt-5.2-score-hmmt-2025', entity: 'gpt-5.2', benchmark: 'HMMT 2025', value: 91, low: 91, high: 91 });
    const rows = rowsOf(CHARTS[0].build(ctx) as AnyObj);
    expect(rows.find((r) => r.fact_id === 'x-gpt-5.2-score-hmmt-2025')!.value).toBe(91);
  });

  it('names what is missing when a chart has no facts', () => {
    const ctx = fixtureContext();
    ctx.facts = ctx.facts.filter((f) => f.table !== 'model_specs');
    expect(() => CHARTS[1].build(ctx)).toThrow(/model-sizes.*model_specs/);
  });

  it('rejects a spec that does not match the schema', () => {
    expect(() => assertValidSpec({ mark: 'bogus-mark', data: { values: [] } }, 'bad')).toThrow(/bad.*vega-lite schema/);
  });

  it('turns a compile warning into an error', async () => {
    // a quantitative log scale on a nominal field makes vega-lite warn
    const spec = { data: { values: [{ a: 'x' }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal', scale: { type: 'log' } } } };
    await expect(renderSvg(spec as never, { name: 'warn' })).rejects.toThrow(/chart 'warn'/);
  });
});

describe('charts of the real data', () => {
  it('every chart of data/ matches the schema and compiles without warnings', async () => {
    const { loadReportData } = await import('../../src/report/load');
    const data = loadReportData();
    for (const chart of CHARTS) {
      const spec = chart.build(data);
      expect(specSchemaErrors(spec), chart.name).toEqual([]);
      const { log } = compileSpec(spec);
      expect(log.warnings, chart.name).toEqual([]);
      const r = await renderSvg(spec, { name: chart.name });
      expect(r.log.warnings, chart.name).toEqual([]);
    }
  }, 60000);
});

describe('PNG rendering', () => {
  it('writes a PNG 1.5 times the SVG size', async () => {
    const { svgToPng } = await import('../../src/charts');
    const { svg } = await renderSvg(CHARTS[6].build(fixtureContext()), { name: 'audit-summary' });
    const w = Number(/width="(\d+)"/.exec(svg)![1]);
    const h = Number(/height="(\d+)"/.exec(svg)![1]);
    const png = svgToPng(svg);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // IHDR width and height at bytes 16..23
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Math.ceil(w * 1.5), Math.ceil(h * 1.5)]);
  });
});
