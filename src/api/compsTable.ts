/** The comps table with its display form, DataFrame and exports (CSV, xlsx, Parquet). */
import type { DataFrame } from 'danfojs-node';
import { rowsToFrame } from '../data/frames';
import type { FormatOptions } from '../units/format';
import { formatComps, type CompsRow } from './comps';
import { writeCsv, writeParquet, writeXlsx, type ExportColumn, type Row } from './export';

/** Export columns: money and multiples as numbers (base units, one currency), with their Excel formats. */
export const COMPS_EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'entity' }, { key: 'name' }, { key: 'listed' }, { key: 'valuation_date' }, { key: 'valuation_basis' }, { key: 'valuation_quantity' },
  { key: 'valuation_low', format: 'money' }, { key: 'valuation', format: 'money' }, { key: 'valuation_high', format: 'money' },
  { key: 'revenue_period' }, { key: 'revenue_basis' },
  { key: 'revenue_low', format: 'money' }, { key: 'revenue', format: 'money' }, { key: 'revenue_high', format: 'money' },
  { key: 'ps_low', format: 'multiple' }, { key: 'ps', format: 'multiple' }, { key: 'ps_high', format: 'multiple' },
  { key: 'ps_stated' }, { key: 'multiple_basis' }, { key: 'currency' }, { key: 'sources' }, { key: 'inputs' }, { key: 'assumptions' }, { key: 'note' },
];

export class CompsTable {
  constructor(readonly rows: readonly CompsRow[]) {}

  /** One row per company for people: one scale per money column (see formatComps). */
  format(opts: FormatOptions = {}): Array<Record<string, string>> {
    return formatComps(this.rows, opts);
  }

  /** The rows as a danfojs-node DataFrame (numbers in base units). */
  frame(): DataFrame {
    return rowsToFrame(this.rows);
  }

  private get exportRows(): Row[] {
    return this.rows as unknown as Row[];
  }

  toCsv(file: string): string {
    return writeCsv(file, this.exportRows, COMPS_EXPORT_COLUMNS);
  }

  toXlsx(file: string): Promise<string> {
    return writeXlsx(file, this.exportRows, COMPS_EXPORT_COLUMNS, 'comps');
  }

  toParquet(file: string): Promise<string> {
    return writeParquet(file, this.exportRows, COMPS_EXPORT_COLUMNS);
  }
}
