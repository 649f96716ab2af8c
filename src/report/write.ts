/** Writes the HTML report (out/report/index.html) through a temporary file and a rename. */
import { join } from 'node:path';
import { readTableStyle, readVendorScripts } from './assets';
import type { ReportData } from './data';
import { prepareOutDir } from './outDir';
import { renderReportHtml, type ReportChart } from './page';
import { writeFileAtomic } from './writeFile';

export function writeReport(data: ReportData, charts: ReportChart[], dir: string): string[] {
  prepareOutDir(dir);
  const path = join(dir, 'index.html');
  writeFileAtomic(path, renderReportHtml({ data, charts, scripts: readVendorScripts(), tableStyle: readTableStyle() }));
  return [path];
}
