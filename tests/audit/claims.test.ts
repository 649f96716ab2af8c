import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { IssueList } from '../../src/data/errors';
import { checkClaimReferences, claimsWithoutEvidence, collectClaimReferenceIssues, parseClaims, readClaims } from '../../src/audit/claims';
import type { Assumption, Fact, Source } from '../../src/types';
import { DataValidationError } from '../../src/data/errors';
import { readDataset } from '../../src/data';
import { runAudit } from '../../src/audit/run';
import { ARTICLES, needsArticles } from '../seeds';

const HEADER = 'id,source,type,claim,evidence,stated,unit,expression,tolerance,note';

describe('claims.csv parsing', () => {
  it('reads rows and reports bad cells with line and column', () => {
    const issues = new IssueList();
    const claims = parseClaims([
      HEADER,
      'ok,s,statement,P/S,约为 25 倍,约25倍,multiple,a / b,,',
      'bad-expr,s,statement,x,y,25倍,multiple,a / (b,,',
      'bad-stated,s,statement,x,y,lots,multiple,a,,',
      'ok,s,statement,dup,y,1,multiple,a,,',
      'bad-type,s,guess,x,y,1,multiple,a,,',
      'fact-stated,s,cross-check,x,y,tmt-stepfun-open_platform_api_calls_growth,multiple,a,,',
    ].join('\n'), 'claims.csv', issues);
    expect(claims.map((c) => [c.id, c.type])).toEqual([['ok', 'statement'], ['fact-stated', 'cross-check']]);
    const where = issues.items.map((i) => `${i.line}:${i.column}`);
    expect(where).toEqual(['3:expression', '4:stated', '5:id', '6:type']);
  });
  it('checks a stated fact id against the facts, naming line and column', () => {
    const issues = new IssueList();
    const claims = parseClaims([HEADER, 'x,s,statement,c,e,no-such-fact,multiple,1,,'].join('\n'), 'claims.csv', issues);
    expect(issues.items).toEqual([]);
    const env = { facts: new Map(), assumptions: [] };
    const sources = [{ id: 's' }] as unknown as Parameters<typeof checkClaimReferences>[2];
    expect(() => checkClaimReferences(claims, env, sources)).toThrow(DataValidationError);
    expect(() => checkClaimReferences(claims, env, sources)).toThrow(/claims.csv:2.*stated.*'no-such-fact' is neither a quantity nor a fact id/);
  });
  it('rejects a wrong header, naming each missing column', () => {
    const issues = new IssueList();
    expect(parseClaims('id,source\nx,y', 'claims.csv', issues)).toEqual([]);
    expect(issues.items.map((i) => [i.line, i.column, i.message])).toEqual(
      ['type', 'claim', 'evidence', 'stated', 'unit', 'expression', 'tolerance', 'note'].map((c) => [1, c, 'missing column in header']),
    );
  });

  it('numbers a claim by the line it starts on', () => {
    const issues = new IssueList();
    // the note of line 2 spans two lines, so the next claim starts on line 4
    const claims = parseClaims([
      HEADER, 'a,s,statement,c,e,>0,multiple,x,,"first\nsecond"', 'b,s,statement,c,e,>0,multiple,x,,',
    ].join('\n'), 'claims.csv', issues);
    expect(issues.items).toEqual([]);
    expect(claims.map((c) => [c.id, c.line])).toEqual([['a', 2], ['b', 4]]);
  });

  it('rejects a unit outside the list and a unit that contradicts the stated value', () => {
    const issues = new IssueList();
    const claims = parseClaims([
      HEADER,
      'ok-multiple,s,statement,c,e,约25倍,multiple,a / b,,',
      'percent-for-multiple,s,statement,c,e,约25倍,percent,a / b,,',
      'percent-bound-for-multiple,s,statement,c,e,<100%,multiple,a / b,,',
      'direction-only,s,statement,c,e,>0,percent,a - b,,',
      'count-of-companies,s,statement,c,e,三家,companies,"count(\'A\', \'B\', \'C\')",,',
      'typo,s,statement,c,e,>0,vehicels,a - b,,',
    ].join('\n'), 'claims.csv', issues);
    expect(claims.map((c) => c.id)).toEqual(['ok-multiple', 'direction-only', 'count-of-companies']);
    expect(issues.items.map((i) => [i.line, i.column, i.message])).toEqual([
      [3, 'unit', "'percent' conflicts with the stated value '约25倍', which reads as multiple"],
      [4, 'unit', "'multiple' conflicts with the stated value '<100%', which reads as percent"],
      [7, 'unit', expect.stringMatching(/^'vehicels' is not a known unit/)],
    ]);
  });
});

describe('claim references', () => {
  const fact = (id: string, unit: string) => [id, { id, unit } as unknown as Fact] as const;
  const env = { facts: new Map([fact('a-rev', 'money'), fact('a-val', 'money'), fact('a-ratio', 'multiple')]), assumptions: [{ id: 'usd-cny' } as Assumption] };
  const sources = [{ id: 's' }] as unknown as Source[];

  it('lists every unknown source, id, function and stated fact, with line and column', () => {
    const issues = new IssueList();
    const claims = parseClaims([
      HEADER,
      'fine,s,statement,c,e,a-ratio,multiple,a-val / a-rev * usd-cny,,',
      'typo-id,s,statement,c,e,>1,multiple,a-val / a-rev-2099e + a-val / a-rev-2099e,,',
      'other-source,t,statement,c,e,>1,multiple,a-val / a-rev,,',
      'bad-syntax,s,statement,c,e,>1,multiple,a-ratio(a-val; a-rev),,',
      'broken-row,s,statement,c,e,>1,multiple,a-val / a-rev-broken,,',
      'stated-unit,s,statement,c,e,a-ratio,percent,a-val / a-rev,,',
      'unverifiable,s,statement,c,e,>1,multiple,a-val / ?a-rev-2025,,',
    ].join('\n'), 'claims.csv', issues);
    expect(issues.items.map((i) => [i.line, i.column, i.message])).toEqual([[5, 'expression', "unexpected character ';' at character 14 of 'a-ratio(a-val; a-rev)'"]]);
    const refs = new IssueList();
    collectClaimReferenceIssues(claims, env, sources, refs, new Set(['a-rev', 'a-val', 'a-ratio', 'a-rev-broken']));
    expect(refs.items.map((i) => [i.line, i.column, i.message])).toEqual([
      // 'a-val / ' is 8 characters: the id starts at character 9; reported once
      [3, 'expression', "unknown fact or assumption id 'a-rev-2099e' at character 9 of 'a-val / a-rev-2099e + a-val / a-rev-2099e'"],
      [4, 'source', "unknown source 't'"],
      // line 6 refers to a-rev-broken, a row with problems of its own: not reported again
      [7, 'unit', "'percent' conflicts with the stated fact 'a-ratio', which is in 'multiple'"],
    ]);
  });

  it('reports an unknown function', () => {
    const issues = new IssueList();
    const claims = parseClaims([HEADER, 'f,s,statement,c,e,>1,multiple,"ratio2(a-val, a-rev)",,'].join('\n'), 'claims.csv', issues);
    const refs = new IssueList();
    collectClaimReferenceIssues(claims, env, sources, refs);
    expect(refs.items.map((i) => [i.line, i.column, i.message])).toEqual([
      [2, 'expression', expect.stringMatching(/^unknown function 'ratio2' \(known: annualize, .*\) at character 1 of/)],
    ]);
  });
});

const hasData = fs.existsSync(path.resolve(__dirname, '../../data/claims.csv'));

describe.runIf(hasData)('claims on the real data', () => {
  it('reads every claim', () => {
    expect(readClaims().length).toBeGreaterThanOrEqual(40);
  });
  it.skipIf(ARTICLES.dir === null)(needsArticles('every evidence phrase occurs verbatim in its article'), () => {
    const ds = readDataset();
    expect(claimsWithoutEvidence(readClaims(), ds.sources, ARTICLES.dir!).map((c) => c.id)).toEqual([]);
  });
  it('the StepFun P/S claim passes with computed [20, 30] (200亿/10亿 = 20, 300亿/10亿 = 30)', () => {
    const { findings } = runAudit();
    const f = findings.find((x) => x.id === 'tmt-stepfun-ps-about-25x');
    expect(f?.status).toBe('pass');
    expect([f?.computed?.low, f?.computed?.high]).toEqual([20, 30]);
    // 约25倍 -> 25 +/- 10%
    expect([f?.stated?.low, f?.stated?.high]).toEqual([22.5, 27.5]);
  });
  it('pins the status of every claim (a change of data or rules that flips one shows here)', () => {
    const { findings } = runAudit();
    const claims = readClaims();
    const status = Object.fromEntries(findings.filter((f) => f.kind === 'derivation').map((f) => [f.id, f.status]));
    expect(Object.keys(status).sort()).toEqual(claims.map((c) => c.id).sort());
    expect(status).toEqual(EXPECTED_CLAIM_STATUS);
  });
  it('pins the plausibility findings the rules raise on the data', () => {
    const { findings } = runAudit({ kinds: ['plausibility'] });
    const notPass = Object.fromEntries(findings.filter((f) => f.status !== 'pass').map((f) => [f.id, f.status]));
    expect(notPass).toEqual({
      'memory:tmt-step-3-memory_int8': 'fail', // 321B x 1 byte = 321GB needed, 5GB stated; even 38B active need 38GB
      // (1.13万亿 / 7万) / (1.1万亿 / 73万) = 1614万 / 150.7万 = 10.71 tokens per hour apart: about 10^1
      'ratio:bl-step-audio-training_tokens-audio|bl-step-audio-training_tokens-tts': 'fail',
      // 3890亿 = 389B against 3890B: a factor of 10
      'scale:bl-hunyuan-large-total_parameters|bl-hunyuan-large-total_parameters-comparison': 'fail',
      // tmtpost's P/S table: mid-tier 80-100倍 against StepFun 约25倍, 80 / 25 = 3.2 > 3
      'multiples:spread:ps_ratio:tmtpost-2026': 'warn',
      // 约50万字 / 256K = 1.953 against (5万-7万字) / 50000 tokens = 1.2 characters per token: 1.953 / 1.2 = 1.628 > 1.5
      'ratio:bl-hunyuan-context_length_chars-pretrain|jz-step-r-mini-reasoning_length-chars': 'warn',
      // part of a whole: the B+ round (2026-01-26) is 26 days after the 2025 funding it is a share of (2026-01-26 - 2025-12-31)
      'tmt-stepfun-funding-share-half:part-of-whole': 'warn',
      'tmt-stepfun-funding-share-over-half:part-of-whole': 'warn',
      // the same for the one derived funding_share row of the B+ round (one event against one 2025 total)
      'funding-share-stepfun-0bf6a1:part-of-whole': 'warn',
      // launch run rate: the Galaxy M9's first 3 months after launch x 12/3 = 4, three reports of one event
      'launch-run-rate:geely-galaxy-m9|vehicle_sales||2025-10-01..2025-12-31|': 'warn',
      // stale FX: H1 2025 revenue at the 2026-01 HKD rate (2025-06-30 to 2026-01-01 = 185 days);
      // Jan-Sep 2025 revenue at the 2026-01 HKD rate (2025-09-30 to 2026-01-01 = 93 days)
      'stale-fx:ne-zhipu-revenue-2025-h1|hkd-cny-2026-01': 'warn',
      'stale-fx:ne-minimax-revenue-2025-9m|hkd-usd-2026-01': 'warn',
      // mixed bases: listed market caps (955亿 / 1210亿港元) against StepFun's P/S on a private post-money and
      // OpenAI's on a reported private valuation, in the growth each listed company needs to reach that P/S
      'valuation-bases:required_revenue_cagr:ne-zhipu-market_cap|ne-zhipu-revenue-2025-h1|tmt-stepfun-ps_ratio': 'warn',
      'valuation-bases:required_revenue_cagr:ne-zhipu-market_cap|ne-zhipu-revenue-2025-h1|tmt-openai-ps_ratio': 'warn',
      'valuation-bases:required_revenue_cagr:ne-minimax-market_cap|ne-minimax-revenue-2025-9m|tmt-stepfun-ps_ratio': 'warn',
      'valuation-bases:required_revenue_cagr:ne-minimax-market_cap|ne-minimax-revenue-2025-9m|tmt-openai-ps_ratio': 'warn',
    });
    // listed peers at one date agree: 955亿港元 / (1.91亿元 x 2 / 0.896) = 224x, 1210亿港元 / (5343.7万美元 x 12/9 / 0.128) = 217.4x
    expect(findings.find((f) => f.id === 'multiples:spread:market_cap_to_sales:2026-01')?.status).toBe('pass');
  });
  it('flags the known slips: 3890B, 5GB at int8, 23.5x outside 10-20x', () => {
    const { findings } = runAudit();
    const status = (id: string) => findings.find((x) => x.id === id)?.status;
    expect(status('bl-hunyuan-large-3890b')).toBe('fail'); // 3890亿 = 389B, not 3890B
    expect(status('tmt-step-3-int8-memory')).toBe('fail'); // 321B x 1 byte = 321GB
    expect(status('tmt-step3-vl-10b-vs-qwen3-vl')).toBe('fail'); // 235 / 10 = 23.5
    expect(status('tmt-step-3-parameter-efficiency')).toBe('pass'); // 321 / 38 = 8.447
  });
});

/**
 * Status of every claim of data/claims.csv on the committed data, with the hand computation.
 * Ranges are written [low, high]; 约 widens by 10%, 近 v reads [0.9 v, v], an exact value by
 * half a unit of its last digit; an order of magnitude 亿元级别 is the class [1亿, 10亿) with
 * no widening. A one-sided stated value (>0, >=100%, 超50%) passes only when the whole computed
 * range is on its side; a range across its bound is a warn.
 */
const EXPECTED_CLAIM_STATUS: Record<string, string> = {
  // --- tmtpost-2026
  'tmt-stepfun-ps-about-25x': 'pass', // 200亿/10亿 = 20, 300亿/10亿 = 30; 约25倍 = [22.5, 27.5]
  'tmt-stepfun-ps-25x-restated': 'pass', // [20, 30] against 25倍 = [24.5, 25.5]
  'tmt-stepfun-ps-below-us-peers': 'pass', // [39 - 30, 41 - 20] = [9, 21], all > 0
  'tmt-stepfun-ps-below-mid-tier': 'pass', // [80 - 30, 100 - 20] = [50, 80], all > 0
  'tmt-openai-ps-39-41x': 'unverifiable', // no OpenAI revenue
  'tmt-anthropic-ps-39-41x': 'unverifiable', // no Anthropic revenue
  'tmt-mid-tier-ps-80-100x': 'unverifiable', // no company named
  // 10亿 is exactly the top of 亿元级别 = [1亿, 10亿), which the class excludes (10亿 begins 十亿级别): gap 0
  'tmt-stepfun-revenue-level': 'warn',
  'tmt-stepfun-funding-share-over-half': 'pass', // 超50亿 / 94.16亿 = [53.1%, +inf), all >= 50%
  'tmt-stepfun-funding-share-half': 'pass', // 50 / 94.16 = 53.1%, within 约50% = [45, 55]
  'tmt-industry-funding-halved': 'unverifiable', // no 2024 total
  'tmt-industry-rounds-halved': 'unverifiable', // no 2024 count
  'tmt-step-3-parameter-efficiency': 'pass', // 321 / 38 = 8.447, within 8.4 = [8.35, 8.45]
  'tmt-step-3-int8-memory': 'fail', // 321B x 1 byte = 321GB = 64.2 x 5GB
  // cross-check: 1 / (up to 300%) = [1/3, +inf) holds the printed 1/3, but relates inference efficiency to decoding cost
  'tmt-step-3-cost-vs-efficiency': 'warn',
  'tmt-step3-vl-10b-vs-glm-4.6v': 'pass', // 106 / 10 = 10.6 within 10-20
  'tmt-step3-vl-10b-vs-qwen3-vl': 'fail', // 235 / 10 = 23.5, (23.5 - 20) / 20 = 17.5% above 20 (> 10%)
  'tmt-us-china-gap-shrank': 'pass', // 0.3 - 17.5 = -17.2 < 0
  'tmt-ai-phone-penetration-over-half': 'unverifiable', // no total shipments
  'tmt-multimodal-market-cagr': 'unverifiable', // no base-year market size
  'tmt-openai-round-dwarfs-stepfun': 'pass', // 400亿 USD x 7.00 / 50亿 = 56 > 1
  'tmt-terminal-agent-compounding': 'warn', // cross-check: 2.53^3 = 16.19 to 2.7^3 = 19.68 meets 近20倍 = [18, 20], but Q2-Q4 agent calls vs 2025 open-platform calls
  'tmt-stepfun-round-record-12m': 'unverifiable', // no other round of the 12 months
  'tmt-china-llm-valuations-doubled-2024': 'unverifiable',
  'tmt-china-open-model-downloads-overtake-us': 'unverifiable',
  // target P/S 40x (assumption target-ps-stepfun): needed revenue 200亿/40 = 5亿 to 300亿/40 = 7.5亿 from 亿元级别
  // [1亿, 10亿]: factor 5/10 = 0.5 to 7.5/1 = 7.5; over 2 years 0.5^(1/2) - 1 = -29.29% to 7.5^(1/2) - 1 = 173.86%,
  // over 3 years -20.63% to 95.74%; the hull [-29.29%, 173.86%] straddles >= 100%: only [100%, 173.86%] meets it
  'tmt-stepfun-valuation-needs-exponential-growth': 'warn',
  'tmt-base-model-big-five-names-four': 'fail', // 百度、阿里、腾讯、字节跳动 = 4 against 五 = [4.5, 5.5]: (4.5 - 4) / 4.5 = 11% > 10%
  'tmt-rounds-over-1bn-three-named': 'pass', // MiniMax、智谱 AI、月之暗面 = 3 = 三家
  'tmt-base-model-system-one-plus-two': 'pass', // 多模态、端云结合 = 2 = 两大方向
  // founded 2023-04 (days 19448..19477) to 2026-01-26 (day 20479): 1002 / 365.2425 = 2.74 to 1031 / 365.2425 = 2.82 years < 3
  'tmt-stepfun-under-three-years': 'pass',
  // --- qbitai-20260227
  'qb-pacore-gain-aime2025': 'pass', // 99.9 - 97.3 = 2.6 > 0
  'qb-pacore-gain-imoanswerbench': 'pass', // 88.8 - 85.4 = 3.4 > 0
  'qb-pacore-gain-hmmt2025': 'pass', // 98.9 - 96.2 = 2.7 > 0
  'qb-matharena-on-par-with-gpt-5.2': 'pass', // 96.29 - 96.11 = 0.18, within +/-0.5
  'qb-multimodal-16-of-22': 'pass', // 22 - 16 = 6 >= 0
  'qb-stepfun-round-exceeds-ipos': 'unverifiable',
  'qb-red-envelopes-over-4bn': 'unverifiable',
  'qb-base-models-22-within-over-30': 'pass', // cross-check: 超过30 - 22 = [8, +inf) >= 0, same metric unit and date
  'qb-aime2026-above-gemini-3-flash': 'unverifiable',
  'qb-aime2026-below-gpt-5.2': 'unverifiable',
  'qb-core-team-one-plus-three': 'pass', // 1 (印奇) + 3 (姜大昕、张祥雨、朱亦博) = 4 = 四角
  // --- netease-202601
  // founded 2023-04 to January 2026 (days 20454..20484): 977 / 365.2425 = 2.67 to 1036 / 365.2425 = 2.84 years < 3
  'ne-stepfun-under-three-years': 'pass',
  'ne-industry-funding-fell': 'unverifiable', // no 2024 total
  'ne-industry-rounds-fell': 'unverifiable', // no 2024 round count
  'ne-industry-valuations-doubled-2024': 'unverifiable',
  'ne-stepfun-round-record': 'unverifiable',
  'ne-rounds-over-1bn-three-named': 'pass', // MiniMax、智譜、月之暗面 = 3 = 三家
  // --- jiazi-20250211
  'jz-step-2-mini-parameter-share': 'unverifiable',
  'jz-step-2-mini-performance-share': 'unverifiable',
  'jz-mfa-kv-cache-saving': 'unverifiable',
  'jz-step-r-mini-tokens-to-chars': 'unverifiable', // no tokenizer rate; see the conversion-ratio finding
  'jz-stepfun-six-models-breakdown': 'pass', // 4 + 2 = 6 = 六款
  'jz-us-labs-three-named': 'pass', // OpenAI、Anthropic、xAI = 3 = 三足
  // --- blog-2025-hunyuan
  'bl-hunyuan-large-3890b': 'fail', // 3890亿 = 389B, 1/10 of 3890B
  'bl-hunyuan-context-chars': 'unverifiable', // no tokenizer rate; see the conversion-ratio finding
  'bl-step-audio-audio-hours': 'unverifiable',
  'bl-step-audio-tts-hours': 'unverifiable',
  'bl-step-audio-asr-hours': 'unverifiable',
  'bl-step-audio-interleaved-hours': 'unverifiable',
  'bl-step-3-visual-tokens-1-16': 'pass', // (1/4)^2 = 1/16
  'bl-hunyuan-large-largest': 'fail', // 389B - max(406B, 80B) = -17B < 0
  // Step-Audio 千亿 is read as at least 100B: 321B - max([100B, +inf), 30B) = (-inf, 221B] straddles >= 0
  'bl-step-3-largest': 'warn',
  'bl-hunyuan-pretraining-data-upgrade': 'pass', // 7万亿 - 1万亿 = 6万亿 > 0
  'bl-stepfun-four-terminals-named': 'pass', // 汽车、手机、具身智能、IoT = 4 = 四大终端
};
