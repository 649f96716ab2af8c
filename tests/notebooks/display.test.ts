import { describe, expect, it } from 'vitest';
import { chartBundle, displayChart, displayTable, MimeBundle, tableBundle, VEGALITE_MIME } from '../../src/notebooks';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>';

describe('chart bundle', () => {
  it('puts the vega-lite spec, the SVG fallback and a text label into one bundle', () => {
    const spec = { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title: 'P/S', mark: 'bar', data: { values: [{ a: 1 }] } };
    const sent: MimeBundle[] = [];
    displayChart({ spec, svg: SVG }, (b) => sent.push(b));
    expect(sent).toHaveLength(1);
    expect(Object.keys(sent[0]).sort()).toEqual([VEGALITE_MIME, 'image/svg+xml', 'text/plain'].sort());
    expect(sent[0][VEGALITE_MIME]).toEqual(spec);
    expect(sent[0][VEGALITE_MIME]).not.toBe(spec); // a JSON copy, not the caller's object
    expect(sent[0]['image/svg+xml']).toBe(SVG);
    expect(sent[0]['text/plain']).toBe('chart: P/S');
  });

  it('rejects a fallback that is not SVG', () => {
    expect(() => chartBundle({ spec: {}, svg: '<png/>' })).toThrow(/svg fallback/);
  });
});

describe('table bundle', () => {
  it('renders a DataFrame-like table as HTML and aligned text', () => {
    const df = { columns: ['id', 'value'], values: [['qb-a', 5e9], ['<b>', null]] };
    const b = tableBundle(df);
    expect(b['text/html']).toContain('<th>id</th><th>value</th>');
    expect(b['text/html']).toContain('<td>5000000000</td>');
    expect(b['text/html']).toContain('<td>&lt;b&gt;</td><td></td>');
    // widths: id column = max(2, 4, 3) = 4; value column = 10 digits
    expect(String(b['text/plain']).split('\n')).toEqual([
      'id    value', '----  ----------', 'qb-a  5000000000', '<b>', '2 rows',
    ]);
  });

  it('counts CJK characters as two columns and truncates to maxRows', () => {
    const rows = [{ name: '阶跃星辰', n: 1 }, { name: 'ab', n: 2 }, { name: 'c', n: 3 }];
    const sent: MimeBundle[] = [];
    displayTable(rows, { maxRows: 2, caption: 'companies' }, (b) => sent.push(b));
    const lines = String(sent[0]['text/plain']).split('\n');
    // 阶跃星辰 = 4 characters x 2 columns = 8
    expect(lines).toEqual(['companies', 'name      n', '--------  -', '阶跃星辰  1', 'ab        2', '... 1 more rows (3 in all)']);
    expect(sent[0]['text/html']).toContain('<caption>companies</caption>');
  });

  it('escapes HTML special characters in cells and caption', () => {
    const b = tableBundle([{ x: 'a<b & "c">' }], { caption: '<P&L>' });
    expect(b['text/html']).toContain('<td>a&lt;b &amp; &quot;c&quot;&gt;</td>');
    expect(b['text/html']).toContain('<caption>&lt;P&amp;L&gt;</caption>');
  });
});
