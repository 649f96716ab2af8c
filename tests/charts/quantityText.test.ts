import { describe, expect, it } from 'vitest';
import { compactCount, latinQuantity, percentText, shortNumber } from '../../src/charts/quantityText';
import { interval } from '../../src/metrics/interval';

describe('chart quantity text', () => {
  it('writes counts with k / M / bn', () => {
    // 4.2e7 = 42 million; 4e4 = 40 thousand; 1.9e9 = 1.9 billion; 9999 stays as is
    expect([4.2e7, 4e4, 1.9e9, 9999, 1e6].map(compactCount)).toEqual(['42M', '40k', '1.9bn', '9999', '1M']);
    // 52.5 keeps its digit; 1/3 -> 4 significant digits
    expect([shortNumber(52.5), shortNumber(1 / 3)]).toEqual(['52.5', '0.3333']);
  });

  it('renders the stated quantity in Latin with its qualifier', () => {
    const q = (value: number | null, low: number | null, high: number | null, qualifier: string, unit = 'devices') => latinQuantity({ value, low, high, qualifier: qualifier as never, unit });
    expect(q(4.2e7, 4.2e7, null, 'over')).toBe('over 42M');
    expect(q(4e4, null, 4e4, 'nearly')).toBe('nearly 40k');
    expect(q(8e7, 8e7, 8e7, 'target')).toBe('80M');
    // a forecast that is also a lower bound (超百万辆): the open side makes it "over"
    expect(q(1e6, 1e6, null, 'forecast')).toBe('over 1M');
    expect(q(25, 20, 30, 'range', 'multiple')).toBe('20-30x');
    expect(q(170, null, 170, 'nearly', 'percent')).toBe('nearly 170%');
  });

  it('writes shares of a target', () => {
    expect(percentText(interval(52.5, null), 'over')).toBe('over 52.5%');
    expect(percentText(interval(3.6, 4), 'nearly')).toBe('nearly 4%');
    expect(percentText(interval(40, 40), 'exact')).toBe('40%');
    expect(percentText(interval(20, 30), 'range')).toBe('20-30%');
    expect(percentText(interval(0, 4), 'at-most')).toBe('up to 4%');
  });
});
