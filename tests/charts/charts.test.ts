import { describe, expect, it } from 'vitest';
import { assertValidSpec, CHARTS, compileSpec, renderSvg, specSchemaErrors } from '../../src/charts';
import { chartFixtureContext, fixtureContext, SCALE_FINDING } from './fixtures';

type AnyObj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** data rows of a spec (top level, or per concat panel) */
function rowsOf(spec: AnyObj): AnyObj[] {
  if (spec.data?.values) return spec.data.values;
  return (spec.vconcat ?? spec.hconcat ?? []).flatMap((p: AnyObj) => p.data?.values ?? []);
}

describe('chart registry', () => {
  it('has the eight charts with unique file-safe names', () => {
    const names = CHARTS.map((c) => c.name);
    expect(names).toEqual(['benchmarks-math', 'model-sizes', 'funding', 'valuations', 'listed-peers', 'deployments', 'audit-summary', 'football-field']);
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

  it('model-sizes draws a count stated only as a lower bound with a dashed arrow to the right', () => {
    const ctx = chartFixtureContext();
    const base = ctx.facts.find((f) => f.id === 'a-step-3.5-flash-total-parameters')!;
    // 万亿 read as at least 1e12 parameters: low 1e12, no high
    ctx.entities.push({ id: 'step-2', kind: 'model', name_en: 'Step-2', name_zh: 'Step-2', parent: 'stepfun', note: null });
    ctx.facts.push({ ...base, id: 'x-step-2-total-parameters', entity: 'step-2', quantity: '万亿', value: 1e12, low: 1e12, high: null, qualifier: 'at-least' });
    const spec = CHARTS[1].build(ctx) as AnyObj;
    const rows = rowsOf(spec);
    const step2 = rows.find((r) => r.fact_id === 'x-step-2-total-parameters')!;
    // drawn at the bound, 1e12 / 1e9 = 1000 billion
    expect([step2.value, step2.bound, step2.open_bound]).toEqual([1000, 'open above', 'lower bound only (at least)']);
    expect(step2.high_text).toBe('open');
    // a dashed rule of ARROW_PX - 4 = 18 pixels from the bound and a right-pointing head ARROW_PX = 22 pixels right of it:
    // a fixed length on screen, whatever the scale, drawn only for rows open above
    const rule = spec.layer.find((l: AnyObj) => l.mark.type === 'rule');
    expect(rule.transform).toEqual([{ filter: "datum.bound === 'open above' && isValid(datum.value)" }]);
    expect([rule.encoding.x.field, rule.encoding.x2.field, rule.mark.x2Offset, rule.mark.strokeDash]).toEqual(['value', 'value', 18, [4, 3]]);
    const head = spec.layer.find((l: AnyObj) => l.mark.shape === 'triangle-right');
    expect([head.encoding.x.field, head.mark.xOffset]).toEqual(['value', 22]);
    expect(spec.description).toContain('drawn at the bound with a short dashed arrow towards its open side');
    expect(specSchemaErrors(spec)).toEqual([]);
    expect(compileSpec(spec as never).log.warnings).toEqual([]);
  });

  it('model-sizes without one-sided counts draws no arrow and no Bound legend', () => {
    const spec = CHARTS[1].build(chartFixtureContext()) as AnyObj;
    expect(spec.layer.some((l: AnyObj) => l.mark.type === 'rule')).toBe(false);
    expect(spec.description).not.toContain('dashed arrow');
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
    // the rate is named by its quote, value and date: 7 CNY per USD as of 2025-12
    expect(spec.description).toContain('Converted to CNY at USD/CNY 7.00 (2025-12)');
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

  it('listed-peers converts a flow series at the rate for each period midpoint, not the period end', () => {
    const ctx = chartFixtureContext();
    ctx.assumptions = [
      { id: 'usd-cny-2025-06', name: 'USD/CNY mid-2025', value: 7.15, unit: 'CNY/USD', as_of: '2025-06', rationale: 'test', reference: null },
      { id: 'usd-cny-2026-01', name: 'USD/CNY early 2026', value: 7.0, unit: 'CNY/USD', as_of: '2026-01', rationale: 'test', reference: null },
    ];
    const base = ctx.facts.find((f) => f.id === 'b-minimax-adjusted-net-loss-2024')!;
    ctx.facts.push({ ...base, id: 'b-minimax-net-loss-2025-9m', metric: 'net_loss', quantity: '5.12亿美元', value: 5.12e8, low: 5.12e8, high: 5.12e8, period_start: '2025-01-01', period_end: '2025-09-30' });
    const spec = CHARTS[4].build(ctx) as AnyObj;
    const rows = rowsOf(spec);
    // 2025 Jan-Sep: midpoint 2025-05-17 is nearest 2025-06 -> 5.12e8 USD x 7.15 = 3.6608e9 CNY = 3660.8 million
    // (its period end 2025-09-30 is nearer 2026-01 and would have given 5.12e8 x 7.0 = 3584 million)
    expect(rows.find((r) => r.fact_id === 'b-minimax-net-loss-2025-9m')!.value).toBe(3660.8);
    // 2024: midpoint 2024-07-02 -> 3e7 USD x 7.15 = 2.145e8 CNY = 214.5 million; 2e8 x 7.15 = 1430 million
    expect(rows.find((r) => r.fact_id === 'b-minimax-revenue-2024')!.value).toBe(214.5);
    expect(rows.find((r) => r.fact_id === 'b-minimax-adjusted-net-loss-2024')!.value).toBe(1430);
    // one rate for the whole series, named in the caption with its value and date
    expect(spec.description).toContain('USD/CNY 7.15 (2025-06)');
    expect(spec.description).not.toContain('USD/CNY 7.00 (2026-01)');
  });

  it('deployments: StepFun panels per unit with their own x scale, labelled with the share of the target', () => {
    const spec = CHARTS[5].build(chartFixtureContext()) as AnyObj;
    expect(spec.resolve.scale.x).toBe('independent');
    // devices has a StepFun target; Geely's vehicles are another lab's number without a target in that unit
    expect(spec.vconcat.map((p: AnyObj) => p.title.text)).toEqual([
      'Unit: devices (target 100M, StepFun installs)',
      'Other labs (log scale; units differ by row)',
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
    // two-line row label: what, then when with the number as stated and its share of the target
    expect(forecast.row).toBe('StepFun installs (forecast)\n2026-01 · 120M (forecast) = 120% of 100M target');
  });

  it('deployments draws one mark per event, with every report of it in the tooltip', () => {
    const ctx = chartFixtureContext();
    const installs = ctx.facts.find((f) => f.id === 'a-stepfun-installs')!;
    // the same count restated by a second article in the same month: one event, one bar
    ctx.facts.push({ ...installs, id: 'x-stepfun-installs-restated', source: 'src-b', as_of: '2026-01-20' });
    const devices = (CHARTS[5].build(ctx) as AnyObj).vconcat[0].data.values as AnyObj[];
    const reported = devices.filter((r) => r.kind === 'reported');
    expect(reported).toHaveLength(1);
    expect(reported[0].fact_id).toBe('a-stepfun-installs, x-stepfun-installs-restated');
    expect(reported[0].source).toBe('Outlet A (src-a); Outlet B (src-b)');
    // 40 = 4e7 / 1e8 * 100, stated by 2 reports
    expect(reported[0].label_text).toBe('40M (2 reports) = 40% of 100M target');
  });

  it('deployments draws a one-sided number with an arrow of fixed length, never ending at a value', () => {
    const ctx = chartFixtureContext();
    const base = ctx.facts.find((f) => f.id === 'a-stepfun-installs')!;
    ctx.facts.push({ ...base, id: 'x-stepfun-installs-over', quantity: '超4200万台', value: 4.2e7, low: 4.2e7, high: null, qualifier: 'over', as_of: '2025-12' });
    const panel = (CHARTS[5].build(ctx) as AnyObj).vconcat[0];
    const over = (panel.data.values as AnyObj[]).find((r) => r.fact_id === 'x-stepfun-installs-over')!;
    // the bar ends at the bound 4.2e7; the arrow starts there
    expect([over.value, over.bound, over.bound_at]).toEqual([4.2e7, 'open above', 4.2e7]);
    const rule = panel.layer.find((l: AnyObj) => l.mark.type === 'rule');
    // 18 px dashed shaft and a head 22 px to the right of the bound: pixels, not data units
    expect([rule.encoding.x.field, rule.encoding.x2.field, rule.mark.x2Offset]).toEqual(['bound_at', 'bound_at', 18]);
    expect(panel.layer.find((l: AnyObj) => l.mark.shape === 'triangle-right').mark.xOffset).toBe(22);
  });

  it('funding labels only rounds known by the total\'s year or up to 31 days after, and draws ranges as rules', () => {
    const ctx = chartFixtureContext();
    const bplus = ctx.facts.find((f) => f.id === 'a-stepfun-funding-amount-b-plus')!;
    ctx.facts.push(
      { ...bplus, id: 'x-stepfun-round-c', round: 'C', as_of: '2026-01-31' },
      { ...bplus, id: 'x-stepfun-round-d', round: 'D', as_of: '2026-02-01' },
      { ...bplus, id: 'x-stepfun-round-e', round: 'E', as_of: '2026-01' },
      { ...bplus, id: 'x-zhipu-round-f', entity: 'zhipu', round: 'F', quantity: '10-20亿元', value: 1.5e9, low: 1e9, high: 2e9, qualifier: 'range', as_of: '2025-06' },
    );
    const spec = CHARTS[2].build(ctx) as AnyObj;
    const rows = rowsOf(spec);
    const b = rows.find((r) => r.fact_id === 'a-stepfun-funding-amount-b')!;
    // 2024-12 is before the 2025 period: no share. 数亿美元 is an estimate, not a stated range: a hollow mark at
    // sqrt(1.4 x 6.3) = 2.96984848098 (the middle on the log scale; 1.4 = 2e8 USD * 7 / 1e9, 6.3 = 9e8 * 7 / 1e9)
    expect([b.share, b.share_label]).toEqual([null, '']);
    expect(b.share_note).toBe('not compared: known by 2024-12, outside 2025-01-01..2025-12-31 + 31 days');
    expect([b.lo, b.value, b.hi, b.bound]).toEqual([1.4, 2.96984848098, 6.3, 'estimate']);
    expect([b.low_text, b.high_text, b.value_text]).toEqual(['1.4', '6.3', 'estimate, read as 1.4 to 6.3']);
    const estimate = spec.layer.find((l: AnyObj) => l.transform?.[0]?.filter === "datum.bound === 'estimate'");
    expect([estimate.mark.type, estimate.mark.filled]).toEqual(['point', false]);
    // a stated range 10-20亿元 is a rule from 1 to 2 (billion CNY) with no point
    const f = rows.find((r) => r.fact_id === 'x-zhipu-round-f')!;
    expect([f.lo, f.value, f.hi, f.bound]).toEqual([1, null, 2, 'interval']);
    // 2026-01-31 is 31 days after 2025-12-31: labelled; 2026-02-01 is 32 days after: not;
    // 2026-01 is known by its last day, 2026-01-31: labelled
    expect(rows.find((r) => r.fact_id === 'x-stepfun-round-c')!.share_label).toBe('over 50.0% of 2025 total');
    expect(rows.find((r) => r.fact_id === 'x-stepfun-round-d')!.share).toBeNull();
    expect(rows.find((r) => r.fact_id === 'x-stepfun-round-e')!.share_label).toBe('over 50.0% of 2025 total');
    const rule = spec.layer.find((l: AnyObj) => l.mark.type === 'rule');
    expect(rule.transform).toEqual([{ filter: "datum.bound === 'interval'" }]);
    expect([rule.encoding.x.field, rule.encoding.x2.field]).toEqual(['lo', 'hi']);
  });

  it('funding draws points on a log scale, never bars from an arbitrary floor', () => {
    const spec = CHARTS[2].build(chartFixtureContext()) as AnyObj;
    const marks = spec.layer.map((l: AnyObj) => l.mark.type);
    expect(marks).not.toContain('bar');
    expect(marks).toContain('point');
    for (const l of spec.layer.filter((x: AnyObj) => x.encoding.x?.field)) expect(l.encoding.x.scale.type).toBe('log');
    // the domain reaches 1.5x beyond the smallest and largest drawn end: from 1.4 / 1.5 to 10 (the total) * 1.5
    expect(spec.layer[0].encoding.x.scale.domain).toEqual([0.933333333333, 15]);
  });

  it('funding: reports of one round are one row, dated by the earliest, with its share labelled once', () => {
    const ctx = chartFixtureContext();
    const bplus = ctx.facts.find((f) => f.id === 'a-stepfun-funding-amount-b-plus')!;
    // the same B+ round restated without 超 by a later article (dated by its publication)
    ctx.facts.push({ ...bplus, id: 'x-stepfun-bplus-restated', quantity: '50亿元', low: 5e9, high: 5e9, qualifier: 'exact', as_of: '2026-02-27', source: 'src-b', evidence: '50亿元融资' });
    const rows = rowsOf(CHARTS[2].build(ctx) as AnyObj);
    const bplusRows = rows.filter((r) => r.entity === 'stepfun' && r.round === 'B+');
    expect(bplusRows).toHaveLength(1);
    const r = bplusRows[0];
    expect(r.fact_id).toBe('a-stepfun-funding-amount-b-plus, x-stepfun-bplus-restated');
    expect(r.source).toBe('Outlet A (src-a); Outlet B (src-b)');
    expect(r.quantity).toBe('src-a: 超50亿元; src-b: 50亿元');
    // hull of [5, open) and [5, 5]: [5, open); known by 2026-01-26 (the earlier report), inside the window
    expect([r.lo, r.value, r.hi, r.bound, r.low_text, r.high_text]).toEqual([5, 5, null, 'open above', '5', 'open']);
    expect(r.bar).toBe('StepFun B+ · 2026-01-26');
    expect(r.share_note).toBe('known by 2026-01-26, within 2025-01-01..2025-12-31 + 31 days');
    // one report says 超, one says exactly 50亿: at least 5e9 / 1e10 = 50%
    expect(r.share_label).toBe('at least 50.0% of 2025 total');
    expect(r.label_text).toBe('over 5bn CNY (1 report) / 5bn CNY (1 report) = at least 50.0% of 2025 total');
    expect(rows.filter((x) => x.share_label !== '')).toHaveLength(1);
  });

  it('funding: a year-long lower bound is labelled with its year and reads as a lower bound', () => {
    const ctx = chartFixtureContext();
    ctx.facts.push({
      ...ctx.facts.find((f) => f.id === 'a-moonshot-funding-amount')!, id: 'x-minimax-funding-2025-over-1bn', entity: 'minimax', round: null,
      quantity: '超过10亿元', value: 1e9, low: 1e9, high: null, qualifier: 'over', currency: 'CNY', as_of: null, period_start: '2025-01-01', period_end: '2025-12-31',
    });
    const spec = CHARTS[2].build(ctx) as AnyObj;
    const r = rowsOf(spec).find((x) => x.fact_id === 'x-minimax-funding-2025-over-1bn')!;
    expect(r.bar).toBe('MiniMax · 2025');
    expect(r.row).toBe('MiniMax\n2025 · over 1bn CNY');
    // a tick at the bound 1 (1e9 / 1e9) and an arrow of fixed length from it
    expect([r.bound, r.lo, r.hi, r.bound_at]).toEqual(['open above', 1, null, 1]);
    expect([r.value_text, r.high_text, r.label_text]).toEqual(['at least 1', 'open', 'over 1bn CNY']);
    expect(r.share_note).toBe('only StepFun rounds are compared');
    const arrow = spec.layer.find((l: AnyObj) => l.mark.shape === 'triangle-right');
    expect(arrow.transform).toEqual([{ filter: "datum.bound === 'open above' && isValid(datum.bound_at)" }]);
    expect([arrow.encoding.x.field, arrow.mark.xOffset]).toEqual(['bound_at', 22]);
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

  it('valuations puts the computed P/S interval next to the stated multiple, without a point when an input is a range', () => {
    const spec = CHARTS[3].build(chartFixtureContext()) as AnyObj;
    const ps = spec.vconcat[1];
    const rows = ps.data.values as AnyObj[];
    const computed = rows.find((r) => r.fact_id === 'd-stepfun-ps-ratio')!;
    // [21, 28] = [2.1e10, 2.8e10] / 1e9 revenue; the valuation 210-280亿元 is a range: no point
    expect([computed.origin, computed.lo, computed.value, computed.hi, computed.bound]).toEqual(['computed', 21, null, 28, 'interval']);
    expect(computed.value_text).toBe('interval only (an input is a range): 210-280亿元');
    expect(computed.row).toBe('StepFun (valuation 2026-01 / revenue 2025: est. 1bn CNY)');
    expect(rows.find((r) => r.fact_id === 'a-stepfun-ps-ratio')!.origin).toBe('stated');
    // OpenAI's 40 on top; StepFun's stated row right above its computed one
    expect(ps.encoding.y.sort).toEqual(['OpenAI (stated P/S, 2026-01)', 'StepFun (stated P/S, 2026-01)', 'StepFun (valuation 2026-01 / revenue 2025: est. 1bn CNY)']);
    // stated filled; the only computed row has no point, so no hollow point layer; its interval gets end ticks
    const points = ps.layer.filter((l: AnyObj) => l.mark.type === 'point');
    // (one-sided bounds are drawn as arrows, not points)
    expect(points.map((l: AnyObj) => [l.transform[0].filter, l.mark.filled]))
      .toEqual([["datum.origin === 'stated' && datum.value !== null && (datum.bound === 'exact' || datum.bound === 'interval')", true]]);
    expect(ps.layer.filter((l: AnyObj) => l.mark.type === 'tick').map((l: AnyObj) => l.encoding.x.field)).toEqual(['lo', 'hi']);
    expect(ps.layer[0].encoding.strokeDash.scale.domain).toEqual(['stated', 'computed']);
  });

  it('valuations: market cap / annualized revenue of listed peers beside the P/S, null values drawn as intervals', () => {
    const ctx = chartFixtureContext();
    const base = ctx.derived.find((d) => d.id === 'd-stepfun-ps-ratio')!;
    ctx.derived.push(
      // 超3000亿港元 over an exact revenue: open above, drawn as a point (a triangle)
      { ...base, id: 'd-zhipu-mcs', metric: 'market_cap_to_sales', entity: 'zhipu', value: 125, low: 125, high: null, formula: 'market_cap / annualized revenue', inputs: ['a-zhipu-market-cap', 'b-zhipu-revenue-2024'], note: null },
      // exact inputs but no value: the interval alone
      { ...base, id: 'd-openai-ps-null', entity: 'openai', value: null, low: 30, high: 50, inputs: ['a-openai-ps-ratio', 'b-zhipu-revenue-2024'], note: null },
      // neither bound: cannot be drawn, named in the subtitle
      { ...base, id: 'd-openai-ps-undefined', entity: 'openai', value: null, low: null, high: null, inputs: ['a-openai-valuation'], note: 'not computed: revenue 0' },
    );
    const spec = CHARTS[3].build(ctx) as AnyObj;
    const rows = spec.vconcat[1].data.values as AnyObj[];
    const mcs = rows.find((r) => r.fact_id === 'd-zhipu-mcs')!;
    expect(mcs.row).toBe('Zhipu AI (market cap 2026-01 / annualized revenue 2024)');
    expect([mcs.value, mcs.lo, mcs.hi, mcs.bound, mcs.low_text, mcs.high_text]).toEqual([125, 125, null, 'open above', '125', 'open']);
    const nul = rows.find((r) => r.fact_id === 'd-openai-ps-null')!;
    expect([nul.value, nul.value_text, nul.bound]).toEqual([null, 'none', 'interval']);
    expect(rows.find((r) => r.fact_id === 'd-openai-ps-undefined')).toBeUndefined();
    expect(spec.description).toContain('Not drawn (no interval): d-openai-ps-undefined.');
    // Zhipu's 125 tops the panel
    expect(spec.vconcat[1].encoding.y.sort[0]).toBe('Zhipu AI (market cap 2026-01 / annualized revenue 2024)');
  });

  it('valuations tooltips show an open bound as open, not as the value', () => {
    const rows = rowsOf(CHARTS[3].build(chartFixtureContext()) as AnyObj);
    const zhipu = rows.find((r) => r.fact_id === 'a-zhipu-market-cap')!;
    // 超3000亿港元 = 3e11 HKD * 0.125 = 37.5 USD bn, no upper bound
    expect([zhipu.lo, zhipu.hi, zhipu.low_text, zhipu.high_text]).toEqual([37.5, null, '37.5', 'open']);
    const tooltip = (CHARTS[3].build(chartFixtureContext()) as AnyObj).vconcat[0].layer.at(-1).encoding.tooltip.map((t: AnyObj) => [t.field, t.type]);
    expect(tooltip).toContainEqual(['low_text', 'nominal']);
    expect(tooltip).toContainEqual(['high_text', 'nominal']);
    expect(tooltip).toContainEqual(['value_text', 'nominal']);
  });

  it('listed-peers orders periods by their end and gives each company its own periods', () => {
    const ctx = chartFixtureContext();
    const h1 = ctx.facts.find((f) => f.id === 'b-zhipu-revenue-2025h1')!;
    ctx.facts.push({ ...h1, id: 'x-zhipu-net-loss-2025-9m', metric: 'net_loss', quantity: '23.58亿元', value: 2.358e9, low: 2.358e9, high: 2.358e9, period_end: '2025-09-30' });
    const spec = CHARTS[4].build(ctx) as AnyObj;
    // H1 ends 2025-06-30, 9M ends 2025-09-30: H1 first (by name, '2025 9M' < '2025 H1')
    expect(spec.spec.encoding.x.sort).toEqual(['2024', '2025 H1', '2025 9M']);
    expect(spec.resolve.scale.x).toBe('independent');
    expect(spec.resolve.scale.xOffset).toBe('independent');
  });

  it('listed-peers draws one bar per period and measure, and outlines figures of an audit conflict', () => {
    const ctx = chartFixtureContext();
    const h1 = ctx.facts.find((f) => f.id === 'b-zhipu-revenue-2025h1')!;
    const mm = ctx.facts.find((f) => f.id === 'b-minimax-revenue-2024')!;
    ctx.facts.push(
      // one loss printed for 9M by one article and for H1 by another
      { ...h1, id: 'x-zhipu-net-loss-2025-9m', metric: 'net_loss', quantity: '23.58亿元', value: 2.358e9, low: 2.358e9, high: 2.358e9, period_end: '2025-09-30', source: 'src-a' },
      { ...h1, id: 'x-zhipu-net-loss-2025-h1', metric: 'net_loss', quantity: '23.58亿元', value: 2.358e9, low: 2.358e9, high: 2.358e9 },
      // one revenue reported by two articles
      { ...mm, id: 'x-minimax-revenue-2025-9m-a', quantity: '5000万美元', value: 5e7, low: 5e7, high: 5e7, period_start: '2025-01-01', period_end: '2025-09-30', source: 'src-a' },
      { ...mm, id: 'x-minimax-revenue-2025-9m-b', quantity: '5000萬美元', value: 5e7, low: 5e7, high: 5e7, period_start: '2025-01-01', period_end: '2025-09-30' },
    );
    ctx.findings.push({ ...ctx.findings.find((f) => f.id === 'conflict-1')!, id: 'conflict-zhipu-loss', inputs: ['x-zhipu-net-loss-2025-9m', 'x-zhipu-net-loss-2025-h1'], message: 'same loss, two periods' });
    const spec = CHARTS[4].build(ctx) as AnyObj;
    const rows = rowsOf(spec);
    const rev = rows.filter((r) => r.entity === 'minimax' && r.measure === 'revenue' && r.period === '2025 9M');
    // 350 = 5e7 USD * 7 / 1e6, drawn once, both reports in the tooltip
    expect(rev.map((r) => [r.value, r.reports, r.fact_id])).toEqual([[350, 2, 'x-minimax-revenue-2025-9m-a, x-minimax-revenue-2025-9m-b']]);
    const flagged = rows.filter((r) => r.flag !== null).map((r) => `${r.label} ${r.measure} ${r.period}`).sort();
    expect(flagged).toEqual(['Zhipu AI net loss 2025 9M', 'Zhipu AI net loss 2025 H1']);
    expect(rows.find((r) => r.fact_id === 'x-zhipu-net-loss-2025-h1')!.audit).toBe('conflict warn: conflict-zhipu-loss: same loss, two periods');
    const outline = spec.spec.layer.at(-1);
    expect(outline.transform).toEqual([{ filter: 'datum.flag !== null' }]);
    expect(outline.encoding.stroke.scale.range).toEqual(['#d62728']);
  });

  it('deployments measures a fact only against a target of the same metric and leaves ranks off the count axis', () => {
    const ctx = chartFixtureContext();
    const geely = ctx.facts.find((f) => f.id === 'a-geely-vehicles-with-model')!;
    ctx.facts.push(
      { ...geely, id: 'x-stepfun-vehicles-target', entity: 'stepfun', quantity: '百万辆', value: 1e6, low: 1e6, high: 1e6, qualifier: 'target' },
      { ...geely, id: 'x-geely-vehicle-sales', metric: 'vehicle_sales', quantity: '近4万辆' },
      { ...geely, id: 'x-hunyuan-rank', entity: 'hunyuan-a13b', metric: 'hf_trending_rank', quantity: '第二名', value: 2, low: 2, high: 2, qualifier: 'exact', unit: 'rank' },
    );
    const spec = CHARTS[5].build(ctx) as AnyObj;
    const vehicles = spec.vconcat.find((p: AnyObj) => p.title.text.startsWith('Unit: vehicles'));
    const rows = vehicles.data.values as AnyObj[];
    // same metric: nearly 4e4 / 1e6 = nearly 4%
    const withModel = rows.find((r) => r.fact_id === 'a-geely-vehicles-with-model')!;
    expect([withModel.label_text, withModel.goal_value]).toEqual(['nearly 40k = nearly 4% of 1M target', 1e6]);
    // car sales are not vehicles carrying the model: no share, no target mark on the row
    const sales = rows.find((r) => r.fact_id === 'x-geely-vehicle-sales')!;
    expect([sales.label_text, sales.progress, sales.goal, sales.goal_value]).toEqual(['nearly 40k', 'no target for vehicle sales', '', null]);
    const tick = vehicles.layer.find((l: AnyObj) => l.mark.type === 'tick');
    expect([tick.transform, tick.encoding.x.field]).toEqual([[{ filter: 'datum.goal_value !== null' }], 'goal_value']);
    // the rank is in no panel, and named in the subtitle
    expect(spec.vconcat.flatMap((p: AnyObj) => p.data.values).map((r: AnyObj) => r.fact_id)).not.toContain('x-hunyuan-rank');
    expect(spec.description).toContain('Ranks (positions, not drawn): Hunyuan-A13B hf trending rank: 2 (2026-01, x-hunyuan-rank)');
  });

  it('model-sizes orders models and joins counts without the counts whose scale the audit doubts', () => {
    const ctx = chartFixtureContext();
    let spec = CHARTS[1].build(ctx) as AnyObj;
    // both A13B totals (80B, 8000亿) are doubted by the scale-mismatch finding: A13B is placed by the smaller, 80 < Step 3.5 Flash's 200
    expect(spec.encoding.y.sort).toEqual(['Step 3.5 Flash', 'Hunyuan-A13B']);
    const line = spec.layer.find((l: AnyObj) => l.mark.type === 'line');
    expect(line.transform).toEqual([{ filter: 'datum.joined' }]);
    expect(rowsOf(spec).filter((r) => r.doubted).map((r) => r.fact_id).sort())
      .toEqual(['a-hunyuan-a13b-total-parameters', 'a-hunyuan-a13b-total-parameters-table']);
    // every total of A13B is doubted: the smaller (80B, the one the order uses) is still joined to its active count,
    // the 800B is not, so the line does not read as a range from 80 to 800
    const a13b = rowsOf(spec).filter((r) => r.entity === 'hunyuan-a13b');
    expect(a13b.filter((r) => r.joined).map((r) => [r.kind, r.value]).sort()).toEqual([['active', 13], ['total', 80]]);
    // an unflagged 300B total places A13B by it: 300 > 200
    ctx.facts.push({ ...ctx.facts.find((f) => f.id === 'a-hunyuan-a13b-total-parameters')!, id: 'x-hunyuan-a13b-total-clean', quantity: '300B', value: 3e11, low: 3e11, high: 3e11 });
    spec = CHARTS[1].build(ctx) as AnyObj;
    expect(spec.encoding.y.sort).toEqual(['Hunyuan-A13B', 'Step 3.5 Flash']);
  });

  it('model-sizes: a failing claim that uses a count flags it but keeps it on the line and in the order', () => {
    const ctx = fixtureContext();
    ctx.findings.push({
      ...SCALE_FINDING, id: 'claim-largest', kind: 'derivation', rule: 'claim', inputs: ['a-step-3.5-flash-total-parameters'],
      message: 'Step 3.5 Flash is not the largest model',
    });
    const spec = CHARTS[1].build(ctx) as AnyObj;
    const row = rowsOf(spec).find((r) => r.fact_id === 'a-step-3.5-flash-total-parameters')!;
    expect([row.flag, row.doubted, row.audit]).toEqual(['flagged by audit', false, 'flagged by audit (fail): claim-largest']);
    // ordered by its 200B total, above A13B's largest total (8000亿 = 800B is larger, so A13B first)
    expect(spec.encoding.y.sort).toEqual(['Hunyuan-A13B', 'Step 3.5 Flash']);
  });

  it('benchmarks-math: one axis unit, ranks are not scores, legend colours are the bar colours', () => {
    const ctx = chartFixtureContext();
    const base = ctx.facts.find((f) => f.id === 'a-step-3.5-flash-score-aime-2025')!;
    ctx.facts.push(
      { ...base, id: 'x-step-rank-aime', metric: 'rank', quantity: '第一', value: 1, low: 1, high: 1, unit: 'rank' },
      { ...base, id: 'x-step-solved-aime', quantity: '29题', value: 29, low: 29, high: 29, unit: 'count' },
    );
    const spec = CHARTS[0].build(ctx) as AnyObj;
    expect(spec.encoding.x.title).toBe('Score (0-100)');
    const ids = rowsOf(spec).map((r) => r.fact_id);
    expect(ids).not.toContain('x-step-rank-aime');
    expect(ids).not.toContain('x-step-solved-aime');
    expect(spec.description).toContain('Not drawn (score not on a 0-100 scale): x-step-solved-aime (count)');
    const bar = spec.layer[0].encoding;
    // no opacity channel that the legend would not show. Colour = company, ranked by facts in the Observable10 palette:
    // StepFun 15 facts (with its models and the two above) 1st #4269d0; Hunyuan-A13B 4 (its parent is not in the
    // fixture, so it stands for itself) and Zhipu 4, by id: Hunyuan 2nd #efb118; OpenAI 3 facts 4th #6cc5b0.
    // The PaCoRe run is #4269d0 mixed 55% with white:
    // 0x42=66 -> 66 + 189 * 0.55 = 169.95 -> aa; 0x69=105 -> 187.5 -> bc; 0xd0=208 -> 233.85 -> ea
    expect(bar.fillOpacity).toBeUndefined();
    expect(bar.color.scale.domain).toEqual(['Step 3.5 Flash', 'Step 3.5 Flash (PaCoRe)', 'GPT-5.2', 'Hunyuan-A13B']);
    expect(bar.color.scale.range).toEqual(['#4269d0', '#aabcea', '#6cc5b0', '#efb118']);
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
