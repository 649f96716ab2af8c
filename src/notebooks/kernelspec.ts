/**
 * Project-local Jupyter kernelspec for tslab. Nothing is installed globally: the spec lives under
 * `out/jupyter/kernels/<name>/` and Jupyter finds it through the JUPYTER_PATH environment variable.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { notebookPaths } from './paths';

export const KERNEL_NAME = 'benchval-tslab';
export const KERNEL_DISPLAY_NAME = 'TypeScript (benchval)';

export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  interrupt_mode?: string;
}

export interface InstalledKernel {
  name: string;
  /** folder holding kernel.json */
  dir: string;
  file: string;
  /** value to put into JUPYTER_PATH */
  jupyterPath: string;
  spec: KernelSpec;
  /** false when an identical kernel.json was already in place */
  written: boolean;
}

/** Absolute path of the tslab launcher installed with the project's dependencies. */
export function tslabBinary(root: string): string {
  return join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tslab.cmd' : 'tslab');
}

export function kernelSpec(root: string): KernelSpec {
  return {
    argv: [tslabBinary(root), 'kernel', '--config-path', '{connection_file}'],
    display_name: KERNEL_DISPLAY_NAME,
    language: 'typescript',
  };
}

/** Writes (or refreshes) `kernel.json`; throws when tslab is not installed in node_modules. */
export function installKernelSpec(root: string = notebookPaths().root): InstalledKernel {
  const bin = tslabBinary(root);
  if (!existsSync(bin)) {
    throw new Error(`tslab launcher not found at ${bin}; run \`npm ci\` in ${root} first`);
  }
  const jupyterPath = notebookPaths(root).jupyter;
  const dir = join(jupyterPath, 'kernels', KERNEL_NAME);
  const file = join(dir, 'kernel.json');
  const spec = kernelSpec(root);
  const text = JSON.stringify(spec, null, 2) + '\n';
  const written = !existsSync(file) || readFileSync(file, 'utf8') !== text;
  if (written) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
  }
  return { name: KERNEL_NAME, dir, file, jupyterPath, spec, written };
}

/** JUPYTER_PATH with the project-local data dir first, keeping any value already set. */
export function jupyterPathEnv(jupyterPath: string, current: string | undefined = process.env.JUPYTER_PATH): string {
  const parts = (current ?? '').split(process.platform === 'win32' ? ';' : ':').filter((p) => p && p !== jupyterPath);
  return [jupyterPath, ...parts].join(process.platform === 'win32' ? ';' : ':');
}
