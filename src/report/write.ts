/** Writes the HTML report (out/report/index.html). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTableStyle, readVendorScripts } from './assets';
import type { ReportData } from './data';
import { renderReportHtml, type ReportChart } from './page';

export function writeReport(data: ReportData, charts: ReportChart[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'index.html');
  writeFileSync(path, renderReportHtml({ data, charts, scripts: readVendorScripts(), tableStyle: readTableStyle() }));
  return [path];
}
