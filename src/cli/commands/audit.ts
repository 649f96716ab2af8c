/**
 * `benchval audit`: checks the articles' arithmetic (data/claims.csv), conflicts between rows
 * and plausibility rules; see USAGE for the options. Exit code 1 when any finding fails,
 * unless --no-fail; 2 on a bad option.
 */
import type { Command } from '../main';
import { takeDataDirArg } from '../../data/paths';
import { runAudit } from '../../audit/run';
import { formatFindings, formatSummaryTable, type PassFilter } from '../../audit/format';

const USAGE = `usage: benchval audit [--json] [--all] [--no-fail] [--data-dir DIR] [--claims FILE]

Recomputes every claim of claims.csv (derivation), compares rows that report the same quantity
(conflict) and applies plausibility rules (memory vs parameters, unit scales, conversion rates,
multiples of peers, shares above 100%, periods of a comparison).

By default the table lists every claim (pass included), every warn, fail and unverifiable
finding, and counts per kind and status; passing conflict and plausibility findings are
counted but not listed.

options:
  --json          print {"findings": [{id, kind, rule, status, entities, sources, inputs,
                  stated, computed, message}], "summary": {pass, warn, fail, unverifiable}}
                  with every finding
  --all           list every finding, passes of all kinds included
  --no-fail       exit 0 even when a finding fails (default: exit 1)
  --data-dir DIR  read the data tables from DIR (default data/, or BENCHVAL_DATA_DIR)
  --claims FILE   read the claims from FILE instead of DIR/claims.csv
  -h, --help      print this help`;

export const command: Command = {
  summary: 'audit the articles\' arithmetic, conflicts and plausibility (exit 1 on fail)',
  run(argv) {
    if (argv.includes('-h') || argv.includes('--help')) { process.stdout.write(USAGE + '\n'); return 0; }
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
      const passes: PassFilter = all ? true : 'claims';
      process.stdout.write(formatFindings(result.findings, { passes }) + '\n\n' + formatSummaryTable(result.findings, passes) + '\n');
    }
    return result.summary.fail > 0 && !noFail ? 1 : 0;
  },
};
