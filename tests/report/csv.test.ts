import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, toCsv, UTF8_BOM } from '../../src/report/csv';
import { writeDerivedExport, writeFactsExport } from '../../src/report/exports';
import { fixtureContext } from '../charts/fixtures';

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 10', "'+86 10"],
    ['-5.2', "'-5.2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
  ])('prefixes %j with a quote', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('超50亿元')).toBe('超50亿元');
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula('')).toBe('');
  });
});

describe('csvCell', () => {
  it('writes numbers as numbers, negative ones included', () => {
    expect(csvCell(-5.2)).toBe('-5.2');
    expect(csvCell(5e9)).toBe('5000000000');
    expect(csvCell(0)).toBe('0');
  });

  it('neutralises a negative number given as text', () => {
    expect(csvCell('-5.2')).toBe("'-5.2");
  });

  it('quotes commas, quotes and line breaks after neutralising', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('\rline')).toBe('"\'\rline"');
  });

  it('writes empty cells for null and joins lists with ;', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(['a', 'b'])).toBe('a;b');
    expect(csvCell(['-a', 'b'])).toBe("'-a;b");
  });

  it('refuses non-finite numbers, naming the cell', () => {
    expect(() => csvCell(Number.NaN, "row 3, column 'value'")).toThrow(/row 3, column 'value' is NaN/);
  });
});

describe('toCsv', () => {
  it('writes header and rows in column order', () => {
    const text = toCsv(['id', 'value', 'note'], [
      { id: 'a', value: -1.5, note: '=cmd|" /C calc"!A0' },
      { id: 'b', value: null, note: 'ok' },
    ]);
    expect(text).toBe('id,value,note\na,-1.5,"\'=cmd|"" /C calc""!A0"\nb,,ok\n');
  });
});

describe('CSV files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'benchval-csv-'));
  const data = fixtureContext();
  // a text cell starting with a tab and one starting with = (formula triggers)
  data.facts[0] = { ...data.facts[0], note: '\tindented', variant: '=1+1' };
  writeFactsExport(data.facts, join(dir, 'data'));
  writeDerivedExport(data.derived, join(dir, 'metrics'));

  it('start with the UTF-8 byte order mark, bytes EF BB BF, so Excel reads Chinese text', () => {
    for (const f of ['data/facts.csv', 'metrics/derived.csv']) {
      const bytes = readFileSync(join(dir, f));
      expect(bytes.subarray(0, 3).toString('hex'), f).toBe('efbbbf');
      // the header follows the mark directly
      expect(bytes.subarray(3, 6).toString('utf8'), f).toBe('id,');
    }
    expect(UTF8_BOM).toBe('\uFEFF');
  });

  it('read back with a CSV parser: Chinese text intact, numbers numeric, formula triggers neutralised', () => {
    const rows = parse(readFileSync(join(dir, 'data/facts.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(data.facts.length);
    const over = rows.find((r) => r.id === 'a-stepfun-funding-amount-b-plus');
    expect(over?.quantity).toBe('超50亿元');
    // 超50亿元 = 50 x 1e8 = 5e9, written as a plain number
    expect(over?.low).toBe('5000000000');
    expect(rows[0].note).toBe("'\tindented");
    expect(rows[0].variant).toBe("'=1+1");
    const derived = parse(readFileSync(join(dir, 'metrics/derived.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(derived.map((r) => r.id)).toEqual(data.derived.map((d) => d.id));
  });
});
