/** `benchval kernel`: writes the project-local tslab kernelspec and prints the JUPYTER_PATH to export. */
import type { Command } from '../main';
import { installKernelSpec, jupyterPathEnv, KERNEL_DISPLAY_NAME, KERNEL_NAME } from '../../notebooks';

export const command: Command = {
  summary: `write the project-local Jupyter kernelspec "${KERNEL_DISPLAY_NAME}" and print JUPYTER_PATH`,
  run(argv) {
    if (argv.includes('-h') || argv.includes('--help')) {
      process.stdout.write([
        'usage: benchval kernel [--path-only]',
        '',
        `Writes out/jupyter/kernels/${KERNEL_NAME}/kernel.json (no global install) and prints the`,
        'JUPYTER_PATH value under which Jupyter finds it. --path-only prints just that value.',
        '',
      ].join('\n'));
      return 0;
    }
    const unknown = argv.filter((a) => a !== '--path-only');
    if (unknown.length > 0) {
      process.stderr.write(`benchval kernel: unknown option ${unknown[0]}\n`);
      return 2;
    }
    const k = installKernelSpec();
    const value = jupyterPathEnv(k.jupyterPath);
    if (argv.includes('--path-only')) {
      process.stdout.write(value + '\n');
      return 0;
    }
    process.stdout.write([
      `${k.written ? 'wrote' : 'up to date'}: ${k.file}`,
      `kernel: ${KERNEL_NAME} ("${KERNEL_DISPLAY_NAME}") -> ${k.spec.argv[0]}`,
      '',
      'Make it visible to Jupyter in this shell, then open the notebooks in JupyterLab or classic Notebook:',
      `  export JUPYTER_PATH=${value}`,
      '  jupyter lab notebooks/          # JupyterLab (pipx install jupyterlab): charts as vega-lite',
      '  jupyter notebook notebooks/     # Debian jupyter-notebook: charts as SVG (add --allow-root as root)',
      '',
    ].join('\n'));
    return 0;
  },
};
