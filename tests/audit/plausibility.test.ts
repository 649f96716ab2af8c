import { describe, expect, it } from 'vitest';
import { checkMemory, factPrecision } from '../../src/audit/memory';
import { checkConversionRatios, checkScaleMismatch, writtenDigits } from '../../src/audit/scale';
import { checkActiveVsTotal, checkMultipleSpread, checkShares } from '../../src/audit/plausibility';
import { checkClaimPeriods } from '../../src/audit/periods';
import type { Claim } from '../../src/audit/claims';
import { computeDerived } from '../../src/metrics/derived';
import { fact, FX } from '../metrics/facts';

const spec = (id: string, metric: string, quantity: string, extra: object = {}) =>
  fact({ id, entity: 'm', table: 'model_specs', metric, quantity, ...extra });

describe('memory vs parameters', () => {
  it('fails 5GB at int8 for 321B total / 38B active (needs 321GB; 38GB active)', () => {
    const facts = [spec('t', 'total_parameters', '321B'), spec('a', 'active_parameters', '38B'), spec('mem', 'memory_int8', '5GB')];
    expect(factPrecision(facts[2])).toBe('int8');
    const [f] = checkMemory(facts);
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/321GB/);
    expect(f.message).toMatch(/38GB/);
  });
  it('warns between active and total, passes above total', () => {
    const base = [spec('t', 'total_parameters', '321B'), spec('a', 'active_parameters', '38B')];
    expect(checkMemory([...base, spec('mem', 'memory_int8', '100GB')])[0].status).toBe('warn');
    expect(checkMemory([...base, spec('mem', 'memory_bf16', '700GB')])[0].status).toBe('pass'); // 642GB needed
  });
});

describe('unit scales', () => {
  it('fails the same digits a power of ten apart (3890亿 vs 3890B)', () => {
    expect(writtenDigits('3890亿')).toBe('389');
    const f = checkScaleMismatch([spec('x', 'total_parameters', '3890亿'), spec('y', 'total_parameters', '3890B')]);
    expect(f.map((r) => r.status)).toEqual(['fail']);
    expect(f[0].message).toMatch(/10\^1/);
  });
  it('ignores different digits (73万 vs 7万 hours are different categories)', () => {
    expect(checkScaleMismatch([spec('x', 'training_audio_hours', '73万小时'), spec('y', 'training_audio_hours', '7万小时')])).toEqual([]);
  });
  it('fails a token/hour rate 10x off the others', () => {
    const pair = (k: string, tokens: string, hours: string) => [
      spec(`${k}-t`, 'training_tokens', tokens, { unit: 'tokens', evidence: `${tokens}tokens(约${hours})` }),
      spec(`${k}-h`, 'training_audio_hours', `约${hours}`, { unit: 'hours', evidence: `${tokens}tokens(约${hours})` }),
    ];
    // 1.1万亿/73万 = 1.5e6 per hour; the others about 1.6e7 per hour
    const facts = [...pair('a', '1.1万亿', '73万小时'), ...pair('b', '1.13万亿', '7万小时'), ...pair('c', '1.05万亿', '6.5万小时')];
    const f = checkConversionRatios(facts);
    expect(f.find((x) => x.inputs[0] === 'a-h')?.status).toBe('fail');
    expect(f.find((x) => x.inputs[0] === 'c-h')?.status).toBe('pass');
  });
});

describe('other rules', () => {
  it('active above total fails', () => {
    expect(checkActiveVsTotal([spec('t', 'total_parameters', '13B'), spec('a', 'active_parameters', '80B')])[0].status).toBe('fail');
    expect(checkActiveVsTotal([spec('t', 'total_parameters', '80B'), spec('a', 'active_parameters', '13B')])[0].status).toBe('pass');
  });
  it('shares above 100% fail (stated and derived)', () => {
    const f = checkShares([fact({ id: 's', metric: 'share', quantity: '120%', as_of: '2025' })], []);
    expect(f[0].status).toBe('fail');
    // 5000万 daily users of 4200万 installs = 119%
    const facts = [
      fact({ id: 'd', table: 'deployments', metric: 'daily_users', quantity: '5000万', as_of: '2026' }),
      fact({ id: 'i', table: 'deployments', metric: 'installs', quantity: '4200万', as_of: '2026' }),
    ];
    const g = checkShares(facts, computeDerived(facts, FX));
    expect(g[0].status).toBe('fail');
    expect(g[0].message).toMatch(/= 119%/) // 5000 / 4200 = 1.1905;
    expect(checkShares([fact({ id: 'ok', metric: 'share', quantity: '80%', as_of: '2025' })], [])[0].status).toBe('pass');
  });
  it('peer multiples more than 3x apart warn', () => {
    const m = (id: string, entity: string, q: string) => fact({ id, entity, table: 'multiples', metric: 'ps_ratio', quantity: q, as_of: '2026' });
    expect(checkMultipleSpread([m('a', 'x', '25倍'), m('b', 'y', '80-100倍')], [])[0].status).toBe('warn'); // 80 / 25 = 3.2
    expect(checkMultipleSpread([m('a', 'x', '25倍'), m('b', 'y', '39-41倍')], [])[0].status).toBe('pass'); // 39 / 25 = 1.56
  });
  it('warns about a 2026 round as a share of 2025 funding, and 9- vs 12-month flows without annualize', () => {
    const facts = new Map([
      fact({ id: 'round', table: 'funding_rounds', metric: 'funding_amount', quantity: '50亿元', as_of: '2026-01-26' }),
      fact({ id: 'total', table: 'market', metric: 'industry_funding', quantity: '94.16亿元', period_start: '2025-01-01', period_end: '2025-12-31' }),
      fact({ id: 'r9', metric: 'revenue', quantity: '5亿元', period_start: '2025-01-01', period_end: '2025-09-30' }),
      fact({ id: 'r12', metric: 'revenue', quantity: '4亿元', period_start: '2024-01-01', period_end: '2024-12-31' }),
    ].map((f) => [f.id, f]));
    const c = (id: string, expression: string): Claim => ({ id, source: 'a', claim: '', evidence: '', stated: '1', unit: 'x', expression, tolerance: null, note: null, file: 'f', line: 2 });
    const out = checkClaimPeriods([c('share', 'round / total * 100'), c('growth', 'r9 / r12'), c('fine', 'annualize(r9, 9) / r12')], facts);
    expect(out.map((f) => f.id)).toEqual(['share:period', 'growth:period']);
    expect(out[0].message).toMatch(/2026-01-26, outside the period 2025-01-01..2025-12-31/);
    expect(out[1].message).toMatch(/9 months/);
  });
});
