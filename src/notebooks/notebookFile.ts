/** Reading, checking and cleaning `.ipynb` files (nbformat 4). */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SKIPPED_TAG } from './nbconvertConfig';

export type MultilineText = string | string[];

export interface NotebookOutput {
  output_type: 'stream' | 'display_data' | 'execute_result' | 'error' | string;
  name?: string;
  text?: MultilineText;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
  execution_count?: number | null;
}

export interface NotebookCell {
  cell_type: 'code' | 'markdown' | 'raw';
  id?: string;
  source: MultilineText;
  metadata: Record<string, unknown> & { tags?: string[] };
  outputs?: NotebookOutput[];
  execution_count?: number | null;
}

export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown> & { kernelspec?: { name: string; display_name: string; language?: string } };
  nbformat: number;
  nbformat_minor: number;
}

/** One cell of an executed notebook that did not run cleanly. */
export interface CellProblem {
  notebook: string;
  /** 1-based position among all cells, as counted from the top of the notebook */
  cell: number;
  kind: 'error' | 'not-run';
  /** first line of the cell's source */
  firstLine: string;
  message: string;
}

export function joinText(text: MultilineText | undefined): string {
  if (text === undefined) return '';
  return Array.isArray(text) ? text.join('') : text;
}

export function readNotebook(file: string): Notebook {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read notebook (${(e as Error).message})`);
  }
  let nb: Notebook;
  try {
    nb = JSON.parse(raw) as Notebook;
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (!nb || !Array.isArray(nb.cells) || nb.nbformat !== 4) {
    throw new Error(`${file}: not an nbformat 4 notebook (missing "cells" or nbformat != 4)`);
  }
  return nb;
}

/** Writes a notebook the way Jupyter does (1-space indent, trailing newline). */
export function writeNotebook(file: string, nb: Notebook): void {
  writeFileSync(file, JSON.stringify(nb, null, 1) + '\n');
}

function firstLine(cell: NotebookCell): string {
  const line = joinText(cell.source).split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 80 ? line.slice(0, 77) + '...' : line;
}

/** Error outputs and code cells without an execution count, in cell order. */
export function notebookProblems(nb: Notebook, name: string): CellProblem[] {
  const problems: CellProblem[] = [];
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== 'code' || joinText(cell.source).trim() === '') return;
    const errors = (cell.outputs ?? []).filter((o) => o.output_type === 'error');
    for (const o of errors) {
      problems.push({
        notebook: name, cell: i + 1, kind: 'error', firstLine: firstLine(cell),
        message: `${o.ename ?? 'Error'}: ${o.evalue ?? ''}`.trim(),
      });
    }
    if (errors.length === 0 && (cell.execution_count === null || cell.execution_count === undefined)) {
      const skipped = cell.metadata.tags?.includes(SKIPPED_TAG);
      problems.push({
        notebook: name, cell: i + 1, kind: 'not-run', firstLine: firstLine(cell),
        message: skipped ? 'not run because an earlier cell failed' : 'has no execution count (not executed)',
      });
    }
  });
  return problems;
}

/**
 * The informative lines of a kernel error: compiler diagnostics (`3:7 - ...`) and `Error: ...`
 * lines, without the stack frames of the evaluation machinery.
 */
export function summarizeError(message: string, maxChars = 600): string {
  const lines = message.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const kept = lines.filter((l) => !/^\s+at /.test(l) && !/^evalmachine\.<anonymous>:\d+$/.test(l) && l.trim() !== '^');
  const key = kept.filter((l) => /^(\w+: )?\d+:\d+ - |^\w*(Error|Exception)\b/.test(l));
  const text = (key.length ? key : kept.slice(0, 3)).join(' | ');
  return text.length > maxChars ? text.slice(0, maxChars - 3) + '...' : text;
}

export function formatProblem(p: CellProblem): string {
  const where = p.cell > 0 ? `cell ${p.cell} (${p.firstLine})` : 'execution';
  const named = /^(\w+): ([\s\S]*)$/.exec(p.message);
  const text = named ? `${named[1]}: ${summarizeError(named[2])}` : summarizeError(p.message);
  return `notebooks/${p.notebook} ${where}: ${text}`;
}

/** Text of every output of the notebook's code cells (streams, text/plain, error values), in order. */
export function outputText(nb: Notebook): string {
  const parts: string[] = [];
  for (const cell of nb.cells) {
    for (const o of cell.outputs ?? []) {
      if (o.output_type === 'stream') parts.push(joinText(o.text));
      else if (o.output_type === 'error') parts.push(`${o.ename}: ${o.evalue}`);
      else if (o.data && o.data['text/plain'] !== undefined) parts.push(joinText(o.data['text/plain'] as MultilineText));
    }
  }
  return parts.join('\n');
}

/** Why a committed notebook is not clean (outputs, execution counts, run metadata); empty when clean. */
export function dirtyCells(nb: Notebook): string[] {
  const reasons: string[] = [];
  nb.cells.forEach((cell, i) => {
    if (cell.cell_type !== 'code') return;
    if ((cell.outputs ?? []).length > 0) reasons.push(`cell ${i + 1} has outputs`);
    if (cell.execution_count !== null && cell.execution_count !== undefined) reasons.push(`cell ${i + 1} has an execution count`);
    if (cell.metadata.execution !== undefined) reasons.push(`cell ${i + 1} has execution timing metadata`);
  });
  return reasons;
}

/** Removes outputs, execution counts and run metadata; returns true when something changed. */
export function clearNotebook(nb: Notebook): boolean {
  let changed = false;
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'code') continue;
    if ((cell.outputs ?? []).length > 0) { cell.outputs = []; changed = true; }
    if (cell.outputs === undefined) { cell.outputs = []; changed = true; }
    if (cell.execution_count !== null) { cell.execution_count = null; changed = true; }
    if (cell.metadata.execution !== undefined) { delete cell.metadata.execution; changed = true; }
    if (cell.metadata.tags?.includes(SKIPPED_TAG)) {
      cell.metadata.tags = cell.metadata.tags.filter((t) => t !== SKIPPED_TAG);
      if (cell.metadata.tags.length === 0) delete cell.metadata.tags;
      changed = true;
    }
  }
  return changed;
}

export function notebookName(file: string): string {
  return basename(file);
}
