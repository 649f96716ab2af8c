/** The committed notebooks: the expected set, stored clean, on the project kernel, importing the built library. */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/data';
import { dirtyCells, joinText, KERNEL_NAME, listNotebooks, notebookPaths, readNotebook } from '../../src/notebooks';

const EXPECTED = [
  '01-data-tour.ipynb', '02-benchmarks.ipynb', '03-funding-and-valuation.ipynb',
  '04-listed-peers.ipynb', '05-deployment.ipynb', '06-claims-audit.ipynb', '07-ingest.ipynb',
];
const files = listNotebooks(notebookPaths().notebooks);

/** Every quoted string in the code: '...', "..." and the literal parts of `...` templates. */
function stringLiterals(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)) {
    const text = m[1] ?? m[2] ?? m[3];
    out.push(...(m[3] !== undefined ? text.split(/\$\{[^}]*\}/) : [text]));
  }
  return out;
}

describe('committed notebooks', () => {
  it('are the seven analysis notebooks, in order', () => {
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

  it('03 to 06 expose the FX override the README describes, in the first code cell, and load their data with it', () => {
    for (const n of ['03-funding-and-valuation.ipynb', '04-listed-peers.ipynb', '05-deployment.ipynb', '06-claims-audit.ipynb']) {
      const nb = readNotebook(files.find((f) => basename(f) === n) as string);
      const first = joinText(nb.cells.find((c) => c.cell_type === 'code')?.source);
      expect(first, n).toContain('const FX_OVERRIDES: Record<string, number> = {};');
      expect(first, n).toContain("'usd-cny-2026-01'");
      expect(first, n).toMatch(/nb\.notebookData\(\{ overrides: FX_OVERRIDES[ ,]/);
    }
  });

  it('every notebook that converts money can take FX overrides', () => {
    for (const file of files) {
      const code = readNotebook(file).cells.filter((c) => c.cell_type === 'code').map((c) => joinText(c.source)).join('\n');
      if (!/convertMoney\(/.test(code)) continue;
      expect(code, basename(file)).toContain('const FX_OVERRIDES: Record<string, number> = {};');
      // no data load without the overrides
      expect(code.match(/notebookData\(\)/g), basename(file)).toBeNull();
    }
  });

  it('select rows by entity, metric and date: no code cell names a fact id or a source id', () => {
    const ds = readDataset();
    const ids = new Set([...ds.facts.map((f) => f.id), ...ds.sources.map((s) => s.id)]);
    // the check sees the ids this data uses (guards against an empty data set)
    expect(ids.has('tmtpost-2026')).toBe(true);
    for (const file of files) {
      const code = readNotebook(file).cells.filter((c) => c.cell_type === 'code').map((c) => joinText(c.source)).join('\n');
      const named = stringLiterals(code).filter((s) => ids.has(s));
      expect(named, basename(file)).toEqual([]);
    }
  });
});
