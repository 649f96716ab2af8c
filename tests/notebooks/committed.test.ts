/** The committed notebooks: the expected set, stored clean, on the project kernel, importing the built library. */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dirtyCells, joinText, KERNEL_NAME, listNotebooks, notebookPaths, readNotebook } from '../../src/notebooks';

const EXPECTED = [
  '01-data-tour.ipynb', '02-benchmarks.ipynb', '03-funding-and-valuation.ipynb',
  '04-listed-peers.ipynb', '05-deployment.ipynb', '06-claims-audit.ipynb',
];
const files = listNotebooks(notebookPaths().notebooks);

describe('committed notebooks', () => {
  it('are the six analysis notebooks, in order', () => {
    expect(files.map((f) => basename(f))).toEqual(EXPECTED);
  });

  for (const file of files) {
    const name = basename(file);
    const nb = readNotebook(file);
    const code = nb.cells.filter((c) => c.cell_type === 'code').map((c) => joinText(c.source));

    it(`${name} is stored without outputs or execution counts`, () => {
      expect(dirtyCells(nb)).toEqual([]);
    });

    it(`${name} uses the project kernel and starts with a markdown cell stating its question`, () => {
      expect(nb.metadata.kernelspec?.name).toBe(KERNEL_NAME);
      expect(nb.cells[0].cell_type).toBe('markdown');
      expect(joinText(nb.cells[0].source)).toMatch(/\*\*Questions?:\*\*/);
    });

    it(`${name} imports only the built library (tslab cannot compile ../src)`, () => {
      const imports = code.flatMap((c) => [...c.matchAll(/from\s+'([^']+)'|require\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]));
      expect(imports.length).toBeGreaterThan(0);
      for (const i of imports) expect(i).toMatch(/^\.\.\/dist(\/notebooks)?$/);
    });

    it(`${name} draws at least one chart`, () => {
      expect(code.some((c) => /nb\.show(Project)?Chart\(/.test(c))).toBe(true);
    });
  }

  it('03 and 06 expose the FX override the README describes', () => {
    for (const n of ['03-funding-and-valuation.ipynb', '06-claims-audit.ipynb']) {
      const nb = readNotebook(files.find((f) => basename(f) === n) as string);
      const text = nb.cells.map((c) => joinText(c.source)).join('\n');
      expect(text).toContain('const FX_OVERRIDES: Record<string, number> = {};');
      expect(text).toContain("'usd-cny-2026-01'");
    }
  });
});
