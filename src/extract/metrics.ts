/**
 * Metric cues: the words near a number that say what it measures. Each cue names a metric, its
 * fact table, the units it can take and whether it is a flow (needs a period) or a stock
 * (as of a date). The nearest cue before the number in its clause wins; a cue right after the
 * number (`11B激活参数`, `4200万台装机`) counts when none precedes. A number without a cue gets
 * a generic metric for its unit and a low confidence.
 */
import type { FactTable } from '../types';

export interface MetricCue {
  /** words (simplified script), tried longest first */
  words: string[];
  metric: string;
  table: FactTable;
  /** units the cue applies to; a number in another unit ignores the cue */
  units: string[];
  flow: boolean;
  /** valuations: the basis column */
  basis?: string;
  /** funding_rounds: the round column */
  round?: string;
  /** the unit of the metric when the number names none or only the generic `count` (近4万, 2000万人次) */
  defaultUnit?: string;
}

const MONEY = ['money'];
const COUNTS = ['count', 'users', 'devices', 'vehicles', 'requests', 'downloads', 'models', 'companies', 'rounds'];

/** Cue table; more specific words come first within a metric group. */
export const METRIC_CUES: MetricCue[] = [
  { words: ['经调整净亏损', '经调整亏损', '调整后净亏损', '经调整后净亏损'], metric: 'adjusted_net_loss', table: 'financials', units: MONEY, flow: true },
  { words: ['净亏损', '净利润亏损', '亏损', '净损失'], metric: 'net_loss', table: 'financials', units: MONEY, flow: true },
  { words: ['净利润', '净利'], metric: 'net_profit', table: 'financials', units: MONEY, flow: true },
  { words: ['毛利率'], metric: 'gross_margin', table: 'financials', units: ['percent'], flow: true },
  { words: ['毛利'], metric: 'gross_profit', table: 'financials', units: MONEY, flow: true },
  { words: ['研发开支', '研发费用', '研发投入', '研发支出', '研发开销'], metric: 'rd_expense', table: 'financials', units: MONEY, flow: true },
  { words: ['营业收入', '营收', '收入', '营业额', '销售额'], metric: 'revenue', table: 'financials', units: MONEY, flow: true },
  { words: ['现金及现金等价物', '现金储备', '现金'], metric: 'cash', table: 'financials', units: MONEY, flow: false },
  { words: ['市销率', 'P/S', 'PS'], metric: 'ps_ratio', table: 'multiples', units: ['multiple'], flow: false },
  { words: ['市值'], metric: 'market_cap', table: 'valuations', units: MONEY, flow: false, basis: 'market-cap' },
  { words: ['投后估值', '投前估值', '估值'], metric: 'valuation', table: 'valuations', units: MONEY, flow: false, basis: 'reported' },
  { words: ['募资', '募集资金', '集资', '所得款项', '募得'], metric: 'ipo_proceeds', table: 'funding_rounds', units: MONEY, flow: false, round: 'IPO' },
  { words: ['发行价', '招股价', '每股'], metric: 'offer_price', table: 'funding_rounds', units: MONEY, flow: false, round: 'IPO' },
  { words: ['收盘价', '收盘', '收报', '股价'], metric: 'closing_price', table: 'market', units: MONEY, flow: false },
  { words: ['超额认购', '认购'], metric: 'subscription_multiple', table: 'funding_rounds', units: ['multiple'], flow: false, round: 'IPO' },
  { words: ['发行股份', '发售股份', '发行', '股份'], metric: 'shares_offered', defaultUnit: 'count', table: 'funding_rounds', units: COUNTS, flow: false, round: 'IPO' },
  { words: ['红包'], metric: 'red_envelope_spend', table: 'market', units: MONEY, flow: true },
  { words: ['市场规模'], metric: 'market_size', table: 'market', units: MONEY, flow: true },
  { words: ['合计融资', '融资总额', '合计披露金额', '披露金额'], metric: 'industry_funding', table: 'market', units: MONEY, flow: true },
  { words: ['融资', '投资', '注资', '轮'], metric: 'funding_amount', table: 'funding_rounds', units: MONEY, flow: false },
  { words: ['笔融资', '融资'], metric: 'funding_rounds_count', defaultUnit: 'rounds', table: 'market', units: ['count', 'rounds'], flow: true },
  { words: ['复合年增长率', '年复合增长率', 'CAGR'], metric: 'cagr', table: 'market', units: ['percent'], flow: false },
  { words: ['市场份额', '市占率', '份额', '渗透率', '占比', '占据', '占'], metric: 'share', table: 'market', units: ['percent'], flow: false },
  { words: ['排名', '榜单', '榜', '位列', '位居', '模型', '全球', '国内', '国产'], metric: 'rank', table: 'benchmarks', units: ['rank'], flow: false },
  { words: ['准确率', '正确率', '得分', '分数', '成绩', '高分', '测试中得到'], metric: 'score', table: 'benchmarks', units: ['score', 'percent'], flow: false },
  { words: ['增长', '提升', '增速', '同比'], metric: 'growth', table: 'deployments', units: ['multiple', 'percent'], flow: true },
  { words: ['激活参数', '激活'], metric: 'active_parameters', table: 'model_specs', units: ['parameters'], flow: false },
  { words: ['总参数', '参数量', '参数', '规模', '大小'], metric: 'total_parameters', table: 'model_specs', units: ['parameters'], flow: false },
  { words: ['上下文', 'context', '窗口'], metric: 'context_length', table: 'model_specs', units: ['tokens'], flow: false },
  { words: ['预训练', '训练数据', '训练', '数据'], metric: 'training_tokens', table: 'model_specs', units: ['tokens'], flow: false },
  { words: ['推理速度', '速度', '吞吐', '每秒'], metric: 'throughput', table: 'model_specs', units: ['tokens/s'], flow: false },
  { words: ['时延', '延迟', '首字'], metric: 'latency', table: 'model_specs', units: ['seconds'], flow: false },
  { words: ['输入'], metric: 'price_input', table: 'model_specs', units: ['money/token'], flow: false },
  { words: ['输出'], metric: 'price_output', table: 'model_specs', units: ['money/token'], flow: false },
  { words: ['日活用户', '日活跃用户', '日活', 'DAU'], metric: 'daily_active_users', defaultUnit: 'users', table: 'deployments', units: ['count', 'users'], flow: false },
  { words: ['月活用户', '月活跃用户', '月活', 'MAU'], metric: 'monthly_active_users', defaultUnit: 'users', table: 'deployments', units: ['count', 'users'], flow: false },
  { words: ['日均请求', '请求', '调用次数'], metric: 'daily_requests', defaultUnit: 'requests', table: 'deployments', units: ['count', 'requests'], flow: false },
  { words: ['衍生模型', '衍生'], metric: 'derivative_models', defaultUnit: 'models', table: 'deployments', units: [...COUNTS, 'models'], flow: false },
  { words: ['GitHub', '星标', 'Star', 'star'], metric: 'github_stars', table: 'deployments', units: ['stars'], flow: false },
  { words: ['互动', '交互'], metric: 'interactions', defaultUnit: 'requests', table: 'deployments', units: ['count', 'requests'], flow: true },
  { words: ['日均服务', '日均访问', '日均访问量', '日均'], metric: 'daily_visits', defaultUnit: 'visits', table: 'deployments', units: ['visits'], flow: false },
  { words: ['访问量', '访问', '服务'], metric: 'visits', defaultUnit: 'visits', table: 'deployments', units: ['visits'], flow: false },
  { words: ['日均服务', '日均'], metric: 'daily_users', defaultUnit: 'users', table: 'deployments', units: ['count', 'users'], flow: false },
  { words: ['装机量', '装机', '搭载'], metric: 'installs', defaultUnit: 'devices', table: 'deployments', units: ['count', 'devices'], flow: false },
  { words: ['出货量', '出货'], metric: 'shipments', defaultUnit: 'devices', table: 'market', units: ['count', 'devices'], flow: true },
  { words: ['上车'], metric: 'vehicles_with_model', defaultUnit: 'vehicles', table: 'deployments', units: ['count', 'vehicles'], flow: false },
  { words: ['销量', '销售'], metric: 'vehicle_sales', defaultUnit: 'vehicles', table: 'deployments', units: ['count', 'vehicles'], flow: true },
  { words: ['下载量', '下载'], metric: 'downloads', defaultUnit: 'downloads', table: 'deployments', units: ['count', 'downloads'], flow: false },
  { words: ['企业', '公司', '厂商', '机构'], metric: 'companies', table: 'market', units: ['companies'], flow: true },
  { words: ['业务', '业务线'], metric: 'businesses_using', defaultUnit: 'count', table: 'deployments', units: ['count'], flow: false },
  { words: ['客户'], metric: 'clients', table: 'deployments', units: COUNTS, flow: false },
  { words: ['开发者'], metric: 'developers', defaultUnit: 'users', table: 'deployments', units: ['count', 'users'], flow: false },
  { words: ['用户'], metric: 'users', defaultUnit: 'users', table: 'deployments', units: ['count', 'users'], flow: false },
  { words: ['设备', '终端'], metric: 'devices', defaultUnit: 'devices', table: 'deployments', units: ['count', 'devices'], flow: false },
  { words: ['调用'], metric: 'api_calls', defaultUnit: 'requests', table: 'deployments', units: ['count', 'requests'], flow: false },
  { words: ['成立', '创立', '创办', '创建', '注册'], metric: 'founding_date', table: 'model_specs', units: ['date'], flow: false },
  { words: ['发布', '推出', '上线', '开源', '亮相', '面世', '问世'], metric: 'release_date', table: 'model_specs', units: ['date'], flow: false },
  { words: ['发布', '推出'], metric: 'models_released', defaultUnit: 'models', table: 'model_specs', units: ['models', 'count'], flow: true },
];

/** Generic metric by unit, when no cue applies. */
export const UNIT_DEFAULTS: Record<string, { metric: string; table: FactTable }> = {
  money: { metric: 'amount', table: 'financials' },
  percent: { metric: 'percentage', table: 'market' },
  multiple: { metric: 'multiple', table: 'multiples' },
  score: { metric: 'score', table: 'benchmarks' },
  rank: { metric: 'rank', table: 'benchmarks' },
  parameters: { metric: 'total_parameters', table: 'model_specs' },
  tokens: { metric: 'token_count', table: 'model_specs' },
  'tokens/s': { metric: 'throughput', table: 'model_specs' },
  'money/token': { metric: 'price', table: 'model_specs' },
  seconds: { metric: 'duration', table: 'model_specs' },
  hours: { metric: 'hours', table: 'model_specs' },
  characters: { metric: 'characters', table: 'model_specs' },
  bytes: { metric: 'memory', table: 'model_specs' },
  models: { metric: 'models_released', table: 'model_specs' },
  vehicles: { metric: 'vehicles', table: 'deployments' },
  devices: { metric: 'devices', table: 'deployments' },
  users: { metric: 'users', table: 'deployments' },
  visits: { metric: 'visits', table: 'deployments' },
  requests: { metric: 'requests', table: 'deployments' },
  stars: { metric: 'github_stars', table: 'deployments' },
  count: { metric: 'count', table: 'deployments' },
  companies: { metric: 'companies', table: 'market' },
};

/**
 * Families for matching against hand-keyed rows: metrics that name the same kind of figure.
 * A metric not listed is its own family.
 */
const FAMILIES: Record<string, string> = {
  net_loss: 'loss', adjusted_net_loss: 'loss',
  funding_amount: 'funding', industry_funding: 'funding', ipo_proceeds: 'funding',
  valuation: 'valuation', market_cap: 'valuation',
  growth: 'growth', api_calls_growth: 'growth', active_users_growth: 'growth', agent_api_calls_growth: 'growth',
  efficiency_gain: 'growth', parameter_efficiency: 'growth',
  total_parameters: 'parameters', active_parameters: 'parameters', vision_encoder_parameters: 'parameters',
  context_length: 'tokens', training_tokens: 'tokens', training_tokens_previous: 'tokens', reasoning_length: 'tokens', token_count: 'tokens',
  daily_visits: 'visits', visits: 'visits',
  interactions: 'interactions', ai_interactions: 'interactions',
  daily_users: 'users', users: 'users', daily_active_users: 'users', monthly_active_users: 'users', product_users: 'users',
  installs: 'devices', devices: 'devices', shipments: 'devices',
  vehicle_sales: 'vehicles', vehicles_with_model: 'vehicles', vehicles: 'vehicles',
  models_released: 'models', models_released_total: 'models', self_developed_base_models: 'models',
  multimodal_base_models: 'models', models_released_multimodal: 'models', language_models_released: 'models', derivative_models: 'models',
};

/** The family of a metric (see FAMILIES); a metric not listed is its own family. */
export function metricFamily(metric: string): string {
  return FAMILIES[metric] ?? metric;
}

export interface CueHit {
  cue: MetricCue;
  word: string;
  /** distance in characters from the cue to the number */
  distance: number;
  after: boolean;
}

const ALL_WORDS: Array<{ word: string; cue: MetricCue }> = METRIC_CUES
  .flatMap((cue) => cue.words.map((word) => ({ word, cue })))
  .sort((a, b) => b.word.length - a.word.length);

/**
 * The cue for a number in `unit`: the nearest cue word in `before` (the clause up to the number),
 * else the nearest in `after` (the rest of the clause). Only cues that take the unit count.
 */
/** Cue words that take each unit (and, under '', those for a number without a unit), longest first. */
const WORDS_BY_UNIT = new Map<string, Array<{ word: string; cue: MetricCue }>>();
function wordsFor(unit: string | null): Array<{ word: string; cue: MetricCue }> {
  const key = unit ?? '';
  let list = WORDS_BY_UNIT.get(key);
  if (!list) {
    list = ALL_WORDS.filter(({ cue }) => (unit === null ? cue.metric !== 'rank' : cue.units.includes(unit)));
    WORDS_BY_UNIT.set(key, list);
  }
  return list;
}

export function findCue(before: string, after: string, unit: string | null): CueHit | null {
  // a number without a unit word is never a rank (ranks are written 第一, 前十)
  const words = wordsFor(unit);
  let best: CueHit | null = null;
  if (unit === null) {
    // a number without a unit word: a cue right after it names what it counts (千亿参数, 11B激活参数)
    for (const { word, cue } of words) {
      if (after.indexOf(word) === 0 || after.indexOf(word) === 1) { best = { cue, word, distance: after.indexOf(word), after: true }; break; }
    }
    if (best) return best;
  }
  for (const { word, cue } of words) {
    const i = before.lastIndexOf(word);
    if (i < 0) continue;
    const distance = before.length - (i + word.length);
    if (!best || distance < best.distance) best = { cue, word, distance, after: false };
  }
  if (best) return best;
  for (const { word, cue } of words) {
    const i = after.indexOf(word);
    if (i < 0 || i > 12) continue;
    if (!best || i < best.distance) best = { cue, word, distance: i, after: true };
  }
  return best;
}
