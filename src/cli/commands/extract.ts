/**
 * `benchval extract ARTICLE.txt [--published YYYY-MM-DD] [--json | --csv] [--data-dir DIR]`:
 * candidate fact rows of an article, one per quantity, with evidence, confidence and the reasons
 * that decided entity, metric and period. No side effects. `--json` prints the fields of the
 * facts export plus entity_text, confidence and reasons; `--csv` the inbox layout.
 */
import type { Command } from '../main';
import { readEntities, takeDataDirArg, DataValidationError } from '../../data';
import { formatQuantity, formatRange } from '../../units';
import { readArticleFile, ArticleError } from '../../extract/article';
import { extractCandidates, type Candidate } from '../../extract/extract';
import { candidateRow, formatInbox } from '../../extract/inbox';
import { takeValueOption } from '../args';

const USAGE = 'usage: benchval extract ARTICLE.txt [--published YYYY-MM-DD] [--json | --csv] [--data-dir DIR]';

const JSON_KEYS = [
  'id', 'table', 'entity', 'metric', 'quantity', 'value', 'low', 'high', 'unit', 'currency', 'qualifier',
  'as_of', 'period_start', 'period_end', 'source', 'seed_file', 'evidence', 'note',
] as const;

/** The JSON record of a candidate: the facts-export keys, table extras, entity_text, confidence, reasons. */
export function candidateRecord(c: Candidate): Record<string, unknown> {
  const rec = c as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of JSON_KEYS) out[k] = rec[k] ?? null;
  for (const k of ['benchmark', 'variant', 'round', 'investors', 'basis']) if (k in rec) out[k] = rec[k] ?? null;
  out.entity_text = c.entity_text;
  out.confidence = c.confidence;
  out.reasons = c.reasons;
  return out;
}

function period(c: Candidate): string {
  return c.period_start ? `${c.period_start}..${c.period_end}` : c.as_of ?? '';
}

/** Candidates as a readable table: number, table, entity, metric, value, period, confidence, evidence. */
export function candidateTable(cs: readonly Candidate[]): string {
  const lines = cs.map((c, i) => [
    String(i + 1).padStart(3), c.table.padEnd(14), (c.entity ?? `?${c.entity_text ?? ''}`).padEnd(18), c.metric.padEnd(20),
    // a date written to the month (2023年4月) shows as the month, not its midpoint day
    (c.unit === 'date' ? formatRange(c) : formatQuantity(c.value, c.unit, c.currency)).padEnd(16), period(c).padEnd(22), c.confidence.toFixed(2), c.evidence,
  ].join('  '));
  return ['  #  table           entity              metric                value             period                  conf  evidence', ...lines].join('\n');
}

export const command: Command = {
  summary: 'candidate facts of an article, with evidence, confidence and reasons (no side effects)',
  run(argv) {
    if (argv.includes('-h') || argv.includes('--help')) { process.stdout.write(USAGE + '\n'); return 0; }
    let file: string;
    let published: string | undefined;
    let dataDir: string | undefined;
    let mode: 'table' | 'json' | 'csv' = 'table';
    try {
      const d = takeDataDirArg(argv);
      dataDir = d.dataDir;
      const p = takeValueOption(d.rest, 'published', 'date (YYYY-MM-DD)');
      published = p.value;
      const rest: string[] = [];
      for (const a of p.rest) {
        if (a === '--json' || a === '--csv') {
          if (mode !== 'table') throw new Error('give one of --json and --csv');
          mode = a === '--json' ? 'json' : 'csv';
        } else if (a.startsWith('--')) throw new Error(`unknown option '${a}'`);
        else rest.push(a);
      }
      if (rest.length !== 1) throw new Error(rest.length === 0 ? 'missing ARTICLE' : `one article at a time (got ${rest.length})`);
      file = rest[0];
      if (published !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(published)) throw new Error(`--published '${published}' is not YYYY-MM-DD, YYYY-MM or YYYY`);
    } catch (e) {
      process.stderr.write(`benchval extract: ${(e as Error).message}\n${USAGE}\n`);
      return 2;
    }
    try {
      const text = readArticleFile(file);
      const entities = readEntities({ dataDir });
      const x = extractCandidates(text, { published, entities });
      if (mode === 'json') process.stdout.write(JSON.stringify(x.candidates.map(candidateRecord), null, 2) + '\n');
      else if (mode === 'csv') process.stdout.write(formatInbox(x.candidates.map(candidateRow)));
      else {
        process.stdout.write(candidateTable(x.candidates) + '\n');
        process.stdout.write(`${x.candidates.length} candidates; published ${x.published}; main subject ${x.mainSubject?.id ?? '(none)'}`
          + (x.unresolved.length ? `; names not in entities.csv: ${x.unresolved.join(', ')}` : '') + '\n');
      }
      return 0;
    } catch (e) {
      if (e instanceof ArticleError || e instanceof DataValidationError || /publication date/.test((e as Error).message)) {
        process.stderr.write(`benchval extract: ${(e as Error).message}\n`);
        return 1;
      }
      throw e;
    }
  },
};
