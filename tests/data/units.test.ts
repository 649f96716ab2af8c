import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { currencyPair, isUnitName, UNIT_NAMES, UNITS } from '../../src/data/units';
import { checkMetricUnits } from '../../src/data/metricUnits';
import { IssueList } from '../../src/data/errors';
import { parseQuantity } from '../../src/units';
import type { Fact } from '../../src/types';
import { SIMPLIFIED, TRADITIONAL } from '../units/real-phrases';

const ROOT = path.resolve(__dirname, '../..');
const DATA = path.join(ROOT, 'data');

function csvRows(file: string): Array<Record<string, string>> {
  return parse(fs.readFileSync(file, 'utf8'), { bom: true, columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
}

describe('the unit list', () => {
  it('is documented in data/README.md, in the same order', () => {
    const readme = fs.readFileSync(path.join(DATA, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Units'), readme.indexOf('## Parsed values'));
    const rows = [...section.matchAll(/^\| `([^`]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(Object.entries(UNITS));
  });

  it('holds every unit a quantity of the articles parses to', () => {
    for (const c of [...SIMPLIFIED, ...TRADITIONAL]) {
      const unit = parseQuantity(c.text).unit;
      if (unit !== null) expect(UNIT_NAMES, c.text).toContain(unit);
    }
  });

  it('holds every unit of the committed fact tables and claims', () => {
    const files = fs.readdirSync(DATA).filter((f) => f.endsWith('.csv') && !['sources.csv', 'entities.csv', 'assumptions.csv'].includes(f));
    expect(files).toHaveLength(9);
    for (const f of files) {
      for (const r of csvRows(path.join(DATA, f))) expect(isUnitName(r.unit), `${f}: ${r.id} '${r.unit}'`).toBe(true);
    }
  });

  it('rejects near misses', () => {
    expect(isUnitName('vehicles')).toBe(true);
    expect(isUnitName('vehicels')).toBe(false);
    expect(isUnitName('Vehicles')).toBe(false);
    expect(isUnitName('toString')).toBe(false);
  });

  it('reads currency pairs of FX assumptions', () => {
    expect(currencyPair('CNY/USD')).toEqual({ quote: 'CNY', base: 'USD' });
    expect(currencyPair('USD/USD')).toBeNull();
    expect(currencyPair('EUR/USD')).toBeNull();
    expect(currencyPair('money/token')).toBeNull();
  });
});

describe('one metric, one unit', () => {
  let line = 1;
  const fact = (metric: string, unit: string, extra: Partial<Fact> = {}): Fact => ({
    id: `f${line}`, table: 'financials', entity: 'x', metric, quantity: '1', value: 1, low: 1, high: 1, unit, currency: null,
    qualifier: 'exact', as_of: '2026', period_start: null, period_end: null, source: 's', seed_file: 's.txt', evidence: '1',
    note: null, file: 'financials.csv', line: ++line, ...extra,
  });
  const issuesOf = (facts: Fact[]) => {
    const issues = new IssueList();
    checkMetricUnits(facts, issues);
    return issues.items;
  };

  it('reports the row whose unit differs from the one most rows use', () => {
    line = 1;
    // revenue: lines 2 and 3 in money, line 4 in multiple; net_loss alone in money
    const issues = issuesOf([fact('revenue', 'money'), fact('revenue', 'money'), fact('revenue', 'multiple'), fact('net_loss', 'money')]);
    expect(issues).toEqual([{
      file: 'financials.csv', line: 4, column: 'unit',
      message: "metric 'revenue' is in 'multiple' here, but other rows of it use 'money' (2 rows, first at financials.csv:2); one metric takes one unit across the data set",
    }]);
  });

  it('reports every row when two units are used by equally many rows', () => {
    line = 1;
    const issues = issuesOf([fact('downloads', 'count'), fact('downloads', 'downloads')]);
    expect(issues.map((i) => [i.line, i.message.replace(/;.*/, '')])).toEqual([
      [2, "metric 'downloads' is in 'count' here, but other rows of it use 'downloads' (1 row, first at financials.csv:3)"],
      [3, "metric 'downloads' is in 'downloads' here, but other rows of it use 'count' (1 row, first at financials.csv:2)"],
    ]);
  });

  it('groups benchmark scores by benchmark', () => {
    line = 1;
    const b = (benchmark: string, unit: string) => fact('score', unit, { table: 'benchmarks', benchmark, file: 'benchmarks.csv' });
    // AIME 2025 in points and MathArena in percent: two benchmarks, one unit each
    expect(issuesOf([b('AIME 2025', 'score'), b('AIME 2025', 'score'), b('MathArena Overall', 'percent')])).toEqual([]);
    // the same benchmark in two units: lines 5 and 6 in score, line 7 in percent
    const issues = issuesOf([b('AIME 2025', 'score'), b('AIME 2025', 'score'), b('AIME 2025', 'percent')]);
    expect(issues).toHaveLength(1);
    expect(issues[0].line).toBe(7);
    expect(issues[0].message).toMatch(/^metric 'score' of benchmark 'AIME 2025' is in 'percent' here, but other rows of it use 'score' \(2 rows, first at benchmarks\.csv:5\)/);
  });
});
