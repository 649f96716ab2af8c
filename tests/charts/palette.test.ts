import { describe, expect, it } from 'vitest';
import { CHARTS, renderSvg } from '../../src/charts';
import { loadReportData } from '../../src/report/load';
import { rateName } from '../../src/charts/fx';
import { CATEGORICAL, companyOf, entityColor, entityColorScale } from '../../src/charts/palette';
import { chartCaption, SUBTITLE_MAX_CHARS } from '../../src/charts/spec';
import { chartFixtureContext } from './fixtures';

type AnyObj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** label -> colour of every colour scale whose field names an entity (label or series) */
function entityColours(spec: AnyObj): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (s: unknown) => {
    if (Array.isArray(s)) s.forEach(walk);
    else if (s && typeof s === 'object') {
      const o = s as AnyObj;
      const c = o.encoding?.color;
      if (c && (c.field === 'label' || c.field === 'series') && Array.isArray(c.scale?.domain)) {
        c.scale.domain.forEach((d: string, i: number) => out.set(d, c.scale.range[i]));
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(spec);
  return out;
}

describe('palette', () => {
  it('gives a model its company\'s colour, each company its place in the palette', () => {
    const ctx = chartFixtureContext();
    // companies ranked by facts (models count for their company): StepFun 13, Hunyuan-A13B 4 and Zhipu 4 (by id),
    // OpenAI 3 (2 + GPT-5.2's 1) -> palette colours 1 and 4
    expect(companyOf(ctx, 'step-3.5-flash')).toBe('stepfun');
    expect(entityColor(ctx, 'stepfun')).toBe(CATEGORICAL[0]);
    expect(entityColor(ctx, 'step-3.5-flash')).toBe(CATEGORICAL[0]);
    expect(entityColor(ctx, 'gpt-5.2')).toBe(CATEGORICAL[3]);
    expect(entityColorScale(ctx, [['StepFun', 'stepfun'], ['OpenAI', 'openai'], ['StepFun', 'stepfun']]))
      .toEqual({ domain: ['StepFun', 'OpenAI'], range: [CATEGORICAL[0], CATEGORICAL[3]] });
  });

  it('draws a company in the same colour in every chart', () => {
    const ctx = chartFixtureContext();
    const seen = new Map<string, string>();
    let compared = 0;
    for (const c of CHARTS) {
      for (const [label, colour] of entityColours(c.build(ctx))) {
        // a variant run is a tint of its model's colour: only base series are compared
        if (label.includes('(')) continue;
        const before = seen.get(label);
        if (before) {
          compared++;
          expect(colour, `${label} in ${c.name}`).toBe(before);
        }
        seen.set(label, colour);
      }
    }
    // StepFun appears in the funding and valuations charts at least
    expect(compared).toBeGreaterThan(0);
    expect(seen.get('StepFun')).toBe(CATEGORICAL[0]);
  });
});

describe('titles and captions', () => {
  it('keeps every subtitle to two short lines and moves the method notes to the caption', () => {
    const ctx = chartFixtureContext();
    for (const c of CHARTS) {
      const spec = c.build(ctx) as AnyObj;
      expect(spec.title.subtitle.length, c.name).toBeLessThanOrEqual(2);
      for (const line of spec.title.subtitle) expect(line.length, `${c.name}: ${line}`).toBeLessThanOrEqual(SUBTITLE_MAX_CHARS);
      // the caption starts with the title and ends with the full source list
      const caption = chartCaption(spec);
      expect(caption.startsWith(`${spec.title.text}.`), c.name).toBe(true);
      expect(caption, c.name).toMatch(/Sources: .*\(src-[ab]\)\.$/);
    }
  });

  it('names an FX rate by its quote, value and date', () => {
    // 7 CNY per USD: USD/CNY 7.00; 0.128 USD per HKD: HKD/USD 0.128
    expect(rateName({ value: 7, unit: 'CNY/USD', as_of: '2026-01' }, 'usd-cny-2026-01')).toBe('USD/CNY 7.00 (2026-01)');
    expect(rateName({ value: 0.128, unit: 'USD/HKD', as_of: '2026-01' }, 'hkd-usd-2026-01')).toBe('HKD/USD 0.128 (2026-01)');
    expect(rateName(undefined, 'missing-rate')).toBe('missing-rate');
  });
});

describe('plot area', () => {
  /** the widest plot of a spec (a facet's columns side by side) over the rendered chart's width */
  async function share(spec: AnyObj, name: string): Promise<number> {
    const { svg } = await renderSvg(spec as never, { name });
    const total = Number(/<svg[^>]*width="([\d.]+)"/.exec(svg)![1]);
    const widths: number[] = [];
    const walk = (s: AnyObj) => {
      if (typeof s.width === 'number') widths.push(s.width);
      for (const k of ['vconcat', 'hconcat']) if (Array.isArray(s[k])) s[k].forEach(walk);
      if (s.spec) walk(s.spec);
    };
    walk(spec);
    const columns = spec.facet ? new Set((spec.data.values as AnyObj[]).map((r) => r[spec.facet.column.field])).size : 1;
    return Math.max(...widths) * columns / total;
  }

  it('takes at least 60% of every chart\'s width, on the fixture and on the committed data', async () => {
    for (const ctx of [chartFixtureContext(), loadReportData({})]) {
      for (const c of CHARTS) expect(await share(c.build(ctx) as AnyObj, c.name), c.name).toBeGreaterThanOrEqual(0.6);
    }
  }, 60_000);
});

describe('one mark per event', () => {
  it('valuations: two articles reporting one valuation are one row with both reports', () => {
    const ctx = chartFixtureContext();
    const base = ctx.facts.find((f) => f.id === 'a-stepfun-valuation')!;
    // the same 210-280亿元 post-money valuation, printed again by the second article in the same month
    ctx.facts.push({ ...base, id: 'x-stepfun-valuation-again', source: 'src-b', as_of: '2026-01-30' });
    const spec = CHARTS.find((c) => c.name === 'valuations')!.build(ctx) as AnyObj;
    const rows = (spec.vconcat[0].data.values as AnyObj[]).filter((r) => r.entity === 'stepfun');
    expect(rows).toHaveLength(1);
    // 2.1e10 CNY / 7 = 3e9 USD -> 3 bn; 2.8e10 / 7 -> 4; both reports state 2.45e10 -> 3.5
    expect([rows[0].lo, rows[0].value, rows[0].hi, rows[0].reports]).toEqual([3, 3.5, 4, 2]);
    expect(rows[0].fact_id).toBe('a-stepfun-valuation, x-stepfun-valuation-again');
  });

  it('deployments: a stated range is a bar to its low end and a rule to its high end, not a bar to the high end', () => {
    const ctx = chartFixtureContext();
    const base = ctx.facts.find((f) => f.id === 'a-stepfun-installs')!;
    ctx.facts.push({ ...base, id: 'x-stepfun-installs-range', quantity: '3000-5000万台', value: 4e7, low: 3e7, high: 5e7, qualifier: 'range', as_of: '2025-11' });
    const panel = (CHARTS.find((c) => c.name === 'deployments')!.build(ctx) as AnyObj).vconcat[0];
    const r = (panel.data.values as AnyObj[]).find((x) => x.fact_id === 'x-stepfun-installs-range')!;
    expect([r.value, r.lo, r.hi, r.bound]).toEqual([3e7, 3e7, 5e7, 'interval']);
    const rule = panel.layer.find((l: AnyObj) => l.mark.type === 'rule' && l.transform[0].filter === "datum.bound === 'interval'");
    expect([rule.encoding.x.field, rule.encoding.x2.field]).toEqual(['lo', 'hi']);
  });
});
