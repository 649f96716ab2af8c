/**
 * The main job (`npm start`, `benchval all`): loads and checks the data, then writes every
 * output: charts (out/charts/<name>.vl.json|.svg|.png), derived metrics
 * (out/metrics/derived.csv|.json), audit findings (out/audit/findings.json, report.md),
 * the facts export (out/data/facts.json|.csv) and the HTML report (out/report/index.html).
 */
import { join } from 'node:path';
import { buildAndWriteCharts } from '../charts/write';
import { writeAuditExport, writeDerivedExport, writeFactsExport } from './exports';
import { loadReportData } from './load';
import { DEFAULT_OUT_DIR } from './outDir';
import { writeReport } from './write';


export interface MainJobOptions {
  dataDir?: string;
  outDir?: string;
  /** write PNG files next to the SVGs (default true) */
  png?: boolean;
  /** called with each path as soon as it is written */
  onWrite?: (path: string) => void;
}

export async function runMainJob(opts: MainJobOptions = {}): Promise<string[]> {
  const out = opts.outDir ?? DEFAULT_OUT_DIR;
  const written: string[] = [];
  const record = (paths: string[]) => {
    for (const p of paths) {
      written.push(p);
      opts.onWrite?.(p);
    }
  };
  const data = await loadReportData({ dataDir: opts.dataDir });
  const { built: charts, paths } = await buildAndWriteCharts(data, join(out, 'charts'), { png: opts.png ?? true });
  record(paths);
  record(writeDerivedExport(data.derived, join(out, 'metrics')));
  record(writeAuditExport(data.findings, join(out, 'audit')));
  record(writeFactsExport(data.facts, join(out, 'data')));
  record(writeReport(data, charts, join(out, 'report')));
  return written;
}
