import { describe, expect, it } from 'vitest';
import { escapeCommentOpeners, readTableStyle, readVendorScripts, VENDOR_SCRIPTS } from '../../src/report/assets';

describe('inlined browser builds', () => {
  it('writes <!-- so the HTML parser sees no comment opener, and JavaScript reads the same pattern', () => {
    const code = 'var r = /a|<!--(?:.|\\n)*?-->/g; var s = "<!--";';
    const escaped = escapeCommentOpeners(code);
    expect(escaped).not.toContain('<!--');
    // evaluated, the escaped code gives the same regular expression behaviour and the same string
    const run = (src: string) => new Function(`${src}; return [r.test('x <!-- y -->'), s];`)() as [boolean, string];
    expect(run(escaped)).toEqual(run(code));
    expect(run(escaped)).toEqual([true, '<!--']);
  });

  it('reads vega, vega-lite, vega-embed and simple-datatables, none able to close its script element', () => {
    const scripts = readVendorScripts();
    expect(scripts.map((s) => s.name)).toEqual(VENDOR_SCRIPTS.map((s) => s.name));
    expect(scripts.map((s) => s.name)).toContain('simple-datatables');
    for (const s of scripts) expect(s.code).not.toMatch(/<\/script|<!--/i);
    expect(readTableStyle()).toContain('.datatable-wrapper');
  });
});
