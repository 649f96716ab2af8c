/**
 * `benchval inbox [--data-dir DIR]`: what waits for review: per source, the rows in its inbox
 * file, how many carry an error from `accept`, and the confidence range.
 */
import type { Command } from '../main';
import { displayPath, resolveDataDir, takeDataDirArg } from '../../data';
import { inboxFile, listInbox, readInbox } from '../../extract/inbox';

const USAGE = 'usage: benchval inbox [--data-dir DIR]';

export const command: Command = {
  summary: 'list the candidate rows waiting for review, per source',
  run(argv) {
    if (argv.includes('-h') || argv.includes('--help')) { process.stdout.write(USAGE + '\n'); return 0; }
    const { dataDir, rest } = takeDataDirArg(argv);
    if (rest.length > 0) { process.stderr.write(`benchval inbox: unknown argument '${rest[0]}'\n${USAGE}\n`); return 2; }
    const dir = resolveDataDir({ dataDir });
    const ids = listInbox(dir);
    if (ids.length === 0) { process.stdout.write('the inbox is empty\n'); return 0; }
    for (const id of ids) {
      const file = inboxFile(dir, id);
      let rows;
      try { rows = readInbox(file); } catch (e) {
        process.stdout.write(`${id}: ${displayPath(file)}: cannot read (${(e as Error).message})\n`);
        continue;
      }
      const errors = rows.filter((r) => r.error).length;
      const conf = rows.map((r) => Number(r.confidence)).filter(Number.isFinite);
      const range = conf.length ? `, confidence ${Math.min(...conf).toFixed(2)}–${Math.max(...conf).toFixed(2)}` : '';
      process.stdout.write(`${id}: ${rows.length} rows${errors ? ` (${errors} with errors)` : ''}${range}  ${displayPath(file)}\n`);
    }
    return 0;
  },
};
