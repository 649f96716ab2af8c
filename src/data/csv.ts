/**
 * CSV reading with line numbers: every record knows the file line it starts on. The header
 * must hold exactly the expected columns (any order); records with another number of fields
 * are reported and skipped. Cell values are trimmed. A missing file is an error: every table
 * of a data directory is required (see data/README.md).
 */
import * as fs from 'fs';
import { parse } from 'csv-parse/sync';
import type { IssueList } from './errors';

export interface CsvRecord {
  /** 1-based line the record starts on */
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  /** file as displayed in messages */
  file: string;
  header: string[];
  records: CsvRecord[];
}

interface RawRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** Line a record starts on: csv-parse reports the line it ends on. */
function startLine(r: RawRecord): number {
  const body = r.raw.replace(/^(?:\r?\n)+/, '').replace(/\r?\n$/, '');
  const inner = (body.match(/\n/g) ?? []).length;
  return r.info.lines - inner;
}

/**
 * Reads a CSV table; header and field-count problems go to `issues`. Returns null when the file
 * cannot be used at all (missing, unreadable, malformed, wrong header).
 */
export function readCsvTable(
  absPath: string, file: string, columns: readonly string[], issues: IssueList, optional: readonly string[] = [],
): CsvTable | null {
  let text: string;
  try {
    text = fs.readFileSync(absPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? ': the file is missing (every table of the data directory is required)' : '';
    issues.add(file, 0, null, `cannot read file (${code ?? (e as Error).message})${why}`);
    return null;
  }
  return parseCsvTable(text, file, columns, issues, optional);
}

/**
 * Parses CSV text as read by readCsvTable; `file` names it in messages. Columns listed in
 * `optional` may be missing from the header; their cells then read as ''.
 */
export function parseCsvTable(
  text: string, file: string, columns: readonly string[], issues: IssueList, optional: readonly string[] = [],
): CsvTable | null {
  let raws: RawRecord[];
  try {
    raws = parse(text, {
      bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true,
    }) as unknown as RawRecord[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    issues.add(file, err.lines ?? 0, null, `malformed CSV: ${err.message}`);
    return null;
  }
  if (raws.length === 0) {
    issues.add(file, 0, null, 'empty file (expected a header row)');
    return null;
  }
  const headerLine = startLine(raws[0]);
  const header = raws[0].record.map((h) => h.trim());
  let headerOk = true;
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) { issues.add(file, headerLine, h, 'duplicate column in header'); headerOk = false; }
    seen.add(h);
    if (!columns.includes(h)) {
      issues.add(file, headerLine, h, `unknown column (expected ${columns.join(', ')})`);
      headerOk = false;
    }
  }
  for (const c of columns) {
    if (!seen.has(c) && !optional.includes(c)) { issues.add(file, headerLine, c, 'missing column in header'); headerOk = false; }
  }
  if (!headerOk) return null;
  const records: CsvRecord[] = [];
  for (const r of raws.slice(1)) {
    const line = startLine(r);
    if (r.record.length !== header.length) {
      issues.add(file, line, null, `expected ${header.length} fields, found ${r.record.length}`);
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((h, i) => { values[h] = r.record[i].trim(); });
    records.push({ line, values });
  }
  return { file, header, records };
}
