import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, toCsv } from '../../src/report/csv';

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
