/**
 * Tests that execute notebooks need Jupyter. When it is missing they fail with the install hint,
 * unless BENCHVAL_SKIP_NOTEBOOKS=1 asks explicitly to skip them.
 */
import { it } from 'vitest';
import { findJupyter, JUPYTER_INSTALL_HINT } from '../../src/notebooks';

export type JupyterGate = 'available' | 'skip' | 'missing';

export function jupyterGate(): JupyterGate {
  if (process.env.BENCHVAL_SKIP_NOTEBOOKS === '1') return 'skip';
  return findJupyter() ? 'available' : 'missing';
}

export const MISSING_MESSAGE = `notebook tests need jupyter (set BENCHVAL_SKIP_NOTEBOOKS=1 to skip them explicitly).\n${JUPYTER_INSTALL_HINT}`;

/**
 * A test that needs Jupyter: runs when it is available, is skipped under
 * BENCHVAL_SKIP_NOTEBOOKS=1, and fails with the install hint when Jupyter is missing.
 */
export function itNeedsJupyter(name: string, fn: () => unknown, timeout?: number): void {
  const gate = jupyterGate();
  if (gate === 'missing') {
    it(name, () => { throw new Error(MISSING_MESSAGE); });
    return;
  }
  it.skipIf(gate === 'skip')(name, fn, timeout);
}
