import { describe, expect, it } from 'vitest';
import { isoDateEnd } from '../../src/charts/funding';

describe('funding dates', () => {
  it('reads a partial date as its last day', () => {
    // 2026-01 -> 2026-01-31; 2024-02 -> 2024-02-29 (leap year); 2025 -> 2025-12-31; a day stays itself
    expect(['2026-01', '2024-02', '2025', '2026-01-26'].map((d) => new Date(isoDateEnd(d)!).toISOString().slice(0, 10)))
      .toEqual(['2026-01-31', '2024-02-29', '2025-12-31', '2026-01-26']);
    expect(isoDateEnd('2026-13')).toBeNull();
  });
});
