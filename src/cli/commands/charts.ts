/**
 * `benchval charts [--data-dir DIR] [--out DIR] [--no-png] [--validate] [name ...]`:
 * renders the charts (all, or the named ones) to <out>/charts/<name>.vl.json, .svg and .png.
 * --validate also checks each spec against the vega-lite JSON schema.
 */
import { join } from 'node:path';
import { CHARTS, chartByName } from '../../charts/registry';
import { assertValidSpec } from '../../charts/validate';
import { buildCharts, writeCharts } from '../../charts/write';
import { takeDataDirArg } from '../../data/paths';
import { loadReportData } from '../../report/load';
import { DEFAULT_OUT_DIR, prepareOutDir, takeOutDirArg } from '../../report/outDir';
import type { Command } from '../main';

export const command: Command = {
  summary: 'render the vega-lite charts to out/charts (spec, SVG, PNG)',
  async run(argv) {
    const { dataDir, rest: a1 } = takeDataDirArg(argv);
    const { outDir, rest: a2 } = takeOutDirArg(a1);
    const noPng = a2.includes('--no-png');
    const validate = a2.includes('--validate');
    const names = a2.filter((a) => a !== '--no-png' && a !== '--validate');
    const unknown = names.find((n) => n.startsWith('-'));
    if (unknown) throw new Error(`charts: unknown option '${unknown}'`);
    const defs = names.length ? names.map(chartByName) : CHARTS;
    // an unusable --out fails before anything is computed
    prepareOutDir(join(outDir ?? DEFAULT_OUT_DIR, 'charts'));
    const data = await loadReportData({ dataDir });
    const built = await buildCharts(data, defs);
    if (validate) for (const c of built) assertValidSpec(c.spec, c.name);
    for (const p of await writeCharts(built, join(outDir ?? DEFAULT_OUT_DIR, 'charts'), { png: !noPng })) process.stdout.write(p + '\n');
    return 0;
  },
};
