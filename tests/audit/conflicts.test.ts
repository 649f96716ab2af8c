import { describe, expect, it } from 'vitest';
import { checkConflicts } from '../../src/audit/conflicts';
import { fact, FX } from '../metrics/facts';

const flow = { period_start: '2025-01-01', period_end: '2025-09-30' };

describe('conflict check', () => {
  it('passes agreeing rows of two sources and fails disagreeing ones for the same period', () => {
    const ok = checkConflicts([
      fact({ id: 'a', metric: 'net_loss', quantity: '5.12亿美元', ...flow, source: 's1' }),
      fact({ id: 'b', metric: 'net_loss', quantity: '5.12億美元', ...flow, source: 's2' }),
    ], FX);
    expect(ok.map((f) => f.status)).toEqual(['pass']);
    const bad = checkConflicts([
      fact({ id: 'a', metric: 'net_loss', quantity: '5.12亿美元', ...flow, source: 's1' }),
      fact({ id: 'b', metric: 'net_loss', quantity: '6.5亿美元', ...flow, source: 's2' }),
    ], FX);
    expect(bad[0].status).toBe('fail');
    expect(bad[0].message).toMatch(/do not overlap/);
  });
  it('warns when one value is stated for two different periods', () => {
    const f = checkConflicts([
      fact({ id: 'q3', entity: 'z', metric: 'net_loss', quantity: '23.58亿元', ...flow, source: 's1' }),
      fact({ id: 'h1', entity: 'z', metric: 'net_loss', quantity: '23.58亿元', period_start: '2025-01-01', period_end: '2025-06-30', source: 's2' }),
    ], FX);
    expect(f).toHaveLength(1);
    expect(f[0].status).toBe('warn');
    expect(f[0].message).toMatch(/different periods/);
  });
  it('compares money across currencies: 100亿 HKD = 90亿 CNY agrees with 90亿 CNY', () => {
    const f = checkConflicts([
      fact({ id: 'h', table: 'valuations', metric: 'market_cap', quantity: '100亿港元', as_of: '2026-01', source: 's1' }),
      fact({ id: 'c', table: 'valuations', metric: 'market_cap', quantity: '90亿元', as_of: '2026-01', source: 's2' }),
    ], FX);
    expect(f[0].status).toBe('pass');
    expect(f[0].inputs).toContain('hkd-cny-test');
  });
  it('stocks: same date apart is a fail, a month apart a warn, years apart a series', () => {
    const mk = (asOf: string, q: string, s: string, id: string) => fact({ id, table: 'valuations', metric: 'market_cap', quantity: q, as_of: asOf, source: s });
    expect(checkConflicts([mk('2026-01', '955亿港元', 's1', 'a'), mk('2026-01', '3000亿港元', 's2', 'b')], FX)[0].status).toBe('fail');
    expect(checkConflicts([mk('2026-01', '955亿港元', 's1', 'a'), mk('2026-02', '3000亿港元', 's2', 'b')], FX)[0].status).toBe('warn');
    expect(checkConflicts([mk('2023', '955亿港元', 's1', 'a'), mk('2025', '3000亿港元', 's2', 'b')], FX)[0].status).toBe('pass');
  });
  it('warns about one key in two units and ignores rows of one source', () => {
    const f = checkConflicts([
      fact({ id: 'x', metric: 'api_calls_growth', quantity: '近20倍', as_of: '2025', source: 's1' }),
      fact({ id: 'y', metric: 'api_calls_growth', quantity: '近170%', as_of: '2025', source: 's1' }),
    ], FX);
    expect(f.map((x) => x.status)).toEqual(['warn']);
    expect(f[0].message).toMatch(/different units/);
    expect(checkConflicts([
      fact({ id: 'p', metric: 'context_length', quantity: '256K', unit: 'tokens', as_of: '2025' }),
      fact({ id: 'q', metric: 'context_length', quantity: '128K', unit: 'tokens', as_of: '2025' }),
    ], FX)).toEqual([]);
  });
});
