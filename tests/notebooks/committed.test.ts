/** The committed notebooks: the expected set, stored clean, on the project kernel, importing the built library. */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/data';
import { dirtyCells, joinText, KERNEL_NAME, listNotebooks, notebookPaths, readNotebook } from '../../src/notebooks';

const EXPECTED = [
  '01-data-tour.ipynb', '02-benchmarks.ipynb', '03-funding-and-valuation.ipynb',
  '04-listed-peers.ipynb', '05-deployment.ipynb', '06-claims-audit.ipynb', '07-ingest.ipynb', '08-comps.ipynb',
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
  it('are the eight analysis notebooks, in order', () => {
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

  it('03 to 08 take their inputs from a parameters cell (tagged `parameters`) and load their data with them', () => {
    for (const n of ['03-funding-and-valuation.ipynb', '04-listed-peers.ipynb', '05-deployment.ipynb', '06-claims-audit.ipynb', '08-comps.ipynb']) {
      const nb = readNotebook(files.find((f) => basename(f) === n) as string);
      const first = nb.cells.find((c) => c.cell_type === 'code')!;
      expect((first.metadata as { tags?: string[] }).tags, n).toEqual(['parameters']);
      expect(joinText(first.source), n).toMatch(/const P = nb\.parameters\(\{ [^}]*USDCNY: null as number \| null/);
      const code = nb.cells.filter((c) => c.cell_type === 'code').map((c) => joinText(c.source)).join('\n');
      expect(code, n).toMatch(/bv\.open\(\{ fx: P\.USDCNY === null \? \{\} : \{ USDCNY: P\.USDCNY \}|nb\.fxOverrides\(\{ USDCNY: P\.USDCNY \}\)/);
    }
  });

  it('every notebook that converts money reads the USD/CNY parameter, and no data load ignores it', () => {
    for (const file of files) {
      const code = readNotebook(file).cells.filter((c) => c.cell_type === 'code').map((c) => joinText(c.source)).join('\n');
      if (!/convertMoney\(|comps\(|sensitivity\(/.test(code)) continue;
      expect(code, basename(file)).toMatch(/USDCNY: P\.USDCNY/);
      expect(code.match(/notebookData\(\)|bv\.open\(\)/g), basename(file)).toBeNull();
    }
  });

  it('code cells stay short: at most 15 lines', () => {
    for (const file of files) {
      const code = readNotebook(file).cells.filter((c) => c.cell_type === 'code').map((c) => joinText(c.source));
      for (const c of code) expect(c.split('\n').length, `${basename(file)}: ${c.split('\n')[0]}`).toBeLessThanOrEqual(15);
    }
  });

  it('03 computes its FX sensitivity table in at most 5 lines of code', () => {
    const nb = readNotebook(files.find((f) => basename(f).startsWith('03-')) as string);
    const cell = nb.cells.map((c) => joinText(c.source)).find((c) => c.includes('.sensitivity('))!;
    expect(cell.split('\n').filter((l) => l.trim() !== '').length).toBeLessThanOrEqual(5);
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
