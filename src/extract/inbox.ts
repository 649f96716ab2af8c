/**
 * The inbox: candidate rows waiting for review, one CSV per source under `<data dir>/inbox/`
 * (`inbox/<source-id>.csv`). Columns: every fact column of every table, `table`, `entity_text`,
 * `confidence`, `reasons` (`; `-separated) and `error` (why `accept` left the row behind).
 * The analyst edits or deletes rows; `benchval accept` moves the rest into the fact tables.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { FACT_TABLES } from '../types';
import { FACT_COMMON_COLUMNS, FACT_EXTRA_COLUMNS } from '../data/schema';
import type { Candidate } from './extract';

const EXTRA = [...new Set(FACT_TABLES.flatMap((t) => FACT_EXTRA_COLUMNS[t]))];

/** Columns of an inbox file, in order. */
export const INBOX_COLUMNS = [
  'id', 'table', ...FACT_COMMON_COLUMNS.filter((c) => c !== 'id'), ...EXTRA, 'entity_text', 'confidence', 'reasons', 'error',
] as const;

export type InboxRow = Record<string, string>;

export function inboxDir(dataDir: string): string {
  return path.join(dataDir, 'inbox');
}

export function inboxFile(dataDir: string, sourceId: string): string {
  return path.join(inboxDir(dataDir), `${sourceId}.csv`);
}

/** A candidate as an inbox row (every value as text). */
export function candidateRow(c: Candidate): InboxRow {
  const r: InboxRow = {};
  const rec = c as unknown as Record<string, unknown>;
  for (const col of INBOX_COLUMNS) {
    const v = col === 'reasons' ? c.reasons.join('; ') : rec[col];
    r[col] = v === null || v === undefined ? '' : String(v);
  }
  return r;
}

export function formatInbox(rows: readonly InboxRow[]): string {
  return stringify(rows.map((r) => INBOX_COLUMNS.map((c) => r[c] ?? '')), { header: true, columns: [...INBOX_COLUMNS] });
}

/** Reads an inbox file; rows keep their file line for messages. */
export function readInbox(file: string): Array<InboxRow & { __line: string }> {
  const text = fs.readFileSync(file, 'utf8');
  const recs = parse(text, { bom: true, columns: true, skip_empty_lines: true, info: true, relax_column_count: false }) as Array<{ record: InboxRow; info: { lines: number } }>;
  return recs.map((r) => ({ ...r.record, __line: String(r.info.lines) }));
}

/** Source ids with an inbox file, sorted. */
export function listInbox(dataDir: string): string[] {
  const dir = inboxDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4)).sort();
}

/** Rewrites an inbox file with `rows` (the analyst's review done in code). */
export function writeInbox(file: string, rows: readonly InboxRow[]): void {
  fs.writeFileSync(file, formatInbox(rows));
}
