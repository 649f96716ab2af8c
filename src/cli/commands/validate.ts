/**
 * `benchval validate [--data-dir DIR]`: checks every data file. Prints
 * `ok: N facts in M tables, E entities, S sources` or every problem as
 * `file:line: column 'c': message` and exits 1.
 */
import type { Command } from '../main';
import { formatIssue, inspectData, takeDataDirArg } from '../../data';

const USAGE = 'usage: benchval validate [--data-dir DIR]';

export const command: Command = {
  summary: 'check every data file; list each problem as file:line: column: message',
  run(argv) {
    if (argv.includes('-h') || argv.includes('--help')) { process.stdout.write(USAGE + '\n'); return 0; }
    let dataDir: string | undefined;
    try {
      const parsed = takeDataDirArg(argv);
      if (parsed.rest.length > 0) throw new Error(`unknown argument '${parsed.rest[0]}'\n${USAGE}`);
      dataDir = parsed.dataDir;
    } catch (e) {
      process.stderr.write(`benchval validate: ${(e as Error).message}\n`);
      return 2;
    }
    const { dataset, issues } = inspectData({ dataDir });
    if (issues.length > 0) {
      for (const i of issues) process.stdout.write(formatIssue(i) + '\n');
      process.stdout.write(`${issues.length} problem(s) found\n`);
      return 1;
    }
    const d = dataset;
    process.stdout.write(
      `ok: ${d.facts.length} facts in ${d.tables.length} tables, ${d.entities.length} entities, ${d.sources.length} sources\n`,
    );
    return 0;
  },
};
