/**
 * Executes the committed notebooks with the project-local tslab kernel through
 * `jupyter nbconvert --execute`, writes the executed copies and HTML renderings under
 * out/notebooks (or the folder `outputDir` names) and reports every cell that failed or did not run.
 * The HTML uses the project's template (htmlTemplate.ts): self-contained, charts as SVG images.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { writeHtmlTemplate } from './htmlTemplate';
import { findJupyter, JUPYTER_INSTALL_HINT } from './jupyter';
import { installKernelSpec, jupyterPathEnv, KERNEL_NAME } from './kernelspec';
import { writeNbconvertConfig } from './nbconvertConfig';
import { CellProblem, notebookProblems, readNotebook } from './notebookFile';
import { notebookPaths } from './paths';

export const DEFAULT_CELL_TIMEOUT_SECONDS = 120;

/** BENCHVAL_NOTEBOOK_JOBS, else the number of cores. */
function defaultJobs(): number {
  const fromEnv = Number(process.env.BENCHVAL_NOTEBOOK_JOBS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : availableParallelism();
}

export interface ExecuteOptions {
  root?: string;
  /** notebook file names (or name prefixes such as `03`) to run; all when empty */
  only?: string[];
  /** per-cell timeout */
  cellTimeoutSeconds?: number;
  /** also write HTML (default true) */
  html?: boolean;
  /**
   * folder for the executed copies and HTML renderings (default out/notebooks). The copies of
   * the selected notebooks in it are replaced; nothing else in it is touched.
   */
  outputDir?: string;
  /** nbconvert processes at the same time (default: BENCHVAL_NOTEBOOK_JOBS, else the core count) */
  jobs?: number;
  /** progress lines */
  log?: (line: string) => void;
}

export interface NotebookRun {
  notebook: string;
  input: string;
  /** executed copy; null when nbconvert wrote none */
  executed: string | null;
  html: string | null;
  seconds: number;
  problems: CellProblem[];
}

export class JupyterMissingError extends Error {
  constructor() {
    super(`jupyter not found.\n${JUPYTER_INSTALL_HINT}`);
    this.name = 'JupyterMissingError';
  }
}

/** `notebooks/*.ipynb` in file-name order (01-..., 02-...). */
export function listNotebooks(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`notebook folder not found: ${dir}`);
  return readdirSync(dir).filter((f) => f.endsWith('.ipynb')).sort().map((f) => join(dir, f));
}

export function selectNotebooks(files: string[], only: string[] | undefined): string[] {
  if (!only || only.length === 0) return files;
  const picked = files.filter((f) => only.some((o) => basename(f) === o || basename(f).startsWith(o)));
  const unknown = only.filter((o) => !files.some((f) => basename(f) === o || basename(f).startsWith(o)));
  if (unknown.length > 0) {
    throw new Error(`no notebook matches ${unknown.join(', ')}; available: ${files.map((f) => basename(f)).join(', ')}`);
  }
  return picked;
}

interface Proc { status: number | null; stdout: string; stderr: string }

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Proc> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString('utf8'); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (status) => resolveRun({ status, stdout, stderr }));
  });
}

/** The last lines of nbconvert's stderr that explain a failure (timeouts, dead kernel, bad JSON). */
function nbconvertFailure(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('[NbConvertApp]'));
  const cellStart = stderr.indexOf('An error occurred while executing the following cell:');
  if (cellStart >= 0) return stderr.slice(cellStart).trim().split('\n').slice(0, 12).join('\n');
  return lines.slice(-6).join('\n') || `nbconvert failed without a message`;
}

export async function executeNotebooks(opts: ExecuteOptions = {}): Promise<NotebookRun[]> {
  const paths = notebookPaths(opts.root);
  const log = opts.log ?? (() => undefined);
  const jupyter = findJupyter();
  if (!jupyter) throw new JupyterMissingError();
  const kernel = installKernelSpec(paths.root);
  const config = writeNbconvertConfig(paths.jupyter);
  const env = { ...process.env, JUPYTER_PATH: jupyterPathEnv(kernel.jupyterPath) };
  const timeout = opts.cellTimeoutSeconds ?? DEFAULT_CELL_TIMEOUT_SECONDS;
  const files = selectNotebooks(listNotebooks(paths.notebooks), opts.only);
  const output = opts.outputDir ?? paths.output;
  mkdirSync(output, { recursive: true });

  const nbconvert = (inputs: string[]): Promise<Proc> => run(jupyter.command, [
    'nbconvert', '--config', config, '--to', 'notebook', '--execute',
    `--ExecutePreprocessor.kernel_name=${KERNEL_NAME}`,
    `--ExecutePreprocessor.timeout=${timeout}`,
    '--output-dir', output, ...inputs,
  ], env, paths.notebooks);

  const finish = (input: string, proc: Proc, seconds: number): NotebookRun => {
    const name = basename(input);
    const executed = join(output, name);
    const problems: CellProblem[] = [];
    const wrote = existsSync(executed);
    if (proc.status !== 0 || !wrote) {
      problems.push({
        notebook: name, cell: 0, kind: 'error', firstLine: '',
        message: `nbconvert exited with status ${proc.status}: ${nbconvertFailure(proc.stderr)}`,
      });
    }
    if (wrote) problems.push(...notebookProblems(readNotebook(executed), name));
    log(`${problems.length ? 'FAIL' : 'ok  '} ${name} (${seconds.toFixed(1)} s)`);
    return { notebook: name, input, executed: wrote ? executed : null, html: null, seconds, problems };
  };

  for (const input of files) {
    const executed = join(output, basename(input));
    rmSync(executed, { force: true });
    rmSync(executed.replace(/\.ipynb$/, '.html'), { force: true });
  }

  /**
   * One nbconvert process executes a group of notebooks one after the other, so Python and
   * nbconvert start once per group, not once per notebook (about 2 s each). nbconvert stops at
   * the first notebook that fails: the notebooks of the group it wrote no copy for run again
   * one by one, so each failure is reported with its own notebook's error.
   */
  const executeGroup = async (group: string[]): Promise<Array<[string, NotebookRun]>> => {
    const started = process.hrtime.bigint();
    const proc = await nbconvert(group);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (proc.status === 0) return group.map((input) => [input, finish(input, proc, seconds / group.length)]);
    const out: Array<[string, NotebookRun]> = [];
    for (const input of group) {
      if (group.length > 1 && !existsSync(join(output, basename(input)))) {
        const again = process.hrtime.bigint();
        const single = await nbconvert([input]);
        out.push([input, finish(input, single, Number(process.hrtime.bigint() - again) / 1e9)]);
      } else {
        out.push([input, finish(input, group.length > 1 ? { ...proc, status: 0 } : proc, seconds / group.length)]);
      }
    }
    return out;
  };

  // Notebooks are independent (each starts its own kernel): `jobs` groups run at the same time,
  // notebooks dealt to them in turn (1, 3, 5 and 2, 4, 6 with two jobs); reported in file order.
  const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(), files.length));
  const groups: string[][] = Array.from({ length: jobs }, () => []);
  files.forEach((f, i) => groups[i % jobs].push(f));
  const byInput = new Map((await Promise.all(groups.map(executeGroup))).flat());
  const runs: NotebookRun[] = files.map((f) => byInput.get(f)!);

  const written = runs.filter((r) => r.executed !== null);
  if ((opts.html ?? true) && written.length > 0) {
    // charts as self-contained SVG images, no scripts from files Debian does not install (htmlTemplate.ts)
    const template = writeHtmlTemplate(paths.jupyter);
    const proc = await run(jupyter.command, [
      'nbconvert', '--to', 'html', '--template', template.name,
      `--TemplateExporter.extra_template_basedirs=${template.baseDir}`,
      '--output-dir', output, ...written.map((r) => r.executed as string),
    ], env, output);
    for (const r of written) {
      const html = (r.executed as string).replace(/\.ipynb$/, '.html');
      if (existsSync(html)) r.html = html;
    }
    if (proc.status !== 0) {
      throw new Error(`HTML conversion failed (status ${proc.status}): ${nbconvertFailure(proc.stderr)}`);
    }
  }
  return runs;
}
