/**
 * A small synthetic fact base covering every chart. Numbers are made up for the tests
 * (round values so expected results can be worked out by hand); they are not article data.
 */
import type { Finding } from '../../src/audit/findings';
import type { Derived } from '../../src/metrics/derived';
import type { ReportData } from '../../src/report/data';
import type { Assumption, Entity, Fact, FactTable, Source } from '../../src/types';

export const HOSTILE = '<script>alert(1)</script>';

function entity(id: string, kind: Entity['kind'], name_en: string, name_zh: string, parent: string | null = null): Entity {
  return { id, kind, name_en, name_zh, parent, note: null };
}

export const ENTITIES: Entity[] = [
  entity('stepfun', 'company', 'StepFun', '阶跃星辰'),
  entity('zhipu', 'company', 'Zhipu AI', '智谱'),
  entity('minimax', 'company', 'MiniMax', 'MiniMax'),
  entity('openai', 'company', 'OpenAI', 'OpenAI'),
  entity('moonshot', 'company', 'Moonshot AI', '月之暗面'),
  entity('geely', 'company', 'Geely', '吉利'),
  entity('step-3.5-flash', 'model', 'Step 3.5 Flash', 'Step 3.5 Flash', 'stepfun'),
  entity('gpt-5.2', 'model', 'GPT-5.2', 'GPT 5.2', 'openai'),
  entity('hunyuan-a13b', 'model', 'Hunyuan-A13B', '混元A13B', 'tencent'),
  entity('china-llm-industry', 'market', 'China LLM industry', '中国大模型产业'),
];

export const SOURCES: Source[] = [
  { id: 'src-a', outlet: 'Outlet A', title: '标题 A', published: '2026-02-01', url: 'https://example.com/a', language: 'zh-Hans', seed_file: 'a.txt', note: null },
  { id: 'src-b', outlet: 'Outlet B', title: 'Title B', published: '2026-01', url: null, language: 'zh-Hans', seed_file: 'b.txt', note: null },
];

export const ASSUMPTIONS: Assumption[] = [
  { id: 'fx-usd-cny', name: 'USD to CNY', value: 7, unit: 'CNY/USD', as_of: '2025-12', rationale: 'round test rate', reference: null },
  { id: 'fx-hkd-usd', name: 'HKD to USD', value: 0.125, unit: 'USD/HKD', as_of: '2025-12', rationale: 'round test rate', reference: null },
];

let line = 2;
type FactInput = Partial<Fact> & Pick<Fact, 'id' | 'table' | 'entity' | 'metric' | 'quantity' | 'value' | 'unit'>;
function fact(f: FactInput): Fact {
  return {
    low: f.value, high: f.value, currency: null, qualifier: 'exact', as_of: '2026-01', period_start: null, period_end: null,
    source: 'src-a', seed_file: 'a.txt', evidence: f.quantity, note: null, file: `data/${f.table as FactTable}.csv`, line: line++,
    ...f,
  };
}

export const FACTS: Fact[] = [
  // benchmarks: two math sets, three models, one PaCoRe run, one non-math set that must be left out
  fact({ id: 'a-step-3.5-flash-score-aime-2025', table: 'benchmarks', entity: 'step-3.5-flash', metric: 'score', quantity: '97.3分', value: 97.3, unit: 'score', benchmark: 'AIME 2025', variant: null }),
  fact({ id: 'a-step-3.5-flash-score-aime-2025-pacore', table: 'benchmarks', entity: 'step-3.5-flash', metric: 'score', quantity: '99.9分', value: 99.9, unit: 'score', benchmark: 'AIME 2025', variant: 'PaCoRe' }),
  fact({ id: 'a-step-3.5-flash-score-hmmt-2025', table: 'benchmarks', entity: 'step-3.5-flash', metric: 'score', quantity: '90分', value: 90, unit: 'score', benchmark: 'HMMT 2025', variant: null }),
  fact({ id: 'a-gpt-5.2-score-aime-2025', table: 'benchmarks', entity: 'gpt-5.2', metric: 'score', quantity: '98分', value: 98, unit: 'score', benchmark: 'AIME 2025', variant: null }),
  fact({ id: 'a-hunyuan-a13b-score-aime-2025', table: 'benchmarks', entity: 'hunyuan-a13b', metric: 'score', quantity: '80分', value: 80, unit: 'score', benchmark: 'AIME 2025', variant: null, source: 'src-b' }),
  fact({ id: 'a-step-3.5-flash-score-swe', table: 'benchmarks', entity: 'step-3.5-flash', metric: 'score', quantity: '70分', value: 70, unit: 'score', benchmark: 'SWE-bench Verified', variant: null }),
  // model sizes
  fact({ id: 'a-step-3.5-flash-total-parameters', table: 'model_specs', entity: 'step-3.5-flash', metric: 'total_parameters', quantity: '200B', value: 2e11, unit: 'parameters' }),
  fact({ id: 'a-step-3.5-flash-active-parameters', table: 'model_specs', entity: 'step-3.5-flash', metric: 'active_parameters', quantity: '10B', value: 1e10, unit: 'parameters' }),
  fact({ id: 'a-hunyuan-a13b-total-parameters', table: 'model_specs', entity: 'hunyuan-a13b', metric: 'total_parameters', quantity: '80B', value: 8e10, unit: 'parameters', source: 'src-b' }),
  // a second total for the same model, a factor of 10 off (a scale word slip, as the audit's scale rule finds)
  fact({ id: 'a-hunyuan-a13b-total-parameters-table', table: 'model_specs', entity: 'hunyuan-a13b', metric: 'total_parameters', quantity: '8000亿', value: 8e11, unit: 'parameters', source: 'src-b' }),
  fact({ id: 'a-hunyuan-a13b-active-parameters', table: 'model_specs', entity: 'hunyuan-a13b', metric: 'active_parameters', quantity: '13B', value: 1.3e10, unit: 'parameters', source: 'src-b' }),
  // funding: an open-ended CNY round, a USD round, the 2025 industry total
  fact({ id: 'a-stepfun-funding-amount-b-plus', table: 'funding_rounds', entity: 'stepfun', metric: 'funding_amount', quantity: '超50亿元', value: 5e9, low: 5e9, high: null, qualifier: 'over', unit: 'money', currency: 'CNY', as_of: '2026-01-26', round: 'B+', investors: 'Fund A;Fund B', evidence: HOSTILE }),
  fact({ id: 'a-moonshot-funding-amount', table: 'funding_rounds', entity: 'moonshot', metric: 'funding_amount', quantity: '5亿美元', value: 5e8, unit: 'money', currency: 'USD', as_of: '2026-01', round: 'C' }),
  // a round of an earlier year, stated as a range (数亿美元: several hundred million)
  fact({ id: 'a-stepfun-funding-amount-b', table: 'funding_rounds', entity: 'stepfun', metric: 'funding_amount', quantity: '数亿美元', value: 5.5e8, low: 2e8, high: 9e8, qualifier: 'estimate', unit: 'money', currency: 'USD', as_of: '2024-12', round: 'B' }),
  fact({ id: 'b-china-llm-industry-industry-funding-2025', table: 'market', entity: 'china-llm-industry', metric: 'industry_funding', quantity: '100亿元', value: 1e10, unit: 'money', currency: 'CNY', period_start: '2025-01-01', period_end: '2025-12-31', as_of: '2025', source: 'src-b' }),
  // valuations (CNY range, USD range, HKD market cap) and P/S multiples
  fact({ id: 'a-stepfun-valuation', table: 'valuations', entity: 'stepfun', metric: 'valuation', quantity: '210-280亿元', value: 2.45e10, low: 2.1e10, high: 2.8e10, qualifier: 'range', unit: 'money', currency: 'CNY', basis: 'post-money' }),
  fact({ id: 'a-openai-valuation', table: 'valuations', entity: 'openai', metric: 'valuation', quantity: '5000-7000亿美元', value: 6e11, low: 5e11, high: 7e11, qualifier: 'range', unit: 'money', currency: 'USD', basis: 'reported' }),
  fact({ id: 'a-zhipu-market-cap', table: 'valuations', entity: 'zhipu', metric: 'market_cap', quantity: '超3000亿港元', value: 3e11, low: 3e11, high: null, qualifier: 'over', unit: 'money', currency: 'HKD', basis: 'market-cap' }),
  fact({ id: 'a-stepfun-ps-ratio', table: 'multiples', entity: 'stepfun', metric: 'ps_ratio', quantity: '20-30倍', value: 25, low: 20, high: 30, qualifier: 'range', unit: 'multiple' }),
  fact({ id: 'a-openai-ps-ratio', table: 'multiples', entity: 'openai', metric: 'ps_ratio', quantity: '40倍', value: 40, unit: 'multiple' }),
  // StepFun revenue: the input of the computed P/S in DERIVED
  fact({ id: 'a-stepfun-revenue-2025e', table: 'financials', entity: 'stepfun', metric: 'revenue', quantity: '10亿元', value: 1e9, unit: 'money', currency: 'CNY', qualifier: 'estimate', period_start: '2025-01-01', period_end: '2025-12-31' }),
  // listed peers: revenue and losses over two periods, one in USD
  fact({ id: 'b-zhipu-revenue-2024', table: 'financials', entity: 'zhipu', metric: 'revenue', quantity: '3亿元', value: 3e8, unit: 'money', currency: 'CNY', period_start: '2024-01-01', period_end: '2024-12-31', source: 'src-b' }),
  fact({ id: 'b-zhipu-net-loss-2024', table: 'financials', entity: 'zhipu', metric: 'net_loss', quantity: '30亿元', value: 3e9, unit: 'money', currency: 'CNY', period_start: '2024-01-01', period_end: '2024-12-31', source: 'src-b' }),
  fact({ id: 'b-zhipu-revenue-2025h1', table: 'financials', entity: 'zhipu', metric: 'revenue', quantity: '2亿元', value: 2e8, unit: 'money', currency: 'CNY', period_start: '2025-01-01', period_end: '2025-06-30', source: 'src-b' }),
  fact({ id: 'b-minimax-revenue-2024', table: 'financials', entity: 'minimax', metric: 'revenue', quantity: '3000万美元', value: 3e7, unit: 'money', currency: 'USD', period_start: '2024-01-01', period_end: '2024-12-31', source: 'src-b' }),
  fact({ id: 'b-minimax-adjusted-net-loss-2024', table: 'financials', entity: 'minimax', metric: 'adjusted_net_loss', quantity: '2亿美元', value: 2e8, unit: 'money', currency: 'USD', period_start: '2024-01-01', period_end: '2024-12-31', source: 'src-b' }),
  // deployments: reported numbers and a target, two units
  fact({ id: 'a-geely-vehicles-with-model', table: 'deployments', entity: 'geely', metric: 'vehicles_with_model', quantity: '近4万辆', value: 4e4, low: null, high: 4e4, qualifier: 'nearly', unit: 'vehicles' }),
  fact({ id: 'a-stepfun-installs', table: 'deployments', entity: 'stepfun', metric: 'installs', quantity: '4000万台', value: 4e7, unit: 'devices' }),
  fact({ id: 'a-stepfun-installs-target', table: 'deployments', entity: 'stepfun', metric: 'installs', quantity: '1亿台', value: 1e8, unit: 'devices', qualifier: 'target' }),
];

const v = (text: string, x: number, unit: string | null = 'percent') => ({ text, low: x, high: x, unit });

export const FINDINGS: Finding[] = [
  { id: 'claim-1', kind: 'derivation', rule: 'claim', status: 'pass', entities: ['stepfun'], sources: ['src-a'], inputs: ['a-stepfun-funding-amount-b-plus', 'b-china-llm-industry-industry-funding-2025'], stated: v('50%', 50), computed: v('50%', 50), message: 'a-stepfun-funding-amount-b-plus / b-china-llm-industry-industry-funding-2025 = 50% as stated' },
  { id: 'claim-2', kind: 'derivation', rule: 'claim', status: 'fail', entities: ['china-llm-industry'], sources: ['src-b'], inputs: ['b-china-llm-industry-industry-funding-2025'], stated: v('100', 100, null), computed: v('90', 90, null), message: `sum differs ${HOSTILE}` },
  { id: 'conflict-1', kind: 'conflict', rule: 'value-conflict', status: 'warn', entities: ['zhipu'], sources: ['src-a', 'src-b'], inputs: [], stated: null, computed: null, message: 'two sources disagree' },
];

/**
 * 50 = 5e9 / 1e10 * 100 (StepFun round over the industry total);
 * P/S [21, 28] = [2.1e10, 2.8e10] / 1e9, value 24.5 = 2.45e10 / 1e9 (valuation over revenue).
 */
export const DERIVED: Derived[] = [
  { id: 'd-stepfun-funding-share', metric: 'funding_share_of_industry', entity: 'stepfun', value: 50, low: 50, high: null, unit: 'percent', currency: null, formula: 'funding_amount / industry_funding * 100', inputs: ['a-stepfun-funding-amount-b-plus', 'b-china-llm-industry-industry-funding-2025'], assumptions: [], method: null, note: HOSTILE },
  { id: 'd-stepfun-ps-ratio', metric: 'ps_ratio', entity: 'stepfun', value: 24.5, low: 21, high: 28, unit: 'multiple', currency: null, formula: 'valuation / revenue', inputs: ['a-stepfun-valuation', 'a-stepfun-revenue-2025e'], assumptions: [], method: null, note: '210-280亿元 over 10亿元 revenue' },
];

/** A failing scale finding on the two Hunyuan-A13B totals (80B and 8000亿 differ by 10x). */
export const SCALE_FINDING: Finding = {
  id: 'scale:a-hunyuan-a13b-total-parameters|a-hunyuan-a13b-total-parameters-table', kind: 'plausibility', rule: 'scale-mismatch', status: 'fail',
  entities: ['hunyuan-a13b'], sources: ['src-b'], inputs: ['a-hunyuan-a13b-total-parameters', 'a-hunyuan-a13b-total-parameters-table'],
  stated: null, computed: null, message: 'hunyuan-a13b total_parameters: 80B and 8000亿 differ by a factor of 10^1',
};

/** The same shape as the data the report and the main job load. */
export type FixtureData = ReportData;

/** The fixture data with SCALE_FINDING added: what the chart tests and snapshots draw. */
export function chartFixtureContext(): FixtureData {
  const ctx = fixtureContext();
  ctx.findings.push({ ...SCALE_FINDING });
  return ctx;
}

/** A fresh copy of the fixture data (tests may change it). */
export function fixtureContext(): FixtureData {
  return {
    facts: FACTS.map((f) => ({ ...f })),
    entities: ENTITIES.map((e) => ({ ...e })),
    sources: SOURCES.map((s) => ({ ...s })),
    assumptions: ASSUMPTIONS.map((a) => ({ ...a })),
    derived: DERIVED.map((d) => ({ ...d })),
    findings: FINDINGS.map((f) => ({ ...f })),
  };
}
