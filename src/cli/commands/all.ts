/**
 * `benchval all [--data-dir DIR] [--out DIR] [--no-png]` (`npm start`): the main job.
 * Regenerates every output (charts, derived metrics, audit, facts export, HTML report)
 * and prints each path written.
 */
import { takeDataDirArg } from '../../data/paths';
import { runMainJob } from '../../report/mainJob';
import { takeOutDirArg } from '../../report/outDir';
import type { Command } from '../main';

export const command: Command = {
  summary: 'regenerate everything: charts, derived metrics, audit, facts export, HTML report',
  async run(argv) {
    const { dataDir, rest: a1 } = takeDataDirArg(argv);
    const { outDir, rest: a2 } = takeOutDirArg(a1);
    const noPng = a2.includes('--no-png');
    const rest = a2.filter((a) => a !== '--no-png');
    if (rest.length) throw new Error(`all: unexpected argument '${rest[0]}'`);
    const started = process.hrtime.bigint();
    const written = await runMainJob({ dataDir, outDir, png: !noPng, onWrite: (p) => process.stdout.write(p + '\n') });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(`wrote ${written.length} files in ${(ms / 1000).toFixed(2)} s\n`);
    return 0;
  },
};
