import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../src/data/csvParse';
import { parseCsvTable } from '../../src/data/csv';
import { IssueList } from '../../src/data/errors';

const DATA = path.resolve(__dirname, '../../data');

describe('CSV parsing', () => {
  it('reads every table of the data exactly as csv-parse does', () => {
    for (const f of fs.readdirSync(DATA).filter((n) => n.endsWith('.csv'))) {
      const text = fs.readFileSync(path.join(DATA, f), 'utf8');
      const expected = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
      expect(parseCsv(text).map((r) => r.fields), f).toEqual(expected);
    }
  });

  it('numbers each record by the line it starts on: quoted line breaks, CRLF, empty lines', () => {
    const text = '\uFEFFa,b\r\n"x\ny",2\r\n\r\n"say ""hi""",\n3,"4,5"';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      // starts on line 2, its first field spans lines 2-3
      { line: 2, fields: ['x\ny', '2'] },
      // line 4 is empty
      { line: 5, fields: ['say "hi"', ''] },
      { line: 6, fields: ['3', '4,5'] },
    ]);
  });

  it('names the line of a quote never closed, text after a closing quote, or a stray quote', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(new CsvSyntaxError(2, 'quoted field not closed'));
    expect(() => parseCsv('a,b\n1,"x"y\n')).toThrow(/^unexpected text after a closing quote \(line 2\)$/);
    expect(() => parseCsv('a,b\n\n1,x"y\n')).toThrow(/^a quote inside a field that does not start with one .*\(line 3\)$/);
  });

  it('reports a syntax error as malformed CSV at its line', () => {
    const issues = new IssueList();
    expect(parseCsvTable('a,b\n1,"open\n', 't.csv', ['a', 'b'], issues)).toBeNull();
    expect(issues.items).toEqual([{ file: 't.csv', line: 2, column: null, message: 'malformed CSV: quoted field not closed (line 2)' }]);
  });
});
