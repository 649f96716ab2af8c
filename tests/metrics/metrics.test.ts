import { describe, expect, it } from 'vitest';
import * as I from '../../src/metrics/interval';
import { annualize, impliedRevenue, marketCapToSales, priceToSales, requiredRevenueCagr } from '../../src/metrics/valuation';
import { cagr, cagrBackward, cagrForward, compound, growthMultiple, growthRate } from '../../src/metrics/growth';
import { fundingShare, lossToRevenue } from '../../src/metrics/losses';
import { dailyVisitsPerInstall, distanceToTarget, yearlyRunRate } from '../../src/metrics/deployment';
import { activeShare, scoreGap, sparsityFactor, variantGain, weightMemoryBytes } from '../../src/metrics/models';
import { convertInterval } from '../../src/metrics/currency';
import { FX } from './facts';

const p = I.point;
const close = (x: I.Interval, lo: number, hi: number, digits = 6): void => {
  expect(x.lo).toBeCloseTo(lo, digits);
  expect(x.hi).toBeCloseTo(hi, digits);
};

describe('valuation', () => {
  it('P/S over intervals: [200亿, 300亿] / 10亿 = [20, 30]', () => {
    close(priceToSales(I.interval(2e10, 3e10), p(1e9)), 20, 30);
  });
  it('implied revenue: [5000亿, 7500亿] / [39, 41] = [121.95亿, 192.31亿]', () => {
    // 5000/41 = 121.951..., 7500/39 = 192.307...
    close(I.scale(impliedRevenue(I.interval(5e11, 7.5e11), I.interval(39, 41)), 1e-8), 121.95122, 192.30769, 4);
  });
  it('annualizes partial periods by linear run-rate', () => {
    // H1 1.91亿 x 12/6 = 3.82亿; Q1-Q3 5343.7万 x 12/9 = 7124.93万
    close(annualize(p(1.91e8), 6), 3.82e8, 3.82e8, 0);
    expect(annualize(p(53437000), 9).lo).toBeCloseTo(71249333.33, 1);
    expect(() => annualize(p(1), 13)).toThrow(/months/);
  });
  it('market cap to sales in one currency: 955亿 HKD x 0.9 / 3.82亿 CNY = 225', () => {
    const cap = convertInterval(p(9.55e10), 'HKD', 'CNY', FX);
    expect(cap.assumption).toBe('hkd-cny-test');
    close(marketCapToSales(cap.value, annualize(p(1.91e8), 6)), 225, 225, 6); // 859.5 / 3.82 = 225
  });
  it('required revenue CAGR: 225x to 25x in 2 years needs 200% a year', () => {
    // (225 / 25)^(1/2) - 1 = 3 - 1 = 2
    close(requiredRevenueCagr(p(225), p(1), p(25), 2), 2, 2);
  });
});

describe('growth', () => {
  it('period-over-period: 346万 -> 3052万 is x8.82, +782%', () => {
    expect(growthMultiple(p(346e4), p(3052e4)).lo).toBeCloseTo(8.820809, 5); // 3052 / 346
    expect(growthRate(p(346e4), p(3052e4)).lo).toBeCloseTo(7.820809, 5);
  });
  it('compounding: ~170% a quarter for 3 quarters = 2.7^3 = 19.683', () => {
    close(compound(p(1.7), 3), 19.683, 19.683);
  });
  it('CAGR forward and backward', () => {
    // 100 -> 121 in 2 years: sqrt(1.21) - 1 = 0.1
    close(cagr(p(100), p(121), 2), 0.1, 0.1);
    close(cagrForward(p(100), p(0.1), 2), 121, 121);
    // 1.372^2 = 1.882384, ^4 = 3.543370, ^8 = 12.555468, ^10 = ^8 x ^2 = 23.634211;
    // 555.4亿 / 23.634211 = 23.49983亿
    close(cagrBackward(p(555.4), p(0.372), 10), 23.49983, 23.49983, 5);
    // over an interval of rates the bounds swap: 121 / 1.1^2 = 100, 121 / 1.2^2 = 84.02778
    close(cagrBackward(p(121), I.interval(0.1, 0.2), 2), 84.02778, 100, 5);
  });
});

describe('losses and shares', () => {
  it('loss-to-revenue: 23.58亿 / 1.91亿 = 12.346', () => {
    expect(lossToRevenue(p(23.58e8), p(1.91e8)).lo).toBeCloseTo(12.34555, 4);
  });
  it('funding share: 50亿 / 94.16亿 = 53.10%', () => {
    expect(fundingShare(p(5e9), p(9.416e9)).lo).toBeCloseTo(53.1011, 3);
  });
});

describe('deployment', () => {
  it('daily active share: [1800万, 2000万] / 4200万 = [42.86%, 47.62%]', () => {
    // 近2000万 visits / 4200万 devices = [1800/4200, 2000/4200] = [0.428571, 0.476190] visits per device a day
    close(dailyVisitsPerInstall(I.interval(1.8e7, 2e7), p(4.2e7)), 0.428571, 0.476190, 4);
  });
  it('run-rate: [3.6万, 4万] over 3 months = [14.4万, 16万] a year', () => {
    close(yearlyRunRate(I.interval(3.6e4, 4e4), 3), 1.44e5, 1.6e5);
  });
  it('distance to target: 4200万 of 8000万 = 52.5%, 3800万 to go', () => {
    const d = distanceToTarget(p(4.2e7), p(8e7));
    close(d.progressPercent, 52.5, 52.5);
    close(d.gap, 3.8e7, 3.8e7, 0);
  });
});

describe('benchmarks and models', () => {
  it('score gap: 96.11 - 96.29 = -0.18', () => {
    expect(scoreGap(p(96.11), p(96.29)).lo).toBeCloseTo(-0.18, 10);
  });
  it('variant gain: PaCoRe 99.9 - 97.3 = 2.6', () => {
    expect(variantGain(p(99.9), p(97.3)).lo).toBeCloseTo(2.6, 10);
  });
  it('active parameters: 38B / 321B = 11.84%, 321 / 38 = 8.447', () => {
    expect(activeShare(p(321e9), p(38e9)).lo).toBeCloseTo(11.8380, 3);
    expect(sparsityFactor(p(321e9), p(38e9)).lo).toBeCloseTo(8.44737, 4);
  });
  it('weight memory: 321B at int8 = 321GB, at bf16 = 642GB, at int4 = 160.5GB', () => {
    expect(weightMemoryBytes(p(321e9), 'int8').lo).toBe(321e9);
    expect(weightMemoryBytes(p(321e9), 'bf16').lo).toBe(642e9);
    expect(weightMemoryBytes(p(321e9), 'int4').lo).toBe(160.5e9);
    expect(weightMemoryBytes(p(1e9), 'fp32').lo).toBe(4e9);
  });
});
