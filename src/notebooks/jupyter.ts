/** Locating the Jupyter command line used to execute notebooks headless. */
import { spawnSync } from 'node:child_process';

export const JUPYTER_APT_PACKAGES = ['jupyter-nbconvert', 'python3-nbclient', 'jupyter-client'] as const;

export const JUPYTER_INSTALL_HINT = [
  'Jupyter (nbconvert + nbclient) is needed to execute the notebooks headless. On Debian/Ubuntu:',
  `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${JUPYTER_APT_PACKAGES.join(' ')}`,
  'or with pip: python3 -m pip install nbconvert nbclient jupyter_client',
  'Set BENCHVAL_JUPYTER to the `jupyter` executable if it is not on PATH.',
].join('\n');

export interface JupyterInfo {
  command: string;
  nbconvertVersion: string;
}

/** The `jupyter` command (BENCHVAL_JUPYTER or PATH) when `jupyter nbconvert --version` works, else null. */
export function findJupyter(env: NodeJS.ProcessEnv = process.env): JupyterInfo | null {
  const command = env.BENCHVAL_JUPYTER || 'jupyter';
  const r = spawnSync(command, ['nbconvert', '--version'], { encoding: 'utf8', env });
  if (r.error || r.status !== 0) return null;
  return { command, nbconvertVersion: r.stdout.trim() };
}
