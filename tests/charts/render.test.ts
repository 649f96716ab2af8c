import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARTS, renderSvg, svgToPngAsync } from '../../src/charts';
import { BASE_CHARS, latinFontFiles, latinFontFilesFor } from '../../src/charts/fonts';
import { chartFixtureContext } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'benchval-render-test-'));
const saved = { fonts: process.env.BENCHVAL_FONT_CACHE, render: process.env.BENCHVAL_RENDER_CACHE };
beforeAll(() => {
  process.env.BENCHVAL_FONT_CACHE = join(dir, 'fonts');
  process.env.BENCHVAL_RENDER_CACHE = join(dir, 'render');
});
afterAll(() => {
  for (const [k, v] of [['BENCHVAL_FONT_CACHE', saved.fonts], ['BENCHVAL_RENDER_CACHE', saved.render]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dir, { recursive: true, force: true });
});

const haveFonts = latinFontFiles().length > 0;

describe.skipIf(!haveFonts)('font subsets', () => {
  it('are a fraction of the full files, built once, and give the same PNG', async () => {
    const [a, b] = await Promise.all([latinFontFilesFor('MiniMax 25.0x'), latinFontFilesFor('StepFun ≥ 704x')]);
    expect(a).toEqual(b); // only base characters: one subset per font, shared
    for (const [i, f] of a.entries()) {
      expect(f.startsWith(join(dir, 'fonts'))).toBe(true);
      expect(statSync(f).size).toBeLessThan(statSync(latinFontFiles()[i]).size / 5);
    }
    expect(BASE_CHARS).toContain('≥');
    const [c] = await latinFontFilesFor('Zürich'); // ü is beyond the base set: another subset
    expect(c).not.toBe(a[0]);
  });
});

describe('render cache', () => {
  it('an identical spec returns the cached SVG and PNG; the bytes do not change', async () => {
    const spec = CHARTS[6].build(chartFixtureContext());
    const fresh = await renderSvg(spec, { name: 'audit-summary' });
    const first = await renderSvg(spec, { name: 'audit-summary', cache: true });
    expect(first.svg).toBe(fresh.svg);
    expect(readdirSync(join(dir, 'render')).filter((n) => n.endsWith('.svg'))).toHaveLength(1);
    const again = await renderSvg(spec, { name: 'audit-summary', cache: true });
    expect(again.svg).toBe(fresh.svg);
    const png = await svgToPngAsync(fresh.svg, 1.5, { cache: true });
    expect((await svgToPngAsync(fresh.svg, 1.5, { cache: true })).equals(png)).toBe(true);
    expect((await svgToPngAsync(fresh.svg)).equals(png)).toBe(true);
    expect(readdirSync(join(dir, 'render')).filter((n) => n.endsWith('.png'))).toHaveLength(1);
  }, 30000);
});
