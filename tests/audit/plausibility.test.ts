import { describe, expect, it } from 'vitest';
import { checkMemory, factPrecision } from '../../src/audit/memory';
import { checkConversionRatios, checkScaleMismatch, conversionPairs, idDetail, writtenDigits } from '../../src/audit/scale';
import { checkActiveVsTotal, checkMultipleSpread, checkShares } from '../../src/audit/plausibility';
import { checkClaimPeriods } from '../../src/audit/periods';
import type { Claim } from '../../src/audit/claims';
import { computeDerived, type Derived } from '../../src/metrics/derived';
import { fact, FX } from '../metrics/facts';

const spec = (id: string, metric: string, quantity: string, extra: object = {}) =>
  fact({ id, entity: 'm', table: 'model_specs', metric, quantity, ...extra });

describe('memory vs parameters', () => {
  it('fails 5GB at int8 for 321B total / 38B active (needs 321GB; 38GB active)', () => {
    const facts = [spec('t', 'total_parameters', '321B'), spec('a', 'active_parameters', '38B'), spec('mem', 'memory_int8', '5GB')];
    expect(factPrecision(facts[2])).toBe('int8');
    const [f] = checkMemory(facts);
    expect(f.status).toBe('fail');
    // 321B x 1 byte = 321GB; 321 / 5 = 64.2; 38B x 1 byte = 38GB
    expect(f.message).toContain('need 321GB of weights (321GB / 5GB = 64.2x the stated value)');
    expect(f.message).toContain('the 38B active parameters need 38GB');
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
    const f = checkScaleMismatch([spec('x', 'total_parameters', '3890亿', { unit: 'parameters' }), spec('y', 'total_parameters', '3890B', { unit: 'parameters' })]);
    expect(f.map((r) => r.status)).toEqual(['fail']);
    expect(f[0].message).toContain('3890亿 (x) = 389B and 3890B (y) = 3890B differ by a factor of 10,');
  });
  it('ignores different digits (73万 vs 7万 hours are different categories)', () => {
    expect(checkScaleMismatch([spec('x', 'training_audio_hours', '73万小时'), spec('y', 'training_audio_hours', '7万小时')])).toEqual([]);
  });
  it('fails a token/hour rate 10x off the others, quoting point rates', () => {
    // ids follow <src>-<entity>-<metric>-<detail>; the detail pairs tokens with hours
    const pair = (k: string, tokens: string, hours: string) => [
      spec(`bl-m-training_tokens-${k}`, 'training_tokens', tokens, { unit: 'tokens', source: 'bl' }),
      spec(`bl-m-training_audio_hours-${k}`, 'training_audio_hours', `约${hours}`, { unit: 'hours', source: 'bl' }),
    ];
    // 1.1万亿/73万 = 150.7万 per hour; 1.13万亿/7万 = 1614万; 1.05万亿/6.5万 = 1615万
    const facts = [...pair('audio', '1.1万亿', '73万小时'), ...pair('tts', '1.13万亿', '7万小时'), ...pair('asr', '1.05万亿', '6.5万小时')];
    const f = checkConversionRatios(facts);
    const audio = f.find((x) => x.inputs[0] === 'bl-m-training_tokens-audio');
    expect(audio?.status).toBe('fail');
    // (1.13e12 / 7e4) / (1.1e12 / 7.3e5) = 1614.3万 / 150.7万 = 10.71
    expect(audio?.message).toContain('1614万 / 150.7万 = 10.71, about 10^1');
    expect(f.find((x) => x.inputs[0] === 'bl-m-training_tokens-asr')?.status).toBe('pass');
  });
  it('pairs tokens with characters by metric and id detail, across articles: 1.95 against 1.2 characters per token warns', () => {
    const facts = [
      spec('jz-r-reasoning_length', 'reasoning_length', '50000tokens', { entity: 'r', unit: 'tokens', source: 'jz', evidence: '达到50000 tokens' }),
      spec('jz-r-reasoning_length-chars', 'reasoning_length_chars', '5万-7万字', { entity: 'r', unit: 'characters', qualifier: 'approx', source: 'jz', evidence: '大约在5万到7万字左右' }),
      spec('bl-h-context_length-pretrain', 'context_length', '256K', { entity: 'h', unit: 'tokens', source: 'bl' }),
      spec('bl-h-context_length-instruct', 'context_length', '128K', { entity: 'h', unit: 'tokens', source: 'bl' }),
      spec('bl-h-context_length_chars-pretrain', 'context_length_chars', '约50万字', { entity: 'h', unit: 'characters', source: 'bl' }),
    ];
    expect(idDetail(facts[1])).toBe('');
    expect(idDetail(facts[4])).toBe('_pretrain');
    const pairs = conversionPairs(facts);
    expect(pairs.map((p) => `${p.num.id}/${p.den.id}`)).toEqual([
      'jz-r-reasoning_length-chars/jz-r-reasoning_length', 'bl-h-context_length_chars-pretrain/bl-h-context_length-pretrain',
    ]);
    const [f] = checkConversionRatios(facts);
    expect(f.status).toBe('warn');
    // 500000 / 256000 = 1.953; 60000 / 50000 = 1.2 (range 50000/50000 = 1 to 70000/50000 = 1.4); 1.953 / 1.2 = 1.628
    expect(f.message).toContain('5万-7万字 / 50000tokens = 1.2 (jz-r-reasoning_length-chars, range 1-1.4)');
    expect(f.message).toContain('1.953 / 1.2 = 1.628');
  });
  it('pairs nothing outside the metric pairs, whatever the evidence shares (3 and 13B, a score and its rank)', () => {
    const facts = [
      spec('bl-m-total_parameters', 'total_parameters', '80B', { evidence: '80B总参数,13B激活' }),
      spec('bl-m-models', 'models', '3', { unit: 'count', evidence: '首款13B级MoE开源模型' }),
      spec('qb-m-score', 'score', '96.67%', { evidence: '以96.67%的高分斩获国产模型第一' }),
      spec('qb-m-rank', 'rank', '第一', { unit: 'rank', evidence: '以96.67%的高分斩获国产模型第一' }),
    ];
    expect(conversionPairs(facts)).toEqual([]);
    expect(checkConversionRatios(facts)).toEqual([]);
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
    // a 50亿元 round of 2025 against 42亿元 of 2025 industry funding = 119%
    const facts = [
      fact({ id: 'd', table: 'funding_rounds', metric: 'funding_amount', quantity: '50亿元', as_of: '2025-06-01' }),
      fact({ id: 'i', table: 'market', metric: 'industry_funding', quantity: '42亿元', period_start: '2025-01-01', period_end: '2025-12-31' }),
    ];
    const g = checkShares(facts, computeDerived(facts, FX));
    expect(g[0].status).toBe('fail');
    expect(g[0].message).toMatch(/= 119%/); // 50 / 42 = 1.1905
    expect(checkShares([fact({ id: 'ok', metric: 'share', quantity: '80%', as_of: '2025' })], [])[0].status).toBe('pass');
  });
  it('peer multiples of one article more than 3x apart warn', () => {
    const m = (id: string, entity: string, q: string) => fact({ id, entity, table: 'multiples', metric: 'ps_ratio', quantity: q, as_of: '2026' });
    const [w] = checkMultipleSpread([m('a', 'x', '25倍'), m('b', 'y', '80-100倍')], []);
    expect(w.status).toBe('warn');
    expect(w.id).toBe('multiples:spread:ps_ratio:src-a');
    expect(w.message).toContain('y 80-100倍 is at least 80 / 25 = 3.2 times x 25倍'); // lowest end of 80-100 over 25
    expect(w.message.split('. ').length).toBe(1); // one sentence
    expect(checkMultipleSpread([m('a', 'x', '25倍'), m('b', 'y', '39-41倍')], [])[0].status).toBe('pass'); // 39 / 25 = 1.56
  });
  it('compares like with like: listed market cap / sales per date, apart from private P/S', () => {
    const cap = (id: string, entity: string, q: string, asOf: string) => fact({ id, entity, table: 'valuations', metric: 'market_cap', quantity: q, as_of: asOf });
    const facts = [
      fact({ id: 'p', entity: 'x', table: 'multiples', metric: 'ps_ratio', quantity: '25倍', as_of: '2026-01' }),
      fact({ id: 'q', entity: 'y', table: 'multiples', metric: 'ps_ratio', quantity: '39-41倍', as_of: '2026-01' }),
      cap('cz', 'z', '955亿港元', '2026-01'), cap('cw', 'w', '1210亿港元', '2026-01'),
    ];
    const d = (id: string, entity: string, capId: string, v: number): Derived => ({
      id, metric: 'market_cap_to_sales', entity, value: v, low: v, high: v, unit: 'multiple', currency: null,
      formula: 'market_cap / annualized revenue', inputs: [capId, 'rev'], assumptions: [], method: null, note: null,
    });
    const out = checkMultipleSpread(facts, [d('dz', 'z', 'cz', 224), d('dw', 'w', 'cw', 217.4)]);
    expect(out.map((f) => [f.id, f.status])).toEqual([
      ['multiples:spread:ps_ratio:src-a', 'pass'], // 39 / 25 = 1.56
      ['multiples:spread:market_cap_to_sales:2026-01', 'pass'], // 224 / 217.4 = 1.03, not 224 / 25
    ]);
    expect(out[1].inputs).not.toContain('p');
  });
  it('warns about 9- vs 12-month flows without annualize (a round outside the period is the part-of-whole rule\'s)', () => {
    const facts = new Map([
      fact({ id: 'round', table: 'funding_rounds', metric: 'funding_amount', quantity: '50亿元', as_of: '2026-01-26' }),
      fact({ id: 'total', table: 'market', metric: 'industry_funding', quantity: '94.16亿元', period_start: '2025-01-01', period_end: '2025-12-31' }),
      fact({ id: 'r9', metric: 'revenue', quantity: '5亿元', period_start: '2025-01-01', period_end: '2025-09-30' }),
      fact({ id: 'r12', metric: 'revenue', quantity: '4亿元', period_start: '2024-01-01', period_end: '2024-12-31' }),
    ].map((f) => [f.id, f]));
    const c = (id: string, expression: string): Claim => ({ id, source: 'a', type: 'statement', claim: '', evidence: '', stated: '1', unit: 'x', expression, tolerance: null, note: null, file: 'f', line: 2 });
    const out = checkClaimPeriods([c('share', 'round / total * 100'), c('growth', 'r9 / r12'), c('fine', 'annualize(r9, 9) / r12')], facts);
    expect(out.map((f) => f.id)).toEqual(['growth:period']);
    expect(out[0].message).toMatch(/9 months/);
  });
  it('counts a stated fact id among the compared facts, and leaves cross-checks to their own rule', () => {
    const facts = new Map([
      fact({ id: 'r9', metric: 'revenue', quantity: '5亿元', period_start: '2025-01-01', period_end: '2025-09-30' }),
      fact({ id: 'r12', metric: 'revenue', quantity: '4亿元', period_start: '2024-01-01', period_end: '2024-12-31' }),
    ].map((f) => [f.id, f]));
    const c = (id: string, type: Claim['type']): Claim => ({ id, source: 'a', type, claim: '', evidence: '', stated: 'r12', unit: 'x', expression: 'r9 * 1', tolerance: null, note: null, file: 'f', line: 2 });
    expect(checkClaimPeriods([c('s', 'statement'), c('x', 'cross-check')], facts).map((f) => f.id)).toEqual(['s:period']);
  });
});
