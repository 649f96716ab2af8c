import { describe, expect, it } from 'vitest';
import { checkLaunchRunRates, launchMonths } from '../../src/audit/launchRunRate';
import { fact } from '../metrics/facts';
import { claim, derivedRow } from './guards';

const q4 = { period_start: '2025-10-01', period_end: '2025-12-31' };
const launch = fact({ id: 'm9', table: 'deployments', entity: 'car', metric: 'vehicle_sales', quantity: '近4万辆', ...q4, evidence: '上市 3 个月销量近 4 万辆', event: 'm9-launch' });
const launchZh = fact({ id: 'm9-ne', table: 'deployments', entity: 'car', metric: 'vehicle_sales', quantity: '近4萬輛', ...q4, evidence: '2025年末上市三個月內銷量近4萬輛', event: 'm9-launch', source: 'src-b' });
const steady = fact({ id: 'q4', table: 'deployments', entity: 'car', metric: 'vehicle_sales', quantity: '5万辆', ...q4, evidence: '第四季度销量5万辆' });

describe('launch-period run rates', () => {
  it('reads the months since launch from the evidence, simplified or traditional', () => {
    expect([launchMonths(launch), launchMonths(launchZh), launchMonths(steady)]).toEqual([3, 3, null]);
  });
  it('warns on a derived run-rate of launch months: x 12/3 = 4, one finding per event', () => {
    const rows = [launch, launchZh].map((f) => derivedRow({ id: `rr-${f.id}`, metric: 'yearly_run_rate', inputs: [f.id], formula: 'vehicle_sales x 12/3' }));
    const out = checkLaunchRunRates([], rows, [launch, launchZh, steady]);
    expect(out.map((f) => [f.id, f.status, f.inputs])).toEqual([['launch-run-rate:m9-launch', 'warn', ['m9', 'm9-ne']]]);
    expect(out[0].message).toMatch(/first 3 months after a launch, by x 12\/3 = 4;/);
  });
  it('warns on a claim that annualises launch months', () => {
    const out = checkLaunchRunRates([claim({ id: 'c', expression: 'annualize(m9, 3)', stated: '16万辆', unit: 'vehicles' })], [], [launch]);
    expect(out.map((f) => f.message.slice(0, 8))).toEqual(['claim c ']);
  });
  it('is quiet on a steady quarter annualised and on launch months used without annualising', () => {
    const rows = [derivedRow({ id: 'rr', metric: 'yearly_run_rate', inputs: ['q4'], formula: 'vehicle_sales x 12/3' })];
    const claims = [claim({ id: 'plain', expression: 'm9 - q4' })];
    expect(checkLaunchRunRates(claims, rows, [launch, steady])).toEqual([]);
  });
});
