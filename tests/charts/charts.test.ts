import { describe, expect, it } from 'vitest';
import { assertValidSpec, CHARTS, compileSpec, renderSvg, specSchemaErrors } from '../../src/charts';
import { chartFixtureContext, SCALE_FINDING } from './fixtures';

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
      const spec = chart.build(chartFixtureContext()) as AnyObj;

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
    const rows = rowsOf(CHARTS[0].build(chartFixtureContext()) as AnyObj);
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
    const rows = rowsOf(CHARTS[1].build(chartFixtureContext()) as AnyObj);
    const step = rows.filter((r) => r.entity === 'step-3.5-flash');
    expect(step.map((r) => [r.kind, r.value]).sort()).toEqual([['active', 10], ['total', 200]]);
  });

  it('funding converts USD and gives each round its share of the 2025 total', () => {
    const spec = CHARTS[2].build(chartFixtureContext()) as AnyObj;
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
    const spec = CHARTS[3].build(chartFixtureContext()) as AnyObj;
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
    const rows = rowsOf(CHARTS[4].build(chartFixtureContext()) as AnyObj);
    const mm = rows.find((r) => r.fact_id === 'b-minimax-revenue-2024')!;
    // 3e7 USD * 7 = 2.1e8 CNY -> 210 million
    expect(mm.value).toBe(210);
    expect(mm.period).toBe('2024');
    expect(rows.find((r) => r.fact_id === 'b-zhipu-revenue-2025h1')!.period).toBe('2025 H1');
  });

  it('deployments: StepFun panels per unit with their own x scale, labelled with the share of the target', () => {
    const spec = CHARTS[5].build(chartFixtureContext()) as AnyObj;
    expect(spec.resolve.scale.x).toBe('independent');
    // devices has a StepFun target; Geely's vehicles are another lab's number without a target in that unit
    expect(spec.vconcat.map((p: AnyObj) => p.title.text)).toEqual([
      'Unit: devices (target 100M, StepFun installs)',
      'Other labs (log scale; units differ by row, not comparable with the targets above)',
    ]);
    const [devices, peers]: AnyObj[][] = spec.vconcat.map((p: AnyObj) => p.data.values as AnyObj[]);
    const installs = devices.find((r) => r.fact_id === 'a-stepfun-installs')!;
    // 40 = 4e7 / 1e8 * 100
    expect(installs.kind).toBe('reported');
    expect(installs.label_text).toBe('40M = 40% of 100M target');
    expect(installs.goal).toBe('a-stepfun-installs-target (1亿台)');
    expect(devices.find((r) => r.fact_id === 'a-stepfun-installs-target')!.label_text).toBe('100M (target)');
    expect(peers.map((r) => [r.fact_id, r.label_text])).toEqual([['a-geely-vehicles-with-model', 'nearly 40k']]);
    expect(spec.vconcat[1].layer[0].encoding.x.scale.type).toBe('log');
  });

  it('deployments: a unit with a target takes other entities and forecasts of that unit', () => {
    const ctx = chartFixtureContext();
    const base = ctx.facts.find((f) => f.id === 'a-stepfun-installs')!;
    ctx.facts.push(
      { ...base, id: 'x-geely-installs', entity: 'geely', quantity: '超2000万台', value: 2e7, low: 2e7, high: null, qualifier: 'over' },
      { ...base, id: 'x-stepfun-installs-forecast', quantity: '1.2亿台', value: 1.2e8, low: 1.2e8, high: 1.2e8, qualifier: 'forecast' },
    );
    const devices = (CHARTS[5].build(ctx) as AnyObj).vconcat[0].data.values as AnyObj[];
    // over 20 = 2e7 / 1e8 * 100 (over: open above); 120 = 1.2e8 / 1e8 * 100, a forecast against the target
    expect(devices.find((r) => r.fact_id === 'x-geely-installs')!.label_text).toBe('over 20M = over 20% of 100M target');
    const forecast = devices.find((r) => r.fact_id === 'x-stepfun-installs-forecast')!;
    expect(forecast.kind).toBe('forecast');
    expect(forecast.label_text).toBe('120M (forecast) = 120% of 100M target');
    expect(forecast.row).toBe('StepFun installs (forecast) · 2026-01 · src-a');
  });

  it('deployments keeps two facts with the same entity, metric, date and source on separate rows', () => {
    const ctx = chartFixtureContext();
    ctx.facts.push({ ...ctx.facts.find((f) => f.id === 'a-stepfun-installs')!, id: 'x-stepfun-installs-restated' });
    const devices = (CHARTS[5].build(ctx) as AnyObj).vconcat[0].data.values as AnyObj[];
    expect(devices.filter((r) => r.kind === 'reported').map((r) => r.row).sort()).toEqual([
      'StepFun installs · 2026-01 · src-a · a-stepfun-installs',
      'StepFun installs · 2026-01 · src-a · x-stepfun-installs-restated',
    ]);
  });

  it('funding labels only rounds dated in the total\'s year or up to 31 days after, and draws ranges as rules', () => {
    const ctx = chartFixtureContext();
    const bplus = ctx.facts.find((f) => f.id === 'a-stepfun-funding-amount-b-plus')!;
    ctx.facts.push({ ...bplus, id: 'x-stepfun-round-2026-01-31', as_of: '2026-01-31' }, { ...bplus, id: 'x-stepfun-round-2026-02-01', as_of: '2026-02-01' });
    const spec = CHARTS[2].build(ctx) as AnyObj;
    const rows = rowsOf(spec);
    const b = rows.find((r) => r.fact_id === 'a-stepfun-funding-amount-b')!;
    // 2024-12 is before the 2025 period: no share. 1.4 = 2e8 USD * 7 / 1e9; 6.3 = 9e8 * 7 / 1e9; 3.85 = 5.5e8 * 7 / 1e9
    expect([b.share, b.share_label]).toEqual([null, '']);
    expect(b.share_note).toBe('not compared: dated 2024-12, outside 2025-01-01..2025-12-31 + 31 days');
    expect([b.lo, b.value, b.hi, b.bound]).toEqual([1.4, 3.85, 6.3, 'interval']);
    // 2026-01-31 is 31 days after 2025-12-31: labelled; 2026-02-01 is 32 days after: not
    expect(rows.find((r) => r.fact_id === 'x-stepfun-round-2026-01-31')!.share_label).toBe('over 50.0% of 2025 total');
    expect(rows.find((r) => r.fact_id === 'x-stepfun-round-2026-02-01')!.share).toBeNull();
    const rule = spec.layer.find((l: AnyObj) => l.mark.type === 'rule');
    expect(rule.transform).toEqual([{ filter: "datum.bound === 'interval'" }]);
    expect([rule.encoding.x.field, rule.encoding.x2.field]).toEqual(['lo', 'hi']);
  });

  it('model-sizes marks points used by a failing audit finding', () => {
    const spec = CHARTS[1].build(chartFixtureContext()) as AnyObj;
    const rows = rowsOf(spec);
    const flagged = rows.filter((r) => r.flag === 'flagged by audit').map((r) => r.fact_id).sort();
    expect(flagged).toEqual(['a-hunyuan-a13b-total-parameters', 'a-hunyuan-a13b-total-parameters-table']);
    expect(rows.find((r) => r.fact_id === 'a-hunyuan-a13b-total-parameters')!.audit)
      .toBe('flagged by audit (fail): scale:a-hunyuan-a13b-total-parameters|a-hunyuan-a13b-total-parameters-table');
    expect(rows.find((r) => r.fact_id === 'a-step-3.5-flash-total-parameters')!.audit).toBe('no failing finding');
    const ring = spec.layer.at(-1);
    expect(ring.encoding.stroke.scale.domain).toEqual(['flagged by audit']);
    expect(ring.encoding.tooltip.map((t: AnyObj) => t.field)).toContain('audit');
  });

  it('model-sizes: no failing finding, no flag layer; a finding without inputs flags the ids it names', () => {
    const ctx = chartFixtureContext();
    ctx.findings = ctx.findings.map((f) => (f.id.startsWith('scale:') ? { ...f, status: 'warn' as const } : f));
    const plain = CHARTS[1].build(ctx) as AnyObj;
    expect(plain.layer).toHaveLength(2);
    expect(rowsOf(plain).filter((r) => r.flag !== null)).toEqual([]);
    // the message names only the -table fact; the shorter id it starts with is not matched
    const named = { ...SCALE_FINDING, inputs: undefined, id: 'scale-check', message: 'a-hunyuan-a13b-total-parameters-table is 10x the other total' };
    const flagged = rowsOf(CHARTS[1].build({ ...ctx, findings: [named] }) as AnyObj).filter((r) => r.flag !== null).map((r) => r.fact_id);
    expect(flagged).toEqual(['a-hunyuan-a13b-total-parameters-table']);
  });

  it('valuations puts the computed P/S interval next to the stated multiple', () => {
    const spec = CHARTS[3].build(chartFixtureContext()) as AnyObj;
    const ps = spec.vconcat[1];
    const rows = ps.data.values as AnyObj[];
    const computed = rows.find((r) => r.fact_id === 'd-stepfun-ps-ratio')!;
    // [21, 28] = [2.1e10, 2.8e10] / 1e9 revenue; 24.5 = 2.45e10 / 1e9
    expect([computed.origin, computed.lo, computed.value, computed.hi]).toEqual(['computed', 21, 24.5, 28]);
    expect(computed.row).toBe('StepFun (computed, a-stepfun-revenue-2025e)');
    expect(rows.find((r) => r.fact_id === 'a-stepfun-ps-ratio')!.origin).toBe('stated');
    // OpenAI's 40 on top; StepFun's stated row right above its computed one
    expect(ps.encoding.y.sort).toEqual(['OpenAI (stated, 2026-01)', 'StepFun (stated, 2026-01)', 'StepFun (computed, a-stepfun-revenue-2025e)']);
    // stated filled, computed hollow; solid vs dashed rule
    expect(ps.layer.slice(1).map((l: AnyObj) => [l.transform[0].filter, l.mark.filled])).toEqual([["datum.origin === 'stated'", true], ["datum.origin === 'computed'", false]]);
    expect(ps.layer[0].encoding.strokeDash.scale.domain).toEqual(['stated', 'computed']);
  });

  it('audit-summary counts findings per kind and status', () => {
    const rows = rowsOf(CHARTS[6].build(chartFixtureContext()) as AnyObj);
    expect(rows.map((r) => `${r.kind}/${r.status}`).sort()).toEqual(['conflict/warn', 'derivation/fail', 'derivation/pass', 'plausibility/fail']);
  });

  it('follows the data: a new peer score appears in the chart', () => {
    const ctx = chartFixtureContext();
    ctx.facts.push({ ...ctx.facts[0], id: 'x-gpt-5.2-score-hmmt-2025', entity: 'gpt-5.2', benchmark: 'HMMT 2025', value: 91, low: 91, high: 91 });
    const rows = rowsOf(CHARTS[0].build(ctx) as AnyObj);
    expect(rows.find((r) => r.fact_id === 'x-gpt-5.2-score-hmmt-2025')!.value).toBe(91);
  });

  it('names what is missing when a chart has no facts', () => {
    const ctx = chartFixtureContext();
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
    const { svg } = await renderSvg(CHARTS[6].build(chartFixtureContext()), { name: 'audit-summary' });
    const w = Number(/width="(\d+)"/.exec(svg)![1]);
    const h = Number(/height="(\d+)"/.exec(svg)![1]);
    const png = svgToPng(svg);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // IHDR width and height at bytes 16..23
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Math.ceil(w * 1.5), Math.ceil(h * 1.5)]);
  });
});
