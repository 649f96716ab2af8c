/**
 * `benchval all [--data-dir DIR] [--out DIR] [--seeds DIR] [--no-png]` (`npm start`): the main
 * job. Runs the checks of `benchval validate` first: on failure prints every problem as
 * `file:line: column 'c': message` (as validate does) and exits 1 without writing. Otherwise
 * regenerates every output (charts, derived metrics, audit, facts export, HTML report),
 * printing each stage on stderr as it runs and each path written on stdout.
 */
import { formatIssue } from '../../data/errors';
import { takeDataDirArg } from '../../data/paths';
import { OutLockedError } from '../../report/lock';
import { MainJobValidationError, runMainJob } from '../../report/mainJob';
import { OutDirError, takeOutDirArg } from '../../report/outDir';
import { OutputWriteError } from '../../report/writeFile';
import type { Command } from '../main';
import { takeSeedsArg } from './validate';

export const command: Command = {
  summary: 'check the data, then regenerate everything: charts, derived metrics, audit, facts export, HTML report',
  async run(argv) {
    let args: { dataDir?: string; outDir?: string; seedsDir?: string; png: boolean };
    try {
      const { dataDir, rest: a1 } = takeDataDirArg(argv);
      const { outDir, rest: a2 } = takeOutDirArg(a1);
      const { seedsDir, rest: a3 } = takeSeedsArg(a2);
      const rest = a3.filter((a) => a !== '--no-png');
      if (rest.length) throw new Error(`unexpected argument '${rest[0]}' (benchval help all)`);
      args = { dataDir, outDir, seedsDir, png: !a3.includes('--no-png') };
    } catch (e) {
      process.stderr.write(`benchval all: ${(e as Error).message}\n`);
      return 2;
    }
    const started = process.hrtime.bigint();
    try {
      const written = await runMainJob({
        ...args,
        onWrite: (p) => process.stdout.write(p + '\n'),
        onStage: (m) => process.stderr.write(`benchval all: ${m}\n`),
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      process.stdout.write(`wrote ${written.length} files in ${(ms / 1000).toFixed(2)} s\n`);
      return 0;
    } catch (e) {
      if (e instanceof MainJobValidationError) {
        for (const i of e.issues) process.stdout.write(formatIssue(i) + '\n');
        process.stdout.write(`${e.issues.length} problem(s) found\n`);
        process.stderr.write(`benchval all: ${e.message}\n`);
        return 1;
      }
      if (e instanceof OutDirError || e instanceof OutLockedError || e instanceof OutputWriteError) {
        process.stderr.write(`benchval all: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  },
};
