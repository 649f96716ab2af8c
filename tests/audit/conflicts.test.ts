import { describe, expect, it } from 'vitest';
import { ALL_PAIRS_UP_TO, checkConflicts } from '../../src/audit/conflicts';
import { fact, FX } from '../metrics/facts';

const flow = { period_start: '2025-01-01', period_end: '2025-09-30' };

describe('conflict check', () => {
  it(`a group of more than ${ALL_PAIRS_UP_TO} reports compares its extremes and finds the same worst pair`, () => {
    // 40 reports of one period: 5.00亿 .. 5.39亿 (s0 .. s39), and one of 6.5亿 (s40)
    const rows = Array.from({ length: 40 }, (_, i) => fact({ id: `r${i}`, metric: 'net_loss', quantity: `${(5 + i / 100).toFixed(2)}亿美元`, ...flow, source: `s${i}` }));
    rows.push(fact({ id: 'odd', metric: 'net_loss', quantity: '6.5亿美元', ...flow, source: 's40' }));
    const [f] = checkConflicts(rows, FX);
    expect(f.status).toBe('fail');
    // the furthest apart: the lowest 5.00亿 (r0) and the 6.5亿 report
    expect([f.stated?.text, f.computed?.text]).toEqual(['5.00亿美元 (r0)', '6.5亿美元 (odd)']);
    expect(f.inputs).toHaveLength(41); // every report stays listed
  });
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

  it('compares funding rows of one round only: B is not compared with B+', () => {
    const fr = (id: string, quantity: string, round: string | null, source: string) =>
      fact({ id, table: 'funding_rounds', entity: 'stepfun', metric: 'funding_amount', quantity, round, as_of: '2026-01', source });
    // 数亿美元 (B) and 超50亿元 (B+) are different rounds: no group of two, no finding
    expect(checkConflicts([fr('b', '5亿美元', 'B', 's1'), fr('bplus', '超50亿元', 'B+', 's2')], FX)).toEqual([]);
    // the same round from two sources: 50亿元 read as [49.5亿, 50.5亿] against 超50亿元 [50亿, +inf) overlap
    const same = checkConflicts([fr('x', '50亿元', 'B+', 's1'), fr('y', '超50亿元', 'B+', 's2')], FX);
    expect(same.map((f) => [f.id, f.status])).toEqual([['conflict:stepfun:funding_amount:B+:2026-01', 'pass']]);
    expect(same[0].message).toMatch(/^stepfun \/ funding_amount \/ round B\+:/);
    // must fail: the same round, same date, 50亿元 [49.5亿, 50.5亿] against 30亿元 [29.5亿, 30.5亿]
    const bad = checkConflicts([fr('x', '50亿元', 'B+', 's1'), fr('y', '30亿元', 'B+', 's2')], FX);
    expect(bad.map((f) => f.status)).toEqual(['fail']);
    // a row without a round name is not compared with a named round
    expect(checkConflicts([fr('x', '50亿元', 'B+', 's1'), fr('y', '30亿元', null, 's2')], FX)).toEqual([]);
  });
  it('keeps benchmark and variant apart but compares valuations across bases', () => {
    const score = (id: string, quantity: string, variant: string | null, source: string) =>
      fact({ id, table: 'benchmarks', entity: 'm', metric: 'score', quantity, unit: 'score', benchmark: 'AIME 2025', variant, as_of: '2026-02', source });
    // 97.3 (base) and 99.9 (PaCoRe) are different runs
    expect(checkConflicts([score('a', '97.3', null, 's1'), score('b', '99.9', 'PaCoRe', 's2')], FX)).toEqual([]);
    const other = fact({ id: 'c', table: 'benchmarks', entity: 'm', metric: 'score', quantity: '90.1', unit: 'score', benchmark: 'HMMT 2025', variant: null, as_of: '2026-02', source: 's2' });
    expect(checkConflicts([score('a', '97.3', null, 's1'), other], FX)).toEqual([]);
    // the basis says how a value was arrived at, not which value: post-money 300亿元 against a
    // reported 100亿元 for the same company and date is a fail ([299.5亿, 300.5亿] vs [99.5亿, 100.5亿])
    const val = (id: string, quantity: string, basis: string, source: string) =>
      fact({ id, table: 'valuations', entity: 'acme', metric: 'valuation', quantity, basis, as_of: '2026-01', source });
    const f = checkConflicts([val('p', '300亿元', 'post-money', 's1'), val('r', '100亿元', 'reported', 's2')], FX);
    expect(f.map((x) => x.status)).toEqual(['fail']);
  });
  it('names a row without an FX assumption as unverifiable and compares the rest', () => {
    const mk = (id: string, quantity: string, source: string) =>
      fact({ id, table: 'valuations', metric: 'market_cap', quantity, as_of: '2026-01', source });
    const onlyHkd = FX.filter((a) => a.id === 'hkd-cny-test');
    // 90亿元 and 100亿港元 (x 0.9 = 90亿元) agree; 13亿美元 has no USD rate in onlyHkd
    const f = checkConflicts([mk('c', '90亿元', 's1'), mk('h', '100亿港元', 's2'), mk('u', '13亿美元', 's3')], onlyHkd);
    expect(f.map((x) => x.status).sort()).toEqual(['pass', 'unverifiable']);
    const u = f.find((x) => x.status === 'unverifiable')!;
    expect(u).toMatchObject({ kind: 'conflict', inputs: ['u'], sources: ['s3'], entities: ['acme'], stated: null, computed: null });
    expect(u.message).toMatch(/u 13亿美元 \(cannot convert USD to CNY: no FX assumption for USD -> CNY/);
    expect(u.message).toMatch(/the other 2 rows are compared without it/);
    expect(f.find((x) => x.status === 'pass')!.inputs).toEqual(['c', 'h', 'hkd-cny-test']);
    // with two rows only, nothing is left to compare: the finding says so
    const two = checkConflicts([mk('c', '90亿元', 's1'), mk('u', '13亿美元', 's3')], onlyHkd);
    expect(two.map((x) => x.status)).toEqual(['unverifiable']);
    expect(two[0].message).toMatch(/too few rows of different sources remain to compare/);
  });
  it('names a row without an interval as unverifiable', () => {
    const a = fact({ id: 'a', metric: 'net_loss', quantity: '5.12亿美元', ...flow, source: 's1' });
    const b = { ...fact({ id: 'b', metric: 'net_loss', quantity: '5.12亿美元', ...flow, source: 's2' }), value: null, low: null, high: null };
    const f = checkConflicts([a, b], FX);
    expect(f.map((x) => [x.id, x.status])).toEqual([['conflict:acme:net_loss:2025-01-01..2025-09-30:unverifiable', 'unverifiable']]);
    expect(f[0].message).toMatch(/b 5\.12亿美元 \(no interval: quantity without a value\)/);
  });
  it('compares rows of one explicit event as one group across entities and metrics', () => {
    const dep = (id: string, entity: string, quantity: string, source: string, event?: string) => ({
      ...fact({ id, table: 'deployments', entity, metric: 'installs', quantity, as_of: '2026-01', source }),
      ...(event ? { event, event_set: true } : {}),
    });
    // without the event the product's and the maker's rows are two keys: nothing to compare
    expect(checkConflicts([dep('p', 'app', '超4200万台', 's1'), dep('m', 'maker', '超4200万台', 's2')], FX)).toEqual([]);
    // with it they are one group: 超4200万 and 超4200万 agree
    const ok = checkConflicts([dep('p', 'app', '超4200万台', 's1', 'phones'), dep('m', 'maker', '超4200万台', 's2', 'phones')], FX);
    expect(ok.map((x) => [x.id, x.status])).toEqual([['conflict:event:phones:2026-01', 'pass']]);
    expect(ok[0].message).toMatch(/^event phones \(app \/ installs, maker \/ installs\)/);
    // 4200万 against 2000万 on one date: [4158万, 4242万] and [1980万, 2020万] are apart, a fail
    const bad = checkConflicts([dep('p', 'app', '4200万台', 's1', 'phones'), dep('m', 'maker', '2000万台', 's2', 'phones')], FX);
    expect(bad.map((x) => x.status)).toEqual(['fail']);
    // a forecast under the same event is still compared only with forecasts: 8000万 is not a conflict
    const goal = { ...dep('g', 'maker', '8000万台', 's2', 'phones'), qualifier: 'forecast' as const };
    expect(checkConflicts([dep('p', 'app', '4200万台', 's1', 'phones'), goal], FX)).toEqual([]);
  });
});
