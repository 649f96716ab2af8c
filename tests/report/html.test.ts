import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, safeExternalUrl } from '../../src/report/html';

describe('escapeHtml', () => {
  it('escapes a script tag', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('escapes quotes and ampersands for attributes', () => {
    expect(escapeHtml(`" onmouseover='x' &amp;`)).toBe('&quot; onmouseover=&#39;x&#39; &amp;amp;');
  });

  it('writes null and undefined as empty text and numbers as text', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(5)).toBe('5');
  });
});

describe('jsonForScript', () => {
  it('cannot close a script element or open a comment', () => {
    const out = jsonForScript({ a: '</script><!-- <b>&' });
    expect(out).not.toMatch(/<|>|&/);
    expect(out).toBe('{"a":"\\u003c/script\\u003e\\u003c!-- \\u003cb\\u003e\\u0026"}');
  });

  it('round-trips through JSON.parse', () => {
    const value = { s: '</SCRIPT>\u2028<!--', n: -5.2, list: [1, null] };
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
  });
});

describe('safeExternalUrl', () => {
  it('keeps http(s) URLs only', () => {
    expect(safeExternalUrl('https://www.qbitai.com/2026/02/382747.html')).toBe('https://www.qbitai.com/2026/02/382747.html');
    expect(safeExternalUrl('javascript:alert(1)')).toBeNull();
    expect(safeExternalUrl('https://x.com/"onclick="y')).toBeNull();
    expect(safeExternalUrl(null)).toBeNull();
  });
});
