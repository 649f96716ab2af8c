/**
 * Writing through the existing table layout: rows are appended to a CSV in the column order of
 * its own header, quoted as needed, after a final newline.
 */
import * as fs from 'fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** Header of a CSV file. */
export function csvHeader(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const first = parse(text, { bom: true, to_line: 1 }) as string[][];
  if (first.length === 0) throw new Error(`${file}: no header row`);
  return first[0].map((h) => h.trim());
}

/** The text to append for `rows` (in the file's column order); empty for no rows. */
export function csvAppendText(file: string, rows: ReadonlyArray<Record<string, string>>): string {
  if (rows.length === 0) return '';
  const header = csvHeader(file);
  const text = fs.readFileSync(file, 'utf8');
  const lead = text.length > 0 && !text.endsWith('\n') ? '\n' : '';
  return lead + stringify(rows.map((r) => header.map((h) => r[h] ?? '')));
}

/** Appends rows to a CSV file in the column order of its header. */
export function appendCsvRows(file: string, rows: ReadonlyArray<Record<string, string>>): void {
  const add = csvAppendText(file, rows);
  if (add !== '') fs.appendFileSync(file, add);
}
