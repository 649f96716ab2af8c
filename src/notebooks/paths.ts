import { join, resolve } from 'node:path';

/** Folders the notebook tooling reads and writes, all derived from the project root. */
export interface NotebookPaths {
  root: string;
  /** committed notebooks (`notebooks/*.ipynb`, stored without outputs) */
  notebooks: string;
  /** executed copies and HTML renderings */
  output: string;
  /** project-local Jupyter data dir; holds `kernels/<name>/kernel.json` */
  jupyter: string;
}

/** The project root: two levels above this file both in `src/notebooks` and in `dist/notebooks`. */
export function projectRoot(): string {
  return resolve(__dirname, '..', '..');
}

export function notebookPaths(root: string = projectRoot()): NotebookPaths {
  return {
    root,
    notebooks: join(root, 'notebooks'),
    output: join(root, 'out', 'notebooks'),
    jupyter: join(root, 'out', 'jupyter'),
  };
}
