/**
 * CSV writer for exported tables (RFC 4180 quoting, "\n" line ends) that neutralises
 * spreadsheet formulas. CSV files are written with UTF8_BOM in front, without
 * which Excel reads the file in the system code page and garbles Chinese text.
 *
 * Formula neutralisation: a TEXT cell whose first character is = + - @, a tab or a carriage
 * return is prefixed with a single quote (') so spreadsheet programs show it as text instead
 * of evaluating it. Only string cells are touched: NUMBER cells are written as plain numbers,
 * so -5.2 stays the number -5.2, while the text "-5.2" becomes '-5.2. Numeric columns must
 * therefore be passed as numbers, not as pre-formatted strings.
 */

export type CsvCell = string | number | boolean | null | undefined | readonly string[];

/** First characters that make a spreadsheet treat a cell as a formula. */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/** The text cell made safe for spreadsheets (see the module comment). */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.includes(text[0]) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One cell as CSV text. Arrays are joined with ';'. Non-finite numbers are an error. */
export function csvCell(value: CsvCell, where = 'cell'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`csv: ${where} is ${value}; only finite numbers can be written`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = Array.isArray(value) ? value.join(';') : (value as string);
  return quote(neutraliseFormula(text));
}

/** A CSV document: header row then one row per record, columns in the given order. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvCell>[]): string {
  const lines = [columns.map((c) => quote(neutraliseFormula(c))).join(',')];
  rows.forEach((row, i) => {
    lines.push(columns.map((c) => csvCell(row[c], `row ${i + 1}, column '${c}'`)).join(','));
  });
  return lines.join('\n') + '\n';
}

/** The UTF-8 byte order mark (U+FEFF, bytes EF BB BF), written first in every CSV file. */
export const UTF8_BOM = '\uFEFF';
