/**
 * `benchval audit [--json] [--all] [--no-fail] [--data-dir DIR] [--claims FILE]`: checks the
 * articles' arithmetic (data/claims.csv), conflicts between rows and plausibility rules.
 * Prints warn / fail / unverifiable findings (all with --all) and a summary, or
 * `{ "findings": [...], "summary": {...} }` with --json. Exit code 1 when any finding fails,
 * unless --no-fail.
 */
import type { Command } from '../main';
import { takeDataDirArg } from '../../data/paths';
import { runAudit } from '../../audit/run';
import { formatFindings, formatSummary } from '../../audit/format';

const USAGE = 'usage: benchval audit [--json] [--all] [--no-fail] [--data-dir DIR] [--claims FILE]';

export const command: Command = {
  summary: 'audit the articles\' arithmetic, conflicts and plausibility (exit 1 on fail)',
  run(argv) {
    const { dataDir, rest } = takeDataDirArg(argv);
    let json = false;
    let all = false;
    let noFail = false;
    let claimsFile: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === '--json') json = true;
      else if (a === '--all') all = true;
      else if (a === '--no-fail') noFail = true;
      else if (a === '--claims') {
        claimsFile = rest[++i];
        if (!claimsFile) { process.stderr.write(`benchval audit: --claims needs a file\n${USAGE}\n`); return 2; }
      } else {
        process.stderr.write(`benchval audit: unknown option '${a}'\n${USAGE}\n`);
        return 2;
      }
    }
    const result = runAudit({ dataDir, claimsFile });
    if (json) {
      process.stdout.write(JSON.stringify({ findings: result.findings, summary: result.summary }, null, 2) + '\n');
    } else {
      process.stdout.write(formatFindings(result.findings, { passes: all }) + '\n\n' + formatSummary(result.summary) + '\n');
    }
    return result.summary.fail > 0 && !noFail ? 1 : 0;
  },
};
