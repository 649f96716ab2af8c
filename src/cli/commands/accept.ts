/**
 * `benchval accept SOURCE_ID [--min-confidence C] [--data-dir DIR] [--seeds DIR]`: moves the
 * rows left in `<data dir>/inbox/<SOURCE_ID>.csv` into the fact tables (each row into its
 * `table`, in that file's column order), with stable ids (the row's id; `-2`, `-3`, ... added
 * when it is taken). Rows go through the same validation as hand-keyed rows (`benchval validate`
 * on a temporary copy of the data directory with the new rows): a row that fails stays in the
 * inbox with the error in its `error` column; rows below `--min-confidence` stay too. The inbox
 * file is removed once empty. An unknown source id, or a problem the new rows cause elsewhere
 * in the data, is an error and nothing is written.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Command } from '../main';
import { FACT_TABLES } from '../../types';
import type { FactTable } from '../../types';
import { displayPath, formatIssue, readDataset, takeDataDirArg, DataValidationError } from '../../data';
import type { DataIssue } from '../../data/errors';
import { IssueList } from '../../data/errors';
import { parseCsvTable } from '../../data/csv';
import { FACT_ID_RE, factColumns, factTableFile } from '../../data/schema';
import { formatInbox, inboxFile, listInbox, readInbox, type InboxRow } from '../../extract/inbox';
import { appendCsvRows } from '../../extract/store';
import { runValidation } from './validate';
import { takeValueOption } from '../args';

const USAGE = 'usage: benchval accept SOURCE_ID [--min-confidence C] [--data-dir DIR] [--seeds DIR]';

interface Pending { row: InboxRow & { __line: string }; table: FactTable; id: string; error: string | null }

function issueKey(i: DataIssue, dir: string): string {
  return `${path.basename(i.file)}|${i.line}|${i.column}|${i.message.split(dir).join('<dir>')}`;
}

/** Validation issues of `dataDir` with `rows` appended to their tables: per row id, and the rest. */
function validateWith(dataDir: string, rows: Pending[], seedsDir: string | undefined, baseline: Set<string>): { byId: Map<string, string[]>; other: DataIssue[] } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'benchval-accept-'));
  try {
    fs.cpSync(dataDir, tmp, { recursive: true, filter: (src) => path.relative(dataDir, src).split(path.sep)[0] !== 'inbox' });
    for (const t of FACT_TABLES) {
      const mine = rows.filter((r) => r.table === t);
      if (mine.length) appendCsvRows(path.join(tmp, factTableFile(t)), mine.map((r) => tableRow(r)));
    }
    const v = runValidation({ dataDir: tmp, seedsDir });
    // lines of the appended rows
    const lineToId = new Map<string, string>();
    for (const t of FACT_TABLES) {
      const abs = path.join(tmp, factTableFile(t));
      const table = parseCsvTable(fs.readFileSync(abs, 'utf8'), abs, factColumns(t), new IssueList());
      for (const rec of table?.records ?? []) lineToId.set(`${factTableFile(t)}|${rec.line}`, rec.values.id);
    }
    const ids = new Set(rows.map((r) => r.id));
    const byId = new Map<string, string[]>();
    const other: DataIssue[] = [];
    for (const i of v.issues) {
      const id = lineToId.get(`${path.basename(i.file)}|${i.line}`);
      if (id !== undefined && ids.has(id) && path.basename(i.file) !== 'claims.csv') {
        byId.set(id, [...(byId.get(id) ?? []), `${i.column ? `column '${i.column}': ` : ''}${i.message.split(tmp).join(dataDir)}`]);
      } else if (!baseline.has(issueKey(i, tmp))) {
        other.push({ ...i, message: i.message.split(tmp).join(dataDir) });
      }
    }
    return { byId, other };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * New problems that land on rows already in the data (a new row of metric m outvoting the unit
 * the existing rows of m use) are laid on the new rows of the metric the message names: those
 * rows stay in the inbox with the problem. Returns how many issues were explained and how many
 * rows were blamed.
 */
function blameOtherIssues(pending: Pending[], other: readonly DataIssue[]): { explained: number; rows: number } {
  let explained = 0;
  let rows = 0;
  for (const i of other) {
    const metric = /metric '([^']+)'/.exec(i.message)?.[1];
    if (!metric) continue;
    const guilty = pending.filter((p) => p.error === null && p.row.metric === metric);
    if (guilty.length === 0) continue;
    explained++;
    for (const p of guilty) {
      p.error = `column 'metric': the existing rows of '${metric}' would become invalid: ${formatIssue(i)}`;
      rows++;
    }
  }
  return { explained, rows };
}

/** The fact-table row of an inbox row; an empty note records how the row was extracted. */
function tableRow(p: Pending): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of factColumns(p.table)) out[c] = c === 'id' ? p.id : (p.row[c] ?? '');
  if (!out.note && p.row.reasons) out.note = `extracted (confidence ${p.row.confidence || '?'}): ${p.row.reasons}`;
  return out;
}

export const command: Command = {
  summary: "move reviewed inbox rows of a source into the fact tables (through validation)",
  run(argv) {
    if (argv.includes('-h') || argv.includes('--help')) { process.stdout.write(USAGE + '\n'); return 0; }
    let sourceId: string;
    let minConfidence = 0;
    let dataDirArg: string | undefined;
    let seedsDir: string | undefined;
    try {
      const d = takeDataDirArg(argv);
      dataDirArg = d.dataDir;
      const m = takeValueOption(d.rest, 'min-confidence', 'number between 0 and 1');
      const s = takeValueOption(m.rest, 'seeds', 'directory');
      seedsDir = s.value;
      if (m.value !== undefined) {
        minConfidence = Number(m.value);
        if (!/^\d*\.?\d+$/.test(m.value) || minConfidence > 1) throw new Error(`--min-confidence '${m.value}' is not a number between 0 and 1`);
      }
      const unknown = s.rest.find((a) => a.startsWith('--'));
      if (unknown) throw new Error(`unknown option '${unknown}'`);
      if (s.rest.length !== 1) throw new Error(s.rest.length === 0 ? 'missing SOURCE_ID' : 'one source id at a time');
      sourceId = s.rest[0];
    } catch (e) {
      process.stderr.write(`benchval accept: ${(e as Error).message}\n${USAGE}\n`);
      return 2;
    }
    const fail = (msg: string): number => { process.stderr.write(`benchval accept: ${msg}\nnothing written\n`); return 1; };
    let ds;
    try { ds = readDataset({ dataDir: dataDirArg }); } catch (e) {
      if (e instanceof DataValidationError) return fail(`the data directory has problems; run 'benchval validate'\n${e.message}`);
      throw e;
    }
    const dataDir = ds.dataDir;
    const file = inboxFile(dataDir, sourceId);
    if (!fs.existsSync(file)) {
      const waiting = listInbox(dataDir);
      return fail(`unknown source id '${sourceId}': no inbox file ${displayPath(file)}`
        + (waiting.length ? ` (waiting for review: ${waiting.join(', ')})` : ' (the inbox is empty)'));
    }
    if (!ds.sources.some((s) => s.id === sourceId)) return fail(`unknown source id '${sourceId}': not in sources.csv (ingest adds it)`);
    let rows;
    try { rows = readInbox(file); } catch (e) { return fail(`${displayPath(file)}: ${(e as Error).message}`); }

    const taken = new Set(ds.facts.map((f) => f.id));
    const keep: Array<InboxRow & { __line: string }> = [];
    const pending: Pending[] = [];
    for (const row of rows) {
      const conf = Number(row.confidence);
      if (row.confidence !== '' && Number.isFinite(conf) && conf < minConfidence) { keep.push({ ...row, error: '' }); continue; }
      const table = row.table as FactTable;
      let error: string | null = null;
      if (!(FACT_TABLES as readonly string[]).includes(table)) error = `column 'table': '${row.table}' is not one of ${FACT_TABLES.join(', ')}`;
      else if (row.source !== sourceId) error = `column 'source': '${row.source}' is not the inbox's source '${sourceId}'`;
      else if (row.entity === '') error = `column 'entity': empty${row.entity_text ? ` ('${row.entity_text}' is not in entities.csv: add it there, then fill entity)` : ''}`;
      let id = row.id !== '' ? row.id : `${sourceId}-${row.entity}-${row.metric}`.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
      if (!FACT_ID_RE.test(id)) error ??= `column 'id': '${id}' is not a lowercase fact id`;
      if (taken.has(id)) { let n = 2; while (taken.has(`${id}-${n}`)) n++; id = `${id}-${n}`; }
      taken.add(id);
      pending.push({ row, table, id, error });
    }
    // validate the rows together; rows with problems drop out and the rest is validated again
    const base = runValidation({ dataDir, seedsDir });
    const baseline = new Set(base.issues.map((i) => issueKey(i, dataDir)));
    let ok = pending.filter((p) => p.error === null);
    for (let round = 0; round < 5 && ok.length > 0; round++) {
      const v = validateWith(dataDir, ok, seedsDir, baseline);
      const blamed = blameOtherIssues(ok, v.other);
      if (v.other.length > blamed.explained && v.byId.size === 0 && blamed.rows === 0) {
        return fail(`the new rows cause problems elsewhere in the data:\n${v.other.map(formatIssue).join('\n')}`);
      }
      if (v.byId.size === 0 && blamed.rows === 0) break;
      for (const p of ok) { const errs = v.byId.get(p.id); if (errs) p.error = errs.join('; '); }
      ok = ok.filter((p) => p.error === null);
    }
    // write: the tables, then the inbox with what is left
    for (const t of FACT_TABLES) {
      const mine = ok.filter((p) => p.table === t);
      if (mine.length) appendCsvRows(path.join(dataDir, factTableFile(t)), mine.map(tableRow));
    }
    const failed = pending.filter((p) => p.error !== null);
    const left: InboxRow[] = [...failed.map((p) => ({ ...p.row, error: p.error! })), ...keep]
      .sort((a, b) => Number(a.__line) - Number(b.__line))
      .map(({ __line, ...r }) => r as InboxRow);
    if (left.length === 0) fs.rmSync(file);
    else fs.writeFileSync(file, formatInbox(left));
    const byTable = FACT_TABLES.map((t) => [t, ok.filter((p) => p.table === t).length] as const).filter(([, n]) => n > 0);
    process.stdout.write(`accepted ${ok.length} rows${byTable.length ? `: ${byTable.map(([t, n]) => `${t} ${n}`).join(', ')}` : ''}\n`);
    for (const p of failed) process.stdout.write(`  left in inbox: ${displayPath(file)}:${p.row.__line}: ${p.error}\n`);
    if (keep.length) process.stdout.write(`  ${keep.length} rows below --min-confidence ${minConfidence} left in the inbox\n`);
    process.stdout.write(left.length ? `${left.length} rows wait in ${displayPath(file)}\n` : `inbox for ${sourceId} is empty and removed\n`);
    return failed.length > 0 ? 1 : 0;
  },
};
