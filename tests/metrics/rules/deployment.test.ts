import { describe, expect, it } from 'vitest';
import { computeDerived } from '../../../src/metrics/derived';
import { dailyVisitsPerInstallRule, quarterlyCompoundingRule, runRateRule, targetGapRule, targetProgressRule } from '../../../src/metrics/rules/deployment';
import type { Fact } from '../../../src/types';
import { fact, FX } from '../facts';

const dep = (p: Partial<Fact> & { id: string; quantity: string }) => fact({ entity: 'app', table: 'deployments', ...p });
const installs = dep({ id: 'inst', metric: 'installs', quantity: '超4200万台', as_of: '2026-01' });
const target = dep({ id: 'goal', metric: 'installs', quantity: '8000万台', qualifier: 'target', as_of: '2026-01' });

describe('dailyVisitsPerInstallRule', () => {
  it('近2000万 / 超4200万: bounds [0, 0.4762] visits per device, no value (超4200万 is a divisor that states only a lower bound)', () => {
    const facts = [installs, target, dep({ id: 'dau', metric: 'daily_visits', quantity: '近2000万人次', as_of: '2026-01' })];
    const rows = computeDerived(facts, FX, [dailyVisitsPerInstallRule]);
    expect(rows.map((r) => r.inputs)).toEqual([['dau', 'inst']]); // never against the target
    // low 1800万 / +inf = 0, high 2000万 / 4200万 = 0.476190 visits per device a day; the top, not a stated value
    expect(rows[0].value).toBeNull();
    expect(rows[0].low).toBe(0);
    expect(rows[0].high).toBeCloseTo(0.476190, 6);
    expect([rows[0].metric, rows[0].unit, rows[0].formula]).toEqual(['daily_visits_per_install', 'multiple', 'daily_visits / installs']);
    expect(rows[0].note).toMatch(/^no point value: inst states only a lower bound \(超4200万台\), and the result falls as it rises; /);
  });
  it('近2000万 / 4200万: value 2000/4200 = 0.4762, bounds [1800/4200, 2000/4200] = [0.4286, 0.4762]', () => {
    const facts = [dep({ id: 'inst', metric: 'installs', quantity: '4200万台', as_of: '2026-01' }),
      dep({ id: 'dau', metric: 'daily_visits', quantity: '近2000万人次', as_of: '2026-01' })];
    const [row] = computeDerived(facts, FX, [dailyVisitsPerInstallRule]);
    expect(row.value).toBeCloseTo(0.476190, 6);
    expect(row.low).toBeCloseTo(0.428571, 6);
  });
  it('no row for daily users of another source or entity', () => {
    const facts = [installs, dep({ id: 'dau', metric: 'daily_visits', quantity: '2000万', source: 'src-b' }), dep({ id: 'dau2', entity: 'other', metric: 'daily_visits', quantity: '2000万' })];
    expect(computeDerived(facts, FX, [dailyVisitsPerInstallRule])).toEqual([]);
  });
});

describe('runRateRule', () => {
  it('近4万 over three months: [3.6万, 4万] x 12/3 = [14.4万, 16万], stated 16万', () => {
    const facts = [
      dep({ id: 'q4', metric: 'vehicle_sales', quantity: '近4万辆', period_start: '2025-10-01', period_end: '2025-12-31' }),
      dep({ id: 'fy', metric: 'vehicle_sales', quantity: '10万辆', period_start: '2025-01-01', period_end: '2025-12-31' }),
      dep({ id: 'undated', metric: 'vehicle_sales', quantity: '4万辆', as_of: '2026-01' }),
    ];
    const rows = computeDerived(facts, FX, [runRateRule]);
    expect(rows.map((r) => r.inputs[0])).toEqual(['q4']); // a full year or no period: no run-rate
    expect([rows[0].low, rows[0].high, rows[0].value]).toEqual([144000, 160000, 160000]);
    expect(rows[0].method).toBe('linear run-rate over 2025-10-01..2025-12-31');
  });
});

describe('targetProgressRule and targetGapRule', () => {
  it('超4200万 toward 8000万: at least 52.5% done, at most 3800万 to go (bounds open where 超 leaves them open)', () => {
    const facts = [installs, target, dep({ id: 'other-goal', entity: 'other', metric: 'installs', quantity: '1亿台', qualifier: 'target' })];
    const [progress] = computeDerived(facts, FX, [targetProgressRule]);
    // 4200 / 8000 x 100 = 52.5; more than 4200万 installed gives more than 52.5%
    expect([progress.value, progress.low, progress.high]).toEqual([52.5, 52.5, null]);
    const gaps = computeDerived(facts, FX, [targetGapRule]);
    expect(gaps).toHaveLength(1); // the other entity's target has no current value
    // 8000万 - 4200万 = 3800万 devices is the most that is left, not a stated gap: no value
    expect([gaps[0].value, gaps[0].low, gaps[0].high, gaps[0].unit]).toEqual([null, null, 3.8e7, 'devices']);
    expect(gaps[0].note).toMatch(/^no point value: inst states only a lower bound/);
    expect(gaps[0].inputs).toEqual(['inst', 'goal']);
  });
  it('a forecast is a goal too; a target of 0 gives a progress row without a value', () => {
    const zero = dep({ id: 'zero', metric: 'installs', quantity: '0台', qualifier: 'forecast' });
    const [row] = computeDerived([installs, zero], FX, [targetProgressRule]);
    expect(row.value).toBeNull();
    expect(row.note).toMatch(/^not computed: target zero is 0; /);
  });
});

describe('quarterlyCompoundingRule', () => {
  it('近170% for each of three quarters: [2.53^3, 2.7^3] = [16.194277, 19.683], stated 19.683', () => {
    const g = dep({ id: 'g', metric: 'api_calls_growth', quantity: '近170%', period_start: '2025-04-01', period_end: '2025-12-31' });
    const [row] = computeDerived([g], FX, [quarterlyCompoundingRule]);
    expect(row.value).toBeCloseTo(19.683, 9);
    expect(row.low).toBeCloseTo(16.194277, 6); // 近170% reads as [153%, 170%]: 2.53^3
    expect(row.formula).toBe('(1 + quarterly_growth)^3');
  });
  it('two quarters of 25%: 1.25^2 = 1.5625; one quarter, a multiple or an undated growth get no row', () => {
    const facts = [
      dep({ id: 'two', metric: 'users_growth', quantity: '25%', period_start: '2025-01-01', period_end: '2025-06-30' }),
      dep({ id: 'one', metric: 'users_growth', quantity: '25%', period_start: '2025-01-01', period_end: '2025-03-31' }),
      dep({ id: 'times', metric: 'users_growth', quantity: '5倍', period_start: '2025-01-01', period_end: '2025-06-30' }),
      dep({ id: 'undated', metric: 'users_growth', quantity: '25%', as_of: '2025' }),
    ];
    const rows = computeDerived(facts, FX, [quarterlyCompoundingRule]);
    expect(rows.map((r) => [r.inputs[0], r.value])).toEqual([['two', 1.5625]]);
  });
});
