/**
 * executeNotebooks with `outputDir`: the executed copy and its HTML go to that folder and the
 * project's out/notebooks is not touched (the bench relies on this). Runs a one-cell notebook in
 * a temporary root that borrows this project's node_modules, with the real kernel and nbconvert.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeNotebooks, KERNEL_NAME, notebookPaths, readNotebook } from '../../src/notebooks';
import { itNeedsJupyter } from './jupyterGate';

const ROOT = resolve(__dirname, '..', '..');

describe('executeNotebooks into another folder', () => {
  itNeedsJupyter('writes the executed copy and HTML there, and nothing under out/notebooks', async () => {
    const root = mkdtempSync(join(tmpdir(), 'benchval-nbexec-'));
    mkdirSync(join(root, 'notebooks'));
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    writeFileSync(join(root, 'notebooks', '01-sum.ipynb'), JSON.stringify({
      cells: [{ cell_type: 'code', metadata: {}, source: 'console.log(`sum=${[4, 5].reduce((a, b) => a + b, 0)}`);', outputs: [], execution_count: null }],
      nbformat: 4, nbformat_minor: 5,
      metadata: { kernelspec: { name: KERNEL_NAME, display_name: 'TypeScript (benchval)', language: 'typescript' } },
    }));
    const outputDir = join(root, 'elsewhere');
    const runs = await executeNotebooks({ root, outputDir });
    expect(runs.map((r) => r.problems)).toEqual([[]]);
    expect(runs[0].executed).toBe(join(outputDir, '01-sum.ipynb'));
    expect(runs[0].html).toBe(join(outputDir, '01-sum.html'));
    // 4 + 5 = 9
    expect(readNotebook(join(outputDir, '01-sum.ipynb')).cells[0].outputs?.[0].text).toEqual(['sum=9\n']);
    expect(readFileSync(join(outputDir, '01-sum.html'), 'utf8')).toContain('sum=9');
    expect(existsSync(notebookPaths(root).output)).toBe(false);
  }, 240_000);
});
