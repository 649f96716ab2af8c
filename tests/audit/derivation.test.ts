import { describe, expect, it } from 'vitest';
import { checkDerivation } from '../../src/audit/derivation';
import { statedInterval } from '../../src/audit/stated';
import { compareIntervals, describeGap, describeStraddle, powerOfTenRatio } from '../../src/audit/compare';
import { formatAmount, formatRange } from '../../src/audit/numbers';
import type { Claim } from '../../src/audit/claims';
import type { EvalEnv } from '../../src/audit/evaluate';
import * as I from '../../src/metrics/interval';
import { fact, FX } from '../metrics/facts';

const facts = [
  fact({ id: 'val', table: 'valuations', metric: 'valuation', quantity: '200-300亿元', as_of: '2026-01', source: 'a' }),
  fact({ id: 'rev', metric: 'revenue', quantity: '10亿元', period_start: '2025-01-01', period_end: '2025-12-31', source: 'a' }),
  fact({ id: 'total', entity: 'm', table: 'model_specs', metric: 'total_parameters', quantity: '321B', source: 'a' }),
  fact({ id: 'active', entity: 'm', table: 'model_specs', metric: 'active_parameters', quantity: '38B', source: 'a' }),
  fact({ id: 'big', entity: 'm', table: 'model_specs', metric: 'total_parameters', quantity: '3890亿', source: 'b' }),
  // a growth per quarter over Q2-Q4 and a yearly growth of another metric, for cross-checks
  fact({ id: 'agent-q', entity: 's', table: 'deployments', metric: 'agent_api_calls_growth', quantity: '近170%', period_start: '2025-04-01', period_end: '2025-12-31', source: 'a' }),
  fact({ id: 'api-y', entity: 's', table: 'deployments', metric: 'api_calls_growth', quantity: '近20倍', period_start: '2025-01-01', period_end: '2025-12-31', source: 'a' }),
  fact({ id: 'agent-y', entity: 's', table: 'deployments', metric: 'agent_api_calls_growth', quantity: '近20倍', period_start: '2025-04-01', period_end: '2025-12-31', source: 'a' }),
  fact({ id: 'named-count', entity: 's', table: 'market', metric: 'companies', quantity: '三家', as_of: '2025', source: 'a' }),
];
const env: EvalEnv = { facts: new Map(facts.map((f) => [f.id, f])), assumptions: FX };
const claim = (p: Partial<Claim>): Claim => ({
  id: 'c', source: 'a', type: 'statement', claim: 'test claim', evidence: 'x', stated: '约25倍', unit: 'multiple', expression: 'val / rev',
  tolerance: null, note: null, file: 'claims.csv', line: 2, ...p,
});

describe('stated values', () => {
  it('reads qualifiers, comparisons and tolerance overrides', () => {
    expect(statedInterval('约25倍').interval).toEqual({ lo: 22.5, hi: 27.5 });
    expect(statedInterval('>0').interval).toEqual({ lo: 0, hi: Infinity });
    expect(statedInterval('<=5').interval).toEqual({ lo: -Infinity, hi: 5 });
    expect(statedInterval('0', '±0.5').interval).toEqual({ lo: -0.5, hi: 0.5 });
    expect(statedInterval('25倍', '10%').interval).toEqual({ lo: 22.5, hi: 27.5 });
    expect(() => statedInterval('25倍', 'lots')).toThrow(/bad tolerance/);
  });
  it('> and < exclude their bound, >= and <= include it', () => {
    expect(statedInterval('>0').ends).toEqual({ lo: true, hi: false });
    expect(statedInterval('<0').ends).toEqual({ lo: false, hi: true });
    expect(statedInterval('>=100%').ends).toEqual({ lo: false, hi: false });
  });
  it('an order of magnitude is the class [S, 10S) without tolerance: 亿元级别 = [1亿, 10亿)', () => {
    const st = statedInterval('亿元级别');
    expect([st.interval, st.written, st.ends]).toEqual([{ lo: 1e8, hi: 1e9 }, { lo: 1e8, hi: 1e9 }, { lo: false, hi: true }]);
  });
});

describe('compare', () => {
  it('pass on overlap, warn within 10%, fail beyond', () => {
    expect(compareIntervals(I.interval(20, 30), I.interval(22.5, 27.5)).status).toBe('pass');
    // 21 vs [10, 20]: gap 1 / 20 = 5% -> warn
    expect(compareIntervals(I.point(21), I.interval(10, 20)).status).toBe('warn');
    // 23.5 vs [10, 20]: gap 3.5 / 20 = 17.5% -> fail
    const c = compareIntervals(I.point(23.5), I.interval(10, 20));
    expect(c.status).toBe('fail');
    expect(c.relativeGap).toBeCloseTo(0.175, 12);
  });
  it('one-sided stated value: pass only when the whole computed interval is on its side, warn when it straddles', () => {
    const side = { wholeOnSide: true };
    // [53.1, +inf) against >= 50: all of it at or above 50
    expect(compareIntervals(I.interval(53.1, null), I.interval(50, null), undefined, side).status).toBe('pass');
    // [-30.16, 177.35] against >= 100: from -30.16 to 100 below, from 100 to 177.35 above
    const c = compareIntervals(I.interval(-30.16, 177.35), I.interval(100, null), undefined, side);
    expect([c.status, c.straddles]).toEqual(['warn', true]);
    // without wholeOnSide (facts against facts) an overlap is enough
    expect(compareIntervals(I.interval(-30.16, 177.35), I.interval(100, null)).status).toBe('pass');
    // two-sided stated values keep the overlap rule: [20, 30] against [22.5, 27.5]
    expect(compareIntervals(I.interval(20, 30), I.interval(22.5, 27.5), undefined, side).status).toBe('pass');
    // entirely on the wrong side: the gap rule; -17 against >= 0 is a fail (0 has no size to be 10% of)
    expect(compareIntervals(I.point(-17), I.interval(0, null), undefined, side).status).toBe('fail');
  });
  it('an excluded end does not meet: 0 against >0, 10亿 against [1亿, 10亿)', () => {
    const strict = { ends: { lo: true, hi: false }, wholeOnSide: true };
    expect(compareIntervals(I.point(0), I.interval(0, null), undefined, strict).status).toBe('warn'); // gap 0
    expect(compareIntervals(I.point(2.6), I.interval(0, null), undefined, strict).status).toBe('pass');
    // [0, 5] against >0: 0 misses, (0, 5] meets
    expect(compareIntervals(I.interval(0, 5), I.interval(0, null), undefined, strict).straddles).toBe(true);
    const cls = { ends: { lo: false, hi: true } };
    expect(compareIntervals(I.point(1e9), I.interval(1e8, 1e9), undefined, cls).status).toBe('warn');
    expect(compareIntervals(I.point(5e8), I.interval(1e8, 1e9), undefined, cls).status).toBe('pass');
    expect(compareIntervals(I.point(1e8), I.interval(1e8, 1e9), undefined, cls).status).toBe('pass'); // 1亿 starts the class
  });
  it('detects power-of-ten ratios', () => {
    expect(powerOfTenRatio(3890e9, 389e9)).toBe(1);
    expect(powerOfTenRatio(5e9, 321e9)).toBeNull(); // 64.2x is not close to 10 or 100
    expect(powerOfTenRatio(2, 1)).toBeNull();
  });
});

describe('derivation check', () => {
  it('passes the P/S claim with the computed interval [20, 30]', () => {
    const f = checkDerivation(claim({}), env);
    expect(f.status).toBe('pass');
    expect([f.computed?.low, f.computed?.high]).toEqual([20, 30]); // 200亿/10亿, 300亿/10亿
    expect([f.stated?.low, f.stated?.high]).toEqual([22.5, 27.5]);
    expect(f.entities).toEqual(['acme']);
  });
  it('fails a claim of 15x on the same inputs (lower end 20 is (20 - 15) / 15 = 33.3% above)', () => {
    const f = checkDerivation(claim({ stated: '15倍' }), env);
    expect(f.status).toBe('fail');
    expect(f.message).toContain('val / rev = [20x, 30x], and the lower end 20x of the computed range is 33.3% above the stated 15x');
  });
  it('passes 8.4倍 for 321B / 38B = 8.447, warns on 8.2倍 (within 10%), fails 6倍', () => {
    expect(checkDerivation(claim({ stated: '8.4倍', expression: 'total / active' }), env).status).toBe('pass');
    // 8.2倍 read as [8.15, 8.25]; gap (8.447 - 8.25) / 8.25 = 2.4%, inside the 10% warn band
    const w = checkDerivation(claim({ stated: '8.2倍', expression: 'total / active' }), env);
    expect(w.status).toBe('warn');
    // against the stated 8.2: (8.4474 - 8.2) / 8.2 = 3.02%
    expect(w.message).toContain('8.447x is 3.02% above the stated 8.2x (read as [8.15x, 8.25x])');
    // 6倍 read as [5.95, 6.05]; gap (8.447 - 6.05) / 6.05 = 39.6% -> fail
    expect(checkDerivation(claim({ stated: '6倍', expression: 'total / active' }), env).status).toBe('fail');
  });
  it('fails memory far below the weights, with the gap as a factor of the stated 5GB', () => {
    const f = checkDerivation(claim({ stated: '5GB', unit: 'bytes', expression: "memory(total, 'int8')" }), env);
    expect(f.status).toBe('fail');
    // 321B x 1 byte = 321GB; 321 / 5 = 64.2; the tolerance interval shown on its own
    expect(f.message).toContain("memory(total, 'int8') = 321GB is 64.2x the stated 5GB (read as [4.5GB, 5.5GB])");
    expect(f.message).not.toMatch(/%/);
  });
  it('names a power-of-ten slip: 3890亿 = 389B is 1/10 of a stated 3890B', () => {
    const f = checkDerivation(claim({ stated: '3890B', unit: 'parameters', expression: 'big' }), env);
    expect(f.status).toBe('fail');
    expect(f.message).toContain('big = 389B is 1/10 of the stated 3890B (read as [3889.5B, 3890.5B])');
    expect(f.message).toMatch(/about 10\^1 apart/);
  });
  it('words a gap above a range against its nearer end: 23.5 vs 10-20倍 is 17.5% above 20', () => {
    const many = [...facts, fact({ id: 'q', entity: 'm', table: 'model_specs', metric: 'total_parameters', quantity: '235B', source: 'a' }),
      fact({ id: 'ten', entity: 'm', table: 'model_specs', metric: 'total_parameters', quantity: '10B', source: 'a' })];
    const e2: EvalEnv = { facts: new Map(many.map((f) => [f.id, f])), assumptions: FX };
    const f = checkDerivation(claim({ stated: '10-20倍', expression: 'q / ten' }), e2);
    expect(f.status).toBe('fail'); // (23.5 - 20) / 20 = 17.5% > 10%
    expect(f.message).toContain('q / ten = 23.5x is 17.5% above the stated 20x (read as [10x, 20x])');
  });
  it('words a missed direction against its bound: 321B - 3890亿 = -68B is below the stated 0', () => {
    const f = checkDerivation(claim({ stated: '>=0', unit: 'parameters', expression: 'total - big' }), env);
    expect(f.status).toBe('fail');
    expect(f.message).toContain('total - big = -68B is below the stated 0B'); // 321 - 389 = -68
  });
  it('warns when the computed range straddles a one-sided stated value, naming the part that meets it', () => {
    // needed growth: 225亿/25 = 9亿 from [1亿, 10亿]: factor 0.9 to 9, over 2 years sqrt(0.9) - 1 = -5.13% to sqrt(9) - 1 = 200%
    const many = [...facts, fact({ id: 'lvl', metric: 'revenue', quantity: '亿元级别', source: 'a' }),
      fact({ id: 'v225', table: 'valuations', metric: 'valuation', quantity: '225亿元', source: 'a' })];
    const e2: EvalEnv = { facts: new Map(many.map((f) => [f.id, f])), assumptions: FX };
    const f = checkDerivation(claim({ stated: '>=100%', unit: 'percent', expression: 'cagr(lvl, v225 / 25, 2) * 100' }), e2);
    expect(f.status).toBe('warn');
    expect([f.computed?.low, f.computed?.high].map((x) => Number(x?.toFixed(2)))).toEqual([-5.13, 200]);
    expect(f.message).toContain('= [-5.132%, 200%] straddles the stated >=100% (read as [100%, +inf)): '
      + 'the part at or above 100% (up to 200%) meets it, the part below 100% (down to -5.132%) does not.');
    // the same range against >= -10% lies wholly on its side
    const all = checkDerivation(claim({ stated: '>=-10%', unit: 'percent', expression: 'cagr(lvl, v225 / 25, 2) * 100' }), e2);
    expect(all.status).toBe('pass');
    expect(all.message).toContain('all of which meets the stated >=-10%');
  });
  it('an order of magnitude excludes its top: 10亿 against 亿元级别 [1亿, 10亿) is a warn', () => {
    const f = checkDerivation(claim({ stated: '亿元级别', unit: 'money', expression: 'rev' }), env);
    expect(f.status).toBe('warn');
    expect(f.message).toContain('rev = 10亿 CNY is exactly the end 10亿 CNY that the stated value excludes (read as [1亿 CNY, 10亿 CNY))');
    expect([f.stated?.low, f.stated?.high]).toEqual([1e8, 1e9]); // no +/-10% on the class bounds
  });
  it('a cross-check that straddles a one-sided stated value holds only in part', () => {
    const f = checkDerivation(claim({ type: 'cross-check', stated: '>=18倍', expression: 'compound(agent-q / 100, 3)' }), env);
    // [16.19, 19.68] against >= 18
    expect(f.status).toBe('warn');
    expect(f.message).toMatch(/straddles the stated >=18倍 .*: the part at or above 18x \(up to 19.68x\) meets it, the part below 18x \(down to 16.19x\) does not, so the relation holds only in part\.$/);
  });
  it('reads a stated fact id with that fact\'s tolerance', () => {
    // count of the names listed: 3, against 三家 read as [2.5, 3.5]
    const f = checkDerivation(claim({ stated: 'named-count', unit: 'companies', expression: "count('A', 'B', 'C')" }), env);
    expect(f.status).toBe('pass');
    expect(f.inputs).toEqual(['named-count']);
    expect([f.stated?.low, f.stated?.high]).toEqual([2.5, 3.5]);
    // four names against 五: 4 vs [4.5, 5.5], gap 0.5 / 4.5 = 11% -> fail; (5 - 4) / 5 = 20% below
    const g = checkDerivation(claim({ stated: '五', unit: 'companies', expression: "count('百度', '阿里', '腾讯', '字节跳动')" }), env);
    expect(g.status).toBe('fail');
    expect(g.message).toContain('= 4 companies is 20% below the stated 5 companies');
  });
  it('is unverifiable with a missing input', () => {
    const f = checkDerivation(claim({ expression: 'val / ?revenue-2026' }), env);
    expect(f.status).toBe('unverifiable');
    expect(f.computed).toBeNull();
    expect(f.message).toMatch(/revenue-2026/);
  });
});

describe('cross-check claims', () => {
  const cc = (p: Partial<Claim>) => checkDerivation(claim({ type: 'cross-check', expression: 'compound(agent-q / 100, 3)', ...p }), env);
  it('warns when the value matches but metric and period differ', () => {
    // 近170% per quarter -> [153%, 170%]: 2.53^3 = 16.19, 2.7^3 = 19.68; 近20倍 read as [18, 20]: they overlap
    const f = cc({ stated: 'api-y' });
    expect(f.status).toBe('warn');
    expect(f.rule).toBe('cross-check');
    expect([f.computed?.low, f.computed?.high].map((x) => Number(x?.toFixed(2)))).toEqual([16.19, 19.68]);
    expect(f.message).toMatch(/cross-check, not stated by the article/);
    expect(f.message).toContain('agent_api_calls_growth over 2025-04-01..2025-12-31 against api_calls_growth over 2025-01-01..2025-12-31');
    expect(f.inputs).toEqual(['agent-q', 'api-y']);
  });
  it('passes only when metric and period agree too', () => {
    expect(cc({ stated: 'agent-y' }).status).toBe('pass');
  });
  it('warns, not fails, when the relation does not hold', () => {
    // 19.68 against 近30倍 read as [27, 30]: (27 - 19.68) / 27 = 27% -> would fail as a statement
    expect(cc({ stated: '近30倍' }).status).toBe('warn');
    expect(checkDerivation(claim({ expression: 'compound(agent-q / 100, 3)', stated: '近30倍' }), env).status).toBe('fail');
  });
});

describe('numbers in messages', () => {
  it('writes amounts in the units an analyst checks by hand', () => {
    expect(formatAmount(321e9, 'bytes')).toBe('321GB');
    expect(formatAmount(389e9, 'parameters')).toBe('389B');
    expect(formatAmount(6e12, 'tokens')).toBe('6万亿 tokens');
    expect(formatAmount(1e9, 'money', 'CNY')).toBe('10亿 CNY');
    expect(formatAmount(53.101, 'percent')).toBe('53.1%');
    expect(formatRange(I.interval(0, null), 'models')).toBe('[0, +inf) models');
  });
  it('describes gaps as factors from 2x on, else as percentages of the stated value', () => {
    const fmt = (x: number) => String(x);
    expect(describeGap(I.point(321), I.point(5), fmt)).toBe('321 is 64.2x the stated 5'); // 321 / 5
    expect(describeGap(I.point(389), I.point(3890), fmt)).toBe('389 is 1/10 of the stated 3890');
    expect(describeGap(I.point(11), I.point(10), fmt)).toBe('11 is 10% above the stated 10');
    expect(describeGap(I.interval(1, 4), I.point(5), fmt)).toBe('the upper end 4 of the computed range is 20% below the stated 5');
    expect(describeGap(I.interval(20, 30), I.point(25), fmt)).toBe('');
    expect(describeGap(I.point(10), I.interval(1, 10), fmt, { lo: false, hi: true })).toBe('10 is exactly the end 10 that the stated value excludes');
  });
  it('describes a straddle from the stated side', () => {
    const fmt = (x: number) => String(x);
    expect(describeStraddle(I.interval(-5, 21), I.interval(0, null), { lo: true, hi: false }, fmt))
      .toBe('the part above 0 (up to 21) meets it, the part at or below 0 (down to -5) does not');
    expect(describeStraddle(I.interval(null, 221), I.interval(0, null), { lo: false, hi: false }, fmt))
      .toBe('the part at or above 0 (up to 221) meets it, the part below 0 (with no lower end) does not');
    expect(describeStraddle(I.interval(90, 120), I.interval(null, 100), { lo: false, hi: true }, fmt))
      .toBe('the part below 100 (down to 90) meets it, the part at or above 100 (up to 120) does not');
    expect(describeStraddle(I.interval(1, 2), I.interval(0, 3), { lo: false, hi: false }, fmt)).toBe('');
  });
});
