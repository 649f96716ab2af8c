import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clearNotebook, dirtyCells, formatProblem, Notebook, notebookProblems, outputText, readNotebook, SKIPPED_TAG, summarizeError,
} from '../../src/notebooks';

function executed(): Notebook {
  return {
    nbformat: 4, nbformat_minor: 5, metadata: {},
    cells: [
      { cell_type: 'markdown', metadata: {}, source: '# title' },
      { cell_type: 'code', metadata: { execution: { 'shell.execute_reply': 't' } }, source: ['const a = 1;\n', 'console.log(a)'], execution_count: 1,
        outputs: [{ output_type: 'stream', name: 'stdout', text: ['1\n'] }] },
      { cell_type: 'code', metadata: {}, source: "\nconst b: number = 'x';", execution_count: 2,
        outputs: [{ output_type: 'error', ename: 'CellError', evalue: "1:7 - Type 'string' is not assignable to type 'number'.", traceback: [] }] },
      { cell_type: 'code', metadata: { tags: [SKIPPED_TAG] }, source: 'console.log(3)', execution_count: null, outputs: [] },
      { cell_type: 'code', metadata: {}, source: '   ', execution_count: null, outputs: [] },
    ],
  };
}

describe('notebookProblems', () => {
  it('names the failing cell (1-based over all cells) and the cells skipped after it', () => {
    const problems = notebookProblems(executed(), '03-x.ipynb');
    expect(problems).toEqual([
      { notebook: '03-x.ipynb', cell: 3, kind: 'error', firstLine: "const b: number = 'x';", message: "CellError: 1:7 - Type 'string' is not assignable to type 'number'." },
      { notebook: '03-x.ipynb', cell: 4, kind: 'not-run', firstLine: 'console.log(3)', message: 'not run because an earlier cell failed' },
    ]);
    expect(formatProblem(problems[0])).toBe("notebooks/03-x.ipynb cell 3 (const b: number = 'x';): CellError: 1:7 - Type 'string' is not assignable to type 'number'.");
  });

  it('reports a code cell without execution count that was not skipped', () => {
    const nb = executed();
    nb.cells[3].metadata = {};
    expect(notebookProblems(nb, 'a.ipynb')[1].message).toBe('has no execution count (not executed)');
  });
});

describe('summarizeError', () => {
  it('keeps the Error line and drops stack frames of the evaluation machinery', () => {
    const msg = "evalmachine.<anonymous>:5\nthrow new Error('boom');\n^\n\nError: boom\n    at evalmachine.<anonymous>:5:7\n    at Script.runInThisContext (node:vm:135:14)";
    expect(summarizeError(msg)).toBe('Error: boom');
  });
  it('keeps compiler diagnostics', () => {
    expect(summarizeError('2:1 - Cannot find name \'x\'.\n3:4 - Expected 1 arguments, but got 0.'))
      .toBe("2:1 - Cannot find name 'x'. | 3:4 - Expected 1 arguments, but got 0.");
  });
});

describe('clean notebooks', () => {
  it('lists what makes a notebook dirty and clears it', () => {
    const nb = executed();
    expect(dirtyCells(nb)).toEqual([
      'cell 2 has outputs', 'cell 2 has an execution count', 'cell 2 has execution timing metadata',
      'cell 3 has outputs', 'cell 3 has an execution count',
    ]);
    expect(clearNotebook(nb)).toBe(true);
    expect(dirtyCells(nb)).toEqual([]);
    expect(nb.cells[3].metadata.tags).toBeUndefined();
    expect(clearNotebook(nb)).toBe(false);
  });

  it('collects output text in order', () => {
    expect(outputText(executed())).toBe("1\n\nCellError: 1:7 - Type 'string' is not assignable to type 'number'.");
  });
});

describe('readNotebook', () => {
  it('names the file when the JSON is broken or not a notebook', () => {
    const dir = mkdtempSync(join(tmpdir(), 'benchval-nb-'));
    writeFileSync(join(dir, 'bad.ipynb'), '{"cells": [');
    writeFileSync(join(dir, 'old.ipynb'), '{"cells": [], "nbformat": 3}');
    expect(() => readNotebook(join(dir, 'bad.ipynb'))).toThrow(/bad\.ipynb: not valid JSON/);
    expect(() => readNotebook(join(dir, 'old.ipynb'))).toThrow(/old\.ipynb: not an nbformat 4 notebook/);
  });
});
