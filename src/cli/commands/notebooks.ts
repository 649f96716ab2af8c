/**
 * `benchval notebooks`: executes every notebooks/*.ipynb in order with the tslab kernel, writes the
 * executed copies and HTML to out/notebooks and fails naming the notebook and cell on any error.
 */
import { basename, resolve } from 'node:path';
import type { Command } from '../main';
import {
  clearNotebook, DEFAULT_CELL_TIMEOUT_SECONDS, dirtyCells, executeNotebooks, formatProblem,
  JupyterMissingError, listNotebooks, notebookPaths, readNotebook, writeNotebook, parseParamArg, PARAMS_ENV, runParameters,
} from '../../notebooks';

const USAGE = [
  'usage: benchval notebooks [names...] [--param NAME=VALUE ...] [--timeout <seconds per cell>] [--no-html] [--root <dir>]',
  '       benchval notebooks --check-clean | --clear [--root <dir>]',
  '',
  'Runs notebooks/*.ipynb (or those whose file name starts with one of names, e.g. 03) headless',
  'through `jupyter nbconvert --execute` with the project-local tslab kernel; executed copies and',
  `HTML go to out/notebooks. Default cell timeout: ${DEFAULT_CELL_TIMEOUT_SECONDS} s.`,
  '--param NAME=VALUE  set a notebook parameter for this run (the cell tagged `parameters`),',
  '               e.g. --param USDCNY=7.2 --param TARGET_MULTIPLE=40; repeatable',
  '--check-clean  fail when a committed notebook carries outputs or execution counts',
  '--clear        strip outputs and execution counts from the committed notebooks in place',
  '--root <dir>   project root holding notebooks/, node_modules/ and out/ (default: this package)',
  '',
].join('\n');

interface Args { names: string[]; timeout?: number; html: boolean; root?: string; mode: 'run' | 'check-clean' | 'clear'; params: Record<string, string> }

function parseArgs(argv: string[]): Args | string {
  const args: Args = { names: [], html: true, mode: 'run', params: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--timeout') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) return `--timeout needs a positive number of seconds, got '${argv[i] ?? ''}'`;
      args.timeout = v;
    } else if (a === '--root') {
      if (!argv[i + 1]) return '--root needs a directory';
      args.root = resolve(argv[++i]);
    } else if (a === '--param') {
      try {
        const [k, v] = parseParamArg(argv[++i] ?? '');
        args.params[k] = v;
      } catch (e) { return (e as Error).message; }
    } else if (a === '--no-html') args.html = false;
    else if (a === '--check-clean') args.mode = 'check-clean';
    else if (a === '--clear') args.mode = 'clear';
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else args.names.push(a);
  }
  return args;
}

function checkClean(clear: boolean, root: string | undefined): number {
  let dirty = 0;
  for (const file of listNotebooks(notebookPaths(root).notebooks)) {
    const nb = readNotebook(file);
    if (clear) {
      if (clearNotebook(nb)) { writeNotebook(file, nb); process.stdout.write(`cleared ${basename(file)}\n`); }
      continue;
    }
    const reasons = dirtyCells(nb);
    if (reasons.length) { dirty++; process.stderr.write(`${basename(file)}: ${reasons.join('; ')}\n`); }
  }
  if (dirty) process.stderr.write('run `benchval notebooks --clear` before committing\n');
  return dirty ? 1 : 0;
}

export const command: Command = {
  summary: 'execute notebooks/*.ipynb headless (tslab kernel) into out/notebooks (+ HTML)',
  async run(argv) {
    if (argv.includes('-h') || argv.includes('--help')) { process.stdout.write(USAGE); return 0; }
    const args = parseArgs(argv);
    if (typeof args === 'string') { process.stderr.write(`benchval notebooks: ${args}\n${USAGE}`); return 2; }
    if (args.mode !== 'run') return checkClean(args.mode === 'clear', args.root);
    if (Object.keys(args.params).length) {
      // the kernels inherit the environment; the `parameters` cell reads it (src/notebooks/parameters)
      process.env[PARAMS_ENV] = JSON.stringify({ ...runParameters(), ...args.params });
      process.stdout.write(`parameters: ${Object.entries(args.params).map(([k, v]) => `${k}=${v}`).join(', ')}\n`);
    }
    const started = Date.now();
    let runs;
    try {
      runs = await executeNotebooks({
        root: args.root, only: args.names, cellTimeoutSeconds: args.timeout, html: args.html,
        log: (line) => process.stdout.write(line + '\n'),
      });
    } catch (e) {
      if (e instanceof JupyterMissingError) { process.stderr.write(`benchval notebooks: ${e.message}\n`); return 1; }
      throw e;
    }
    const failed = runs.filter((r) => r.problems.length > 0);
    for (const r of failed) {
      // the first problem is the cause; cells after it were skipped
      const [first, ...rest] = r.problems;
      process.stderr.write(`error: ${formatProblem(first)}\n`);
      const skipped = rest.filter((p) => p.kind === 'not-run').length;
      for (const p of rest.filter((q) => q.kind === 'error')) process.stderr.write(`error: ${formatProblem(p)}\n`);
      if (skipped) process.stderr.write(`       ${skipped} later cell(s) of ${r.notebook} were not run\n`);
      if (r.executed) process.stderr.write(`       executed copy: ${r.executed}\n`);
    }
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`${runs.length - failed.length}/${runs.length} notebooks ran cleanly in ${secs} s; output in ${notebookPaths(args.root).output}\n`);
    return failed.length ? 1 : 0;
  },
};
