import { describe, expect, it } from 'vitest';
import { CHARTS, renderSvg } from '../../src/charts';
import { boundText, factRow, factTooltip, statedBounds } from '../../src/charts/spec';
import { chartFixtureContext } from './fixtures';

describe('chart rows and tooltips', () => {
  it('keeps an open side of a fact open instead of filling it with the value', () => {
    const ctx = chartFixtureContext();
    const row = (id: string, scale = 1, factor = 1) => factRow(ctx as never, ctx.facts.find((f) => f.id === id)!, scale, factor);
    // 超50亿元: low 5e9, no high -> 5 (CNY bn) and open
    const over = row('a-stepfun-funding-amount-b-plus', 1e9);
    expect([over.lo, over.hi, over.low_text, over.high_text, over.bound]).toEqual([5, null, '5', 'open', 'open above']);
    // 近4万辆: no low, high 4e4 -> open and 40,000
    const nearly = row('a-geely-vehicles-with-model');
    expect([nearly.lo, nearly.hi, nearly.low_text, nearly.high_text, nearly.bound]).toEqual([null, 40000, 'open', '40,000', 'open below']);
    // 210-280亿元 / 7 CNY per USD / 1e9: 3 and 4, value 3.5
    const range = row('a-stepfun-valuation', 1e9, 1 / 7);
    expect([range.lo, range.value, range.hi, range.value_text, range.low_text, range.high_text]).toEqual([3, 3.5, 4, '3.5', '3', '4']);
  });

  it('reads a qualifier that opens a side the quantity closes', () => {
    // 突破3000亿 parsed with both bounds but marked over: the top is open
    expect(statedBounds({ value: 3e11, low: 3e11, high: 3e11, qualifier: 'over' })).toEqual({ low: 3e11, high: null });
    expect(statedBounds({ value: 8, low: null, high: null, qualifier: 'exact' })).toEqual({ low: 8, high: 8 });
  });

  it('writes bounds with 4 significant digits, open when missing', () => {
    // 703.664921466 -> 703.7; 1234567 -> 1,235,000
    expect([boundText(703.664921466), boundText(1234567), boundText(null), boundText(Infinity)]).toEqual(['703.7', '1,235,000', 'open', 'open']);
  });

  it('tooltips show the value and bounds as text, so a missing one is not drawn as 0', () => {
    const fields = factTooltip('amount', 'CNY bn').map((t) => [t.field, t.type, t.title]);
    expect(fields.slice(0, 4)).toEqual([
      ['label', 'nominal', 'entity'], ['value_text', 'nominal', 'amount'], ['low_text', 'nominal', 'low (CNY bn)'], ['high_text', 'nominal', 'high (CNY bn)'],
    ]);
    expect(factTooltip('score').map((t) => t.field)).not.toContain('low_text');
  });
});

describe('legend labels', () => {
  it('draws a long entity name in full in the rendered SVG', async () => {
    const ctx = chartFixtureContext();
    // 30 characters: the renderer estimates 30 x 0.8 x 11px = 264px, more than a 260px limit
    const long = 'Chinese mid-tier LLM companies';
    // the benchmarks chart lists its models in a legend (the valuations chart names entities in its row labels)
    ctx.entities.find((e) => e.id === 'gpt-5.2')!.name_en = long;
    const benchmarks = CHARTS.find((c) => c.name === 'benchmarks-math')!;
    const { svg } = await renderSvg(benchmarks.build(ctx) as never, { name: 'benchmarks-math' });
    const drawn = [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]);
    expect(drawn).toContain(long);
    expect(drawn.filter((t) => t.includes('…'))).toEqual([]);
  });
});
