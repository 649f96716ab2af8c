/**
 * `benchval facts [--json] [--table T] [--entity E] [--data-dir DIR]`: lists the facts.
 * `--json` prints the export: a JSON array, one object per fact with its id, table, entity,
 * metric, quantity as written, value/low/high in base units, unit, currency, qualifier, dates,
 * event key, source, seed_file, evidence, note, the table-specific columns, file and line.
 */
import type { Command } from '../main';
import { unknownNameMessage } from '../suggest';
import { FACT_TABLES } from '../../types';
import type { Fact, FactTable } from '../../types';
import { DataValidationError, FACT_EXTRA_COLUMNS, readEntities, readFacts, takeDataDirArg } from '../../data';
import { columnScale, formatNumber, statedDigits } from '../../units/format';

const USAGE = 'usage: benchval facts [--json] [--table T] [--entity E] [--metric M] [--data-dir DIR]';

const EXPORT_KEYS = [
  'id', 'table', 'entity', 'metric', 'quantity', 'value', 'low', 'high', 'unit', 'currency', 'qualifier',
  'as_of', 'period_start', 'period_end', 'event', 'source', 'seed_file', 'evidence', 'note',
] as const;

/** The export record of a fact: common keys in a fixed order, its table's extra keys, file, line. */
export function factRecord(f: Fact): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of EXPORT_KEYS) out[k] = f[k] ?? null;
  for (const k of FACT_EXTRA_COLUMNS[f.table]) out[k] = (f as unknown as Record<string, unknown>)[k] ?? null;
  out.file = f.file;
  out.line = f.line;
  return out;
}

/** Terminal width of text: CJK and full-width characters take two cells. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

/** Facts as an aligned text table. */
export function factsTable(facts: readonly Fact[]): string {
  const head = ['id', 'entity', 'metric', 'quantity', 'value', 'qualifier', 'date', 'source'];
  // money in one scale for the whole column (never m next to bn)
  const moneyScale = columnScale(facts.filter((f) => f.unit === 'money').map((f) => f.value), 'money');
  const rows = facts.map((f) => [
    f.id, f.entity, f.metric, f.quantity,
    formatNumber(f.value, f.unit, f.currency, { digits: statedDigits(f.quantity), ...(f.unit === 'money' ? { scale: moneyScale } : {}) }), f.qualifier,
    f.as_of ?? `${f.period_start}..${f.period_end}`, f.source,
  ]);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

interface FactsArgs { json: boolean; table?: FactTable; entity?: string; metric?: string; dataDir?: string }

function parseArgs(argv: string[]): FactsArgs {
  const { dataDir, rest } = takeDataDirArg(argv);
  const args: FactsArgs = { json: false, dataDir };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--table') {
      const t = value();
      if (!(FACT_TABLES as readonly string[]).includes(t)) throw new Error(`unknown table '${t}' (tables: ${FACT_TABLES.join(', ')})`);
      args.table = t as FactTable;
    } else if (a === '--entity') args.entity = value();
    else if (a === '--metric') args.metric = value();
    else throw new Error(`unknown option '${a}'\n${USAGE}`);
  }
  return args;
}

export const command: Command = {
  summary: 'list the facts (--json for the export with values in base units)',
  run(argv) {
    if (argv.includes('-h') || argv.includes('--help')) { process.stdout.write(USAGE + '\n'); return 0; }
    let args: FactsArgs;
    try { args = parseArgs(argv); } catch (e) { process.stderr.write(`benchval facts: ${(e as Error).message}\n`); return 2; }
    let facts: Fact[];
    try {
      facts = readFacts({ dataDir: args.dataDir });
      if (args.entity !== undefined) {
        const ids = readEntities({ dataDir: args.dataDir }).map((e) => e.id);
        if (!ids.includes(args.entity)) {
          process.stderr.write(`benchval facts: ${unknownNameMessage('entity', args.entity, ids)}\n`);
          return 2;
        }
      }
      if (args.metric !== undefined && !facts.some((f) => f.metric === args.metric)) {
        process.stderr.write(`benchval facts: ${unknownNameMessage('metric', args.metric, facts.map((f) => f.metric))}\n`);
        return 2;
      }
    } catch (e) {
      if (!(e instanceof DataValidationError)) throw e;
      process.stderr.write(`${e.message}\n${e.issues.length} problem(s) in the data; run 'benchval validate'\n`);
      return 1;
    }
    const shown = facts.filter((f) => (!args.table || f.table === args.table) && (!args.entity || f.entity === args.entity)
      && (!args.metric || f.metric === args.metric));
    process.stdout.write(args.json ? JSON.stringify(shown.map(factRecord), null, 2) + '\n' : factsTable(shown) + '\n');
    return 0;
  },
};
