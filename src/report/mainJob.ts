/**
 * The main job (`npm start`, `benchval all`): runs every check of `benchval validate` first and
 * stops with the problems, located, when any fails; then writes every output: charts
 * (out/charts/<name>.vl.json|.svg|.png), derived metrics (out/metrics/derived.csv|.json),
 * audit findings (out/audit/findings.json, report.md), the facts export (out/data/facts.json|.csv),
 * the HTML report (out/report/index.html) and out/manifest.json (every file with its SHA-256).
 *
 * The output folder is checked before anything is computed (prepareOutDir), locked against a
 * second run (./lock), and written all or nothing (./stage): the files go to a staging folder
 * that is moved into place at the end, so a kill or a full disk never leaves a mixture of old
 * and new files or a truncated one. SIGINT, SIGTERM or SIGHUP before the move removes the
 * staging folder and the lock and exits with 128 + the signal number.
 */
import { join, relative } from 'node:path';
import { buildAndWriteCharts } from '../charts/write';
import type { DataIssue } from '../data/errors';
import { runValidation, type Validation } from '../validation';
import { writeAuditExport, writeDerivedExport, writeFactsExport } from './exports';
import { loadReportData } from './load';
import { lockOutDir } from './lock';
import { DEFAULT_OUT_DIR, prepareOutDir } from './outDir';
import { commitStaging, createStaging, discardStaging, recoverOutDir, writeManifest, type CommitHooks } from './stage';
import { writeReport } from './write';

export interface MainJobOptions {
  dataDir?: string;
  outDir?: string;
  /** folder of the article texts for the evidence check (as `benchval validate --seeds`) */
  seedsDir?: string;
  /** write PNG files next to the SVGs (default true) */
  png?: boolean;
  /** called with each path written, once the run's files are in place */
  onWrite?: (path: string) => void;
  /** called as each stage starts and ends (`validate: ok ...`) */
  onStage?: (message: string) => void;
  /** test hook into the final move */
  commitHooks?: CommitHooks;
}

/** The checks of `benchval validate` failed: nothing was written. */
export class MainJobValidationError extends Error {
  constructor(readonly issues: DataIssue[]) {
    super(`${issues.length} problem(s) in the data; nothing was written (run 'benchval validate' for the same list)`);
    this.name = 'MainJobValidationError';
  }
}

/**
 * Lets the event loop run once: a signal (handled as an event) that arrived during a stage's
 * computation is acted on here, between stages.
 */
function yieldToEvents(): Promise<void> {
  return new Promise((done) => setImmediate(done));
}

function seconds(since: bigint): string {
  return `${(Number(process.hrtime.bigint() - since) / 1e9).toFixed(2)} s`;
}

/** Exit codes of a run stopped by a signal (128 + the signal number). */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export async function runMainJob(opts: MainJobOptions = {}): Promise<string[]> {
  const stage = opts.onStage ?? (() => {});
  const out = prepareOutDir(opts.outDir ?? DEFAULT_OUT_DIR);
  const release = lockOutDir(out);
  let staging: string | null = null;
  // Ctrl-C or a polite kill: leave the old set, remove this run's staging folder and lock
  const onSignal = (signal: NodeJS.Signals): void => {
    if (staging) discardStaging(staging);
    release();
    stage(`stopped by ${signal}; ${out} keeps the previous run`);
    process.exit(SIGNAL_EXIT[signal] ?? 1);
  };
  for (const s of Object.keys(SIGNAL_EXIT)) process.once(s, onSignal);
  try {
    recoverOutDir(out);
    let t = process.hrtime.bigint();
    stage('validate: checking the data, claims and evidence');
    const v: Validation = runValidation({ dataDir: opts.dataDir, seedsDir: opts.seedsDir });
    if (v.issues.length > 0) throw new MainJobValidationError(v.issues);
    const evidence = v.evidence.checked ? `, evidence in ${v.evidence.articles} articles` : ', evidence not checked';
    stage(`validate: ok, ${v.dataset.facts.length} facts, ${v.claims.length} claims${evidence} (${seconds(t)})`);
    await yieldToEvents();

    t = process.hrtime.bigint();
    stage('derive and audit');
    const data = await loadReportData({ dataDir: opts.dataDir, dataset: v.dataset, claims: v.claims });
    stage(`derive and audit: ${data.derived.length} derived metrics, ${data.findings.length} findings (${seconds(t)})`);
    await yieldToEvents();

    staging = createStaging(out);
    const staged: string[] = [];
    try {
      t = process.hrtime.bigint();
      stage('charts');
      const { built: charts, paths } = await buildAndWriteCharts(data, join(staging, 'charts'), { png: opts.png ?? true });
      staged.push(...paths);
      stage(`charts: ${charts.length} rendered (${seconds(t)})`);
      await yieldToEvents();
      t = process.hrtime.bigint();
      stage('exports and report');
      staged.push(...writeDerivedExport(data.derived, join(staging, 'metrics')));
      staged.push(...writeAuditExport(data.findings, join(staging, 'audit')));
      staged.push(...writeFactsExport(data.facts, join(staging, 'data')));
      staged.push(...writeReport(data, charts, join(staging, 'report')));
      staged.push(writeManifest(staging));
      stage(`exports and report: written (${seconds(t)})`);
      await yieldToEvents();
      // synchronous up to the end of the run: a signal handler runs only at an await before it,
      // never in the middle of the move into place
      commitStaging(out, staging, opts.commitHooks);
    } catch (e) {
      discardStaging(staging);
      throw e;
    }
    stage(`moved into ${out}`);
    const from = staging;
    staging = null;
    const written = staged.map((p) => join(out, relative(from, p)));
    for (const p of written) opts.onWrite?.(p);
    return written;
  } finally {
    for (const s of Object.keys(SIGNAL_EXIT)) process.removeListener(s, onSignal);
    release();
  }
}
