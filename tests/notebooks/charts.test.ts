import { describe, expect, it } from 'vitest';
import { captionBundle, showChart } from '../../src/notebooks/charts';
import type { MimeBundle } from '../../src/notebooks/display';

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  title: 'Two bars',
  description: 'Two bars. Bar = amount; the <b> tag stays text. Sources: Outlet A (src-a).',
  data: { values: [{ k: 'a', v: 1 }, { k: 'b', v: 2 }] },
  mark: 'bar',
  encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } },
} as const;

describe('showChart', () => {
  it('displays the chart, then its caption under it', async () => {
    const out: MimeBundle[] = [];
    await showChart(spec as never, { sink: (b) => out.push(b), name: 'two bars' });
    expect(out).toHaveLength(2);
    expect(Object.keys(out[0])).toContain('image/svg+xml');
    expect(out[1]['text/plain']).toBe(spec.description);
    expect(out[1]['text/html']).toContain('the &lt;b&gt; tag stays text');
  });

  it('leaves the caption out on request, and when the spec has none', async () => {
    const out: MimeBundle[] = [];
    await showChart(spec as never, { sink: (b) => out.push(b), caption: false });
    const { description: _, ...bare } = spec;
    await showChart(bare as never, { sink: (b) => out.push(b) });
    expect(out).toHaveLength(2);
    expect(out.every((b) => 'image/svg+xml' in b)).toBe(true);
  });

  it('writes the caption as escaped HTML and as text', () => {
    expect(captionBundle('a < b')).toEqual({ 'text/html': expect.stringContaining('a &lt; b</p>'), 'text/plain': 'a < b' });
  });
});
