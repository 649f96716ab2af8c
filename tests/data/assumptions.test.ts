import { describe, expect, it } from 'vitest';
import { checkFxTriangles, consistentFxOverrides, fxPairOverrides, FxScenarioError, FX_TRIANGLE_TOLERANCE, type AssumptionRows } from '../../src/data/assumptions';
import { IssueList } from '../../src/data/errors';
import { readAssumptions, readDataset } from '../../src/data';
import { usdCnyOverrides } from '../../src/notebooks/context';
import type { Assumption } from '../../src/types';
import { VALID_DIR } from './fixture-dirs';

const fx = (id: string, value: number, unit: string, as_of = '2026-01'): Assumption => ({
  id, name: id, value, unit, as_of, rationale: 'test rate', reference: null,
});

/** Issues of checkFxTriangles over `list`, as if read from lines 2, 3, ... of assumptions.csv. */
function triangleIssues(list: Assumption[], overridden: string[] = []) {
  const rows: AssumptionRows = { assumptions: list, file: 'assumptions.csv', lines: new Map(list.map((a, i) => [a.id, i + 2])) };
  const issues = new IssueList();
  checkFxTriangles(rows, list, new Set(overridden), issues);
  return issues.items;
}

describe('FX triangles', () => {
  it('allows 0.5%', () => {
    expect(FX_TRIANGLE_TOLERANCE).toBe(0.005);
  });

  it('accepts rates that agree: 7 CNY/USD x 0.128 USD/HKD = 0.896 CNY/HKD', () => {
    expect(triangleIssues([fx('usd-cny', 7, 'CNY/USD'), fx('hkd-usd', 0.128, 'USD/HKD'), fx('hkd-cny', 0.896, 'CNY/HKD')])).toEqual([]);
  });

  it('accepts 0.44% and rejects 0.55%', () => {
    // 0.896 / 0.9 = 0.99556: 0.44% apart
    expect(triangleIssues([fx('usd-cny', 7, 'CNY/USD'), fx('hkd-usd', 0.128, 'USD/HKD'), fx('hkd-cny', 0.9, 'CNY/HKD')])).toEqual([]);
    // 0.896 / 0.901 = 0.99445: 0.55% apart
    const issues = triangleIssues([fx('usd-cny', 7, 'CNY/USD'), fx('hkd-usd', 0.128, 'USD/HKD'), fx('hkd-cny', 0.901, 'CNY/HKD')]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'assumptions.csv', line: 4, column: 'value' });
    expect(issues[0].message).toBe(
      'FX rates of 2026-01 disagree: usd-cny (7 CNY/USD) x hkd-usd (0.128 USD/HKD) = 0.896 CNY/HKD, but hkd-cny is 0.901 CNY/HKD; '
      + '0.55% apart, more than 0.5%. Override usd-cny, hkd-usd and hkd-cny together, or set one rate through a scenario, which moves the others '
      + '(ds.scenario({ fx: { USDCNY: 7.2 } }) or bv.open({ overrides }))',
    );
  });

  it('marks overridden rates', () => {
    // 7.2 x 0.128 = 0.9216 against 0.896: 0.9216 / 0.896 = 1.02857, 2.86% apart
    const [issue] = triangleIssues([fx('usd-cny', 7.2, 'CNY/USD'), fx('hkd-usd', 0.128, 'USD/HKD'), fx('hkd-cny', 0.896, 'CNY/HKD')], ['usd-cny']);
    expect(issue.message).toMatch(/^FX rates of 2026-01 disagree: usd-cny \(7\.2 CNY\/USD, overridden\) x hkd-usd \(0\.128 USD\/HKD\) = 0\.9216 CNY\/HKD, but hkd-cny is 0\.896 CNY\/HKD; 2\.86% apart/);
  });

  it('reads rates written the other way round', () => {
    // 0.896 CNY/HKD x 7.8125 HKD/USD = 7 CNY/USD
    expect(triangleIssues([fx('usd-cny', 7, 'CNY/USD'), fx('usd-hkd', 7.8125, 'HKD/USD'), fx('hkd-cny', 0.896, 'CNY/HKD')])).toEqual([]);
    // a cycle CNY/USD, USD/HKD, HKD/CNY: 1/1.2 CNY/HKD x 1/0.128 HKD/USD = 7.8125 / 1.2 = 6.51042 CNY/USD against 7:
    // 1 - 6.51042 / 7 = 6.99% apart
    const [issue] = triangleIssues([fx('usd-cny', 7, 'CNY/USD'), fx('hkd-usd', 0.128, 'USD/HKD'), fx('cny-hkd', 1.2, 'HKD/CNY')]);
    expect(issue.message).toMatch(
      /^FX rates of 2026-01 disagree: cny-hkd \(0\.833333 CNY\/HKD, 1 \/ 1\.2 HKD\/CNY\) x hkd-usd \(7\.8125 HKD\/USD, 1 \/ 0\.128 USD\/HKD\) = 6\.51042 CNY\/USD, but usd-cny is 7 CNY\/USD; 6\.99% apart/,
    );
    expect(issue.line).toBe(2);
  });

  it('compares only rates of the same as_of', () => {
    // 7.15 x 0.128 = 0.9152, 2.1% above 0.896, but 2025-06 and 2026-01 are different dates
    expect(triangleIssues([fx('usd-cny-2025', 7.15, 'CNY/USD', '2025-06'), fx('hkd-usd', 0.128, 'USD/HKD'), fx('hkd-cny', 0.896, 'CNY/HKD')])).toEqual([]);
  });
});

describe('overrides and the FX triangle', () => {
  it('usdCnyOverrides moves the whole triangle, so the data set reads', () => {
    const overrides = usdCnyOverrides(readAssumptions({ dataDir: VALID_DIR }), 7.3);
    const d = readDataset({ dataDir: VALID_DIR, overrides });
    // 7.3 CNY/USD x 0.128 USD/HKD = 0.9344 CNY/HKD
    expect(d.assumptions.find((a) => a.id === 'hkd-cny-2026-01')!.value).toBeCloseTo(0.9344, 12);
  });

  it('overriding one rate of a triangle alone is an error naming the three ids', () => {
    expect(() => readDataset({ dataDir: VALID_DIR, overrides: { 'usd-cny-2026-01': 7.3 } })).toThrow(
      /usd-cny-2026-01 \(7\.3 CNY\/USD, overridden\) x hkd-usd-2026-01 .*hkd-cny-2026-01.*Override usd-cny-2026-01, hkd-usd-2026-01 and hkd-cny-2026-01 together/,
    );
  });
});

describe('FX scenarios: consistentFxOverrides and fxPairOverrides', () => {
  const rates = [
    fx('usd-cny', 7, 'CNY/USD'), fx('hkd-usd', 0.128, 'USD/HKD'), fx('hkd-cny', 0.896, 'CNY/HKD'),
    fx('usd-cny-old', 7.15, 'CNY/USD', '2025-06'),
  ];
  const given = (id: string, value: number) => ({ id, value, given: `overrides['${id}'] = ${value}` });

  it('moves the cross rate with USD/CNY, date by date', () => {
    // 7.2 x 0.128 = 0.9216; the 2025-06 rate is not touched
    expect(consistentFxOverrides(rates, [given('usd-cny', 7.2)])).toEqual({ 'usd-cny': 7.2, 'hkd-cny': 0.9216 });
  });

  it('moves USD/CNY when only HKD/CNY is set, holding the HKD rate', () => {
    // 0.9216 / 0.128 = 7.2 CNY/USD
    expect(consistentFxOverrides(rates, [given('hkd-cny', 0.9216)])).toEqual({ 'hkd-cny': 0.9216, 'usd-cny': 7.2 });
  });

  it('reads market pairs in either direction of the file', () => {
    const inverted = [fx('cny-usd', 1 / 7, 'USD/CNY'), fx('hkd-usd', 0.128, 'USD/HKD'), fx('hkd-cny', 0.896, 'CNY/HKD')];
    const o = fxPairOverrides(inverted, { USDCNY: 8 });
    // USDCNY 8 CNY per USD = 0.125 USD per CNY
    expect(o).toEqual([{ id: 'cny-usd', value: 0.125, given: 'fx.USDCNY = 8' }]);
    // 8 x 0.128 = 1.024 CNY/HKD
    expect(consistentFxOverrides(inverted, o)['hkd-cny']).toBeCloseTo(1.024, 12);
  });

  it('names the overrides that contradict each other', () => {
    // 7.2 CNY/USD and 7.8 HKD/USD give 0.923 CNY/HKD, not 0.8
    const o = fxPairOverrides(rates, { USDCNY: 7.2, USDHKD: 7.8, HKDCNY: 0.8 }, '2026-01');
    expect(() => consistentFxOverrides(rates, o)).toThrow(FxScenarioError);
    expect(() => consistentFxOverrides(rates, o)).toThrow(/fx\.USDCNY = 7\.2.*fx\.USDHKD = 7\.8|fx\.USDHKD = 7\.8.*fx\.USDCNY = 7\.2/);
    expect(() => fxPairOverrides(rates, { USDEUR: 1 } as never)).toThrow(/unknown FX pair 'USDEUR'/);
  });
});
