import { describe, expect, it } from 'vitest';
import { asOfProblem, compareAtPrecision, publishedProblem, yearProblem } from '../../../src/data/checks/dates';

describe('date checks', () => {
  it('compares at the precision both dates are written in', () => {
    expect(compareAtPrecision('2026-01-26', '2026-01')).toBe(0);
    expect(compareAtPrecision('2026-02', '2026-01-31')).toBe(1);
    expect(compareAtPrecision('2025', '2026-01')).toBe(-1);
  });

  it('accepts an as_of within the publication month and rejects a later one', () => {
    expect(asOfProblem('2026-01-26', 'tmtpost-2026', '2026-01')).toBeNull();
    expect(asOfProblem('2999', 's', '2026-02-27')).toMatch(/^as_of 2999 is after the publication of its source 's' \(2026-02-27\)/);
  });

  it('rejects implausible years and a publication in the future', () => {
    expect(yearProblem('9999-12-31')).toBe("date '9999-12-31' is outside the plausible years 1950–2100");
    expect(yearProblem('1949')).toMatch(/outside/);
    expect(yearProblem('2030-12-31')).toBeNull();
    expect(publishedProblem('2026-03', '2026-02-27')).toBe('published 2026-03 is in the future (today is 2026-02-27)');
    expect(publishedProblem('2026-02', '2026-02-27')).toBeNull();
  });
});
