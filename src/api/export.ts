/**
 * Writing tables for other tools: CSV (UTF-8 with BOM, spreadsheet formulas neutralised, see
 * report/csv), Excel .xlsx with typed and formatted number cells (exceljs) and Parquet with
 * typed columns (hyparquet-writer). Numbers are written at full precision; only the xlsx
 * number format rounds what a spreadsheet shows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { toCsv, UTF8_BOM, type CsvCell } from '../report/csv';

export type Cell = string | number | boolean | null | undefined | readonly string[];
export type Row = Record<string, Cell>;

/** How a numeric column shows in Excel. */
export type ColumnFormat = 'money' | 'multiple' | 'percent' | 'number' | 'text';

export interface ExportColumn {
  key: string;
  /** header (default: key) */
  header?: string;
  format?: ColumnFormat;
}

/** Excel number formats by column format: money in billions, multiples with x. */
export const XLSX_FORMATS: Record<ColumnFormat, string | undefined> = {
  money: '#,##0.00,,," bn"',
  multiple: '0.0"x"',
  percent: '0.0"%"',
  number: '#,##0.###',
  text: undefined,
};

function columnsOf(rows: readonly Row[], columns?: readonly ExportColumn[]): ExportColumn[] {
  return columns ? [...columns] : Object.keys(rows[0] ?? {}).map((key) => ({ key }));
}

function ensureDir(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
}

/** CSV text of `rows` (lists joined with `;`). */
export function csvText(rows: readonly Row[], columns?: readonly ExportColumn[]): string {
  const cols = columnsOf(rows, columns);
  const records = rows.map((r) => Object.fromEntries(cols.map((c) => [c.header ?? c.key, r[c.key] as CsvCell])));
  return UTF8_BOM + toCsv(cols.map((c) => c.header ?? c.key), records);
}

/** Writes `rows` as CSV; returns the file. */
export function writeCsv(file: string, rows: readonly Row[], columns?: readonly ExportColumn[]): string {
  ensureDir(file);
  writeFileSync(file, csvText(rows, columns));
  return file;
}

/** Writes `rows` as one sheet of an .xlsx workbook, numbers as number cells with their format. */
export async function writeXlsx(file: string, rows: readonly Row[], columns?: readonly ExportColumn[], sheet = 'data'): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const cols = columnsOf(rows, columns);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({
    header: c.header ?? c.key, key: c.key, width: Math.min(48, Math.max(10, (c.header ?? c.key).length + 2)),
    style: XLSX_FORMATS[c.format ?? 'text'] ? { numFmt: XLSX_FORMATS[c.format ?? 'text'] } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow(Object.fromEntries(cols.map((c) => {
      const v = r[c.key];
      return [c.key, Array.isArray(v) ? v.join(';') : v ?? null];
    })));
  }
  ensureDir(file);
  await wb.xlsx.writeFile(file);
  return file;
}


/** Writes `rows` as Parquet: numeric columns as DOUBLE, booleans as BOOLEAN, the rest as STRING. */
export async function writeParquet(file: string, rows: readonly Row[], columns?: readonly ExportColumn[]): Promise<string> {
  // hyparquet-writer is an ES module without dependencies on top-level await: Node 20.19+ requires it
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parquetWriteBuffer } = require('hyparquet-writer') as {
    parquetWriteBuffer: (o: { columnData: Array<{ name: string; data: unknown[]; type: string }> }) => ArrayBuffer;
  };
  const cols = columnsOf(rows, columns);
  const columnData = cols.map((c) => {
    const values = rows.map((r) => r[c.key]);
    const numeric = values.every((v) => v === null || v === undefined || typeof v === 'number') && values.some((v) => typeof v === 'number');
    const bool = values.every((v) => v === null || v === undefined || typeof v === 'boolean') && values.some((v) => typeof v === 'boolean');
    const type = numeric ? 'DOUBLE' : bool ? 'BOOLEAN' : 'STRING';
    const data = values.map((v) => (v === undefined || v === null ? null : numeric || bool ? v : Array.isArray(v) ? v.join(';') : String(v)));
    return { name: c.header ?? c.key, data, type };
  });
  ensureDir(file);
  writeFileSync(file, Buffer.from(parquetWriteBuffer({ columnData })));
  return file;
}
