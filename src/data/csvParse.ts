/**
 * RFC 4180 CSV parsing with the line each record starts on, in one pass over the text (about
 * five times faster than csv-parse with line information, which dominated validation at 100k
 * rows). Fields are separated by commas, records by LF or CRLF; a field in double quotes may
 * hold commas, line breaks and doubled quotes. Empty lines are skipped. A quote that is never
 * closed, text after a closing quote, or a quote inside an unquoted field is an error naming
 * the line.
 */

export interface ParsedRecord {
  /** 1-based line the record starts on */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, reason: string) {
    super(`${reason} (line ${line})`);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = 34; // "
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Parses CSV text (a leading byte order mark is ignored). */
export function parseCsv(input: string): ParsedRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const out: ParsedRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    // one record
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        let j = i + 1;
        let value = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) throw new CsvSyntaxError(quoteLine, 'quoted field not closed');
          const chunk = text.slice(j, q);
          for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
          value += chunk;
          if (text.charCodeAt(q + 1) === QUOTE) { value += '"'; j = q + 2; continue; }
          i = q + 1;
          break;
        }
        const c = text.charCodeAt(i);
        if (i < n && c !== COMMA && c !== LF && !(c === CR && text.charCodeAt(i + 1) === LF)) {
          throw new CsvSyntaxError(line, `unexpected text after a closing quote`);
        }
        field = value;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === LF || (c === CR && text.charCodeAt(j + 1) === LF)) break;
          if (c === QUOTE) throw new CsvSyntaxError(line, 'a quote inside a field that does not start with one (quote the whole field and double the inner quote)');
          j++;
        }
        field = text.slice(i, j);
        i = j;
      }
      fields.push(field);
      const c = text.charCodeAt(i);
      if (c === COMMA) { i++; continue; }
      if (c === CR) i += 2;
      else if (c === LF) i++;
      line++;
      break;
    }
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: startLine, fields });
  }
  return out;
}
