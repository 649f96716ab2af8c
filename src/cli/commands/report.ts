/**
 * `benchval report [--data-dir DIR] [--out DIR]`: writes the self-contained HTML report
 * to <out>/report/index.html.
 */
import { join } from 'node:path';
import { buildCharts } from '../../charts/write';
import { takeDataDirArg } from '../../data/paths';
import { loadReportData } from '../../report/load';
import { DEFAULT_OUT_DIR, prepareOutDir, takeOutDirArg } from '../../report/outDir';
import { writeReport } from '../../report/write';
import type { Command } from '../main';

export const command: Command = {
  summary: 'write the offline HTML report to out/report/index.html',
  async run(argv) {
    const { dataDir, rest: a1 } = takeDataDirArg(argv);
    const { outDir, rest } = takeOutDirArg(a1);
    if (rest.length) throw new Error(`report: unexpected argument '${rest[0]}'`);
    // an unusable --out fails before anything is computed
    prepareOutDir(join(outDir ?? DEFAULT_OUT_DIR, 'report'));
    const data = await loadReportData({ dataDir });
    // rendering each chart once here makes a chart that fails to compile fail the command
    const charts = await buildCharts(data);
    for (const p of writeReport(data, charts, join(outDir ?? DEFAULT_OUT_DIR, 'report'))) process.stdout.write(p + '\n');
    return 0;
  },
};
