/**
 * CSV reading with line numbers: every record knows the file line it starts on. The header
 * must hold exactly the expected columns (any order); records with another number of fields
 * are reported and skipped. Cell values are trimmed. The file must be UTF-8 (a file that is not
 * is reported with the byte offset of the first bad byte, never decoded with U+FFFD) and no cell
 * may hold a NUL byte. A missing file is an error: every table
 * of a data directory is required (see data/README.md).
 */
import * as fs from 'fs';
import { CsvSyntaxError, parseCsv } from './csvParse';
import { decodeUtf8 } from './checks/encoding';
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
  /**
   * records left out for a problem already reported (wrong number of fields, NUL byte), as far
   * as they could be read: their ids still count as present, so rows referring to them do not
   * repeat the problem
   */
  dropped: CsvRecord[];
}

/**
 * Reads a CSV table; header and field-count problems go to `issues`. Returns null when the file
 * cannot be used at all (missing, unreadable, malformed, wrong header).
 */
export function readCsvTable(
  absPath: string, file: string, columns: readonly string[], issues: IssueList, optional: readonly string[] = [],
): CsvTable | null {
  let bytes: Buffer;
  try {
    if (!fs.statSync(absPath).isFile()) {
      issues.add(file, 0, null, 'cannot read file: it is not a plain file');
      return null;
    }
    bytes = fs.readFileSync(absPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? ': the file is missing (every table of the data directory is required)' : '';
    issues.add(file, 0, null, `cannot read file (${code ?? (e as Error).message})${why}`);
    return null;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    issues.add(file, decoded.line, null, decoded.message);
    return null;
  }
  return parseCsvTable(decoded.text, file, columns, issues, optional);
}

/**
 * Parses CSV text as read by readCsvTable; `file` names it in messages. Columns in `optional` may
 * be absent from the header; their cells then read as ''.
 */
export function parseCsvTable(
  text: string, file: string, columns: readonly string[], issues: IssueList, optional: readonly string[] = [],
): CsvTable | null {
  let raws: Array<{ record: string[]; line: number }>;
  try {
    raws = parseCsv(text).map((r) => ({ record: r.fields, line: r.line }));
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    issues.add(file, e.line, null, `malformed CSV: ${e.message}`);
    return null;
  }
  if (raws.length === 0) {
    issues.add(file, 0, null, 'empty file (expected a header row)');
    return null;
  }
  const headerLine = raws[0].line;
  const header = raws[0].record.map((h) => h.trim());
  let headerOk = true;
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) { issues.add(file, headerLine, h, 'duplicate column in header'); headerOk = false; }
    seen.add(h);
    if (!columns.includes(h) && !optional.includes(h)) {
      const may = optional.length ? `; optional: ${optional.join(', ')}` : '';
      issues.add(file, headerLine, h, `unknown column (expected ${columns.join(', ')}${may})`);
      headerOk = false;
    }
  }
  for (const c of columns) {
    if (!seen.has(c) && !optional.includes(c)) { issues.add(file, headerLine, c, 'missing column in header'); headerOk = false; }
  }
  if (!headerOk) return null;
  const records: CsvRecord[] = [];
  const dropped: CsvRecord[] = [];
  for (const r of raws.slice(1)) {
    const line = r.line;
    if (r.record.length !== header.length) {
      issues.add(file, line, null, `expected ${header.length} fields, found ${r.record.length}`);
      const values: Record<string, string> = {};
      header.forEach((h, i) => { values[h] = (r.record[i] ?? '').trim(); });
      dropped.push({ line, values });
      continue;
    }
    const values: Record<string, string> = {};
    let nul = false;
    header.forEach((h, i) => {
      values[h] = r.record[i].trim();
      if (values[h].includes('\u0000')) { issues.add(file, line, h, 'NUL byte in the cell'); nul = true; }
    });
    for (const o of optional) if (!(o in values)) values[o] = '';
    if (nul) { dropped.push({ line, values }); continue; }
    records.push({ line, values });
  }
  return { file, header, records, dropped };
}
