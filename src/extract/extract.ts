/**
 * Candidate facts from an article. One candidate per quantity (src/extract/quantities), with:
 * - metric and table from the nearest cue word (src/extract/metrics);
 * - entity: the nearest name before the number in its clause, else in its sentence, else right
 *   after it in the clause, else (公司/其/该公司, or nothing named) the article's main subject,
 *   resolved through entities.csv names and aliases (src/data/resolveEntity); an unknown name
 *   is kept in `entity_text` with `entity` null;
 * - period (flows) or as-of date (stocks) from the sentence (src/extract/periods), mapped one to
 *   one over `分别` enumerations; else the publication date;
 * - qualifier from the quantity (超, 约, 近, ranges) or, for 预计/有望/目标, forecast or target;
 * - evidence: a verbatim slice of the original article (original script) around the number;
 * - confidence (0..1) and the reasons that decided entity, metric and period.
 */
import type { Currency, Entity, Fact, FactTable, Qualifier } from '../types';
import { FACT_EXTRA_COLUMNS } from '../data/schema';
import { EntityResolver, toSimplifiedScript, type EntityMention } from '../data/resolveEntity';
import { findQuantities, type QuantityMention } from './quantities';
import { findCuedDates, isoOf } from './dates';
import { findCue, UNIT_DEFAULTS, type MetricCue } from './metrics';
import { expandYearSpan, findPeriods, parsePublished, type Period, type Published } from './periods';

/** A candidate fact row: the fields of a fact (the `facts --json` export), some still open. */
export interface Candidate extends Omit<Fact, 'entity' | 'value' | 'source' | 'seed_file' | 'file' | 'line' | 'event' | 'event_set'> {
  /** null when the name is not in entities.csv (see entity_text) */
  entity: string | null;
  value: number;
  source: string | null;
  seed_file: string | null;
  /** the entity name as written (kept when it is not in entities.csv) */
  entity_text: string | null;
  confidence: number;
  /** which cues decided entity, metric and period */
  reasons: string[];
  /** offsets of the quantity in the article */
  start: number;
  end: number;
}

export interface ExtractOptions {
  /** publication date (YYYY-MM-DD, YYYY-MM or YYYY); default: the article's front matter, else an error */
  published?: string;
  entities: readonly Entity[];
  /** source id for the candidate ids and the source column */
  sourceId?: string;
  seedFile?: string;
  /** a resolver built once for many articles */
  resolver?: EntityResolver;
}

export interface Extraction {
  candidates: Candidate[];
  published: string;
  /** the entity most named in the article (companies first) */
  mainSubject: Entity | null;
  /** names in the article that are not in entities.csv */
  unresolved: string[];
}

const FRONT_MATTER_RE = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;
const PUBLISHED_RE = /(?:发布日期|發佈日期|发布时间|date|published)\s*[:：]\s*"?(\d{4}-\d{2}-\d{2})/i;

/** The publication date the article states in its front matter (`发布日期: 2026-02-27`), if any. */
export function frontMatterDate(text: string): string | null {
  const fm = FRONT_MATTER_RE.exec(text);
  const m = PUBLISHED_RE.exec(fm ? fm[0] : text.slice(0, 400));
  return m ? m[1] : null;
}

/** Pinyin annotations some captures put after characters: `預(yù)計`, `發(fā)布`. */
const PINYIN_RE = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/g;
function unpinyin(s: string): string {
  return s.replace(PINYIN_RE, '');
}

const SENTENCE_END = /[。！？!?；;\n]/;
const FULL_STOP = /[。！？!?\n]/;
const CLAUSE_END = /[，,；;：:（）()|]/;
const CLAUSE_OR_SENTENCE_END = new RegExp(`${SENTENCE_END.source.slice(0, -1)}${CLAUSE_END.source.slice(1)}`);
const SUBJECT_WORDS = /(?:该公司|公司|其|该企业|企业)$/;
const FORECAST_RE = /(预计|预期|有望|预测|将达|将超|将突破|将达到|或将|望)/;
const TARGET_RE = /(目标|计划|力争)/;
const ESTIMATE_RE = /(或达|推算|估算|估计|测算)/;
const ROUND_RE = /(Pre-?[A-Z]\+?|[A-Z]\+{0,2}|天使|种子|战略)\s*轮/;
const UNKNOWN_NAME_RE = /(?:[A-Z][A-Za-z]+(?:[- ]?[A-Z0-9][A-Za-z0-9.]*)*(?:\s?[A-Z]\d+(?:\.\d+)?)?|(?<=[，,。、：:\s“"])[\u4e00-\u9fa5]{2,4}(?:科技|集团))/g;
const NOT_NAMES = new Set(['AI', 'API', 'IPO', 'GPU', 'CPU', 'Token', 'Tokens', 'TOKEN', 'USD', 'RMB', 'HKD', 'CEO', 'CTO', 'MoE', 'SOTA', 'PS', 'Agent', 'App', 'APP', 'INT', 'INT8', 'FP8', 'The', 'KV', 'SFT', 'RL', 'TTS', 'ASR', 'OCR', 'ODM', 'IDC', 'MAU', 'DAU', 'ARR', 'B', 'K', 'M', 'T', 'GB', 'PC', 'IoT', 'AGI', 'LLM', 'VLM', 'Vision Encoder', 'Agent API', 'MoE']);

/** Extracts candidate fact rows from an article's text. */
export function extractCandidates(text: string, opts: ExtractOptions): Extraction {
  const published = opts.published ?? frontMatterDate(text);
  if (!published) throw new Error('the publication date is unknown: give --published YYYY-MM-DD (the article has no 发布日期 line)');
  const pub = parsePublished(published);
  const simp = toSimplifiedScript(text);
  const resolver = opts.resolver ?? new EntityResolver(opts.entities);

  // ranges that hold no facts: front matter, links, image references
  const skips: Array<[number, number]> = [];
  const fm = FRONT_MATTER_RE.exec(text);
  if (fm) skips.push([0, fm[0].length]);
  for (const m of simp.matchAll(/https?:\/\/\S+|!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)/g)) skips.push([m.index!, m.index! + m[0].length]);
  skips.sort((a, b) => a[0] - b[0]);
  const skip = (i: number) => within(skips, (r) => r[0], -1, i + 1).some(([s, e]) => i >= s && i < e);

  const mentions = resolver.mentions(text, simp).filter((m) => !skip(m.start));
  const unknown = findUnknownNames(text, simp, mentions, skip);
  const mainSubject = pickMainSubject(mentions);
  const periods = findPeriods(simp, pub).filter((p) => !skip(p.at));
  const quantities = [...findQuantities(simp, text, skip), ...findCuedDates(simp, text, skip, pub.iso)].sort((a, b) => a.start - b.start);

  const enumerated = mapEnumerations(simp, quantities, periods, mentions, resolver, text);
  const moneyWritten = quantities.filter((q) => q.parsed.currency !== null);
  const ids = new Map<string, number>();
  const candidates: Candidate[] = [];
  for (const q of quantities) {
    const c = buildCandidate(q, { text, simp, pub, mentions, unknown, mainSubject, periods, enumerated, opts, currencyNear: (at) => currencyNear(moneyWritten, at) });
    if (!c) continue;
    const base = `${opts.sourceId ?? 'new'}-${c.entity ?? 'unknown'}-${c.metric.replace(/_/g, '-')}`
      + (c.period_start ? `-${periodTag(c.period_start, c.period_end!)}` : '');
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    c.id = (n === 1 ? base : `${base}-${n}`).toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
    candidates.push(c);
  }
  const unresolved = [...new Set(candidates.filter((c) => c.entity === null && c.entity_text).map((c) => c.entity_text!))];
  return { candidates, published, mainSubject: mainSubject?.entity ?? null, unresolved };
}

/** Short tag of a period for ids: `2025` (a year), `2025-h1`, `2025-q3`, `2025-m01-09` (months). */
export function periodTag(start: string, end: string): string {
  const y = start.slice(0, 4);
  const a = start.slice(5, 7);
  const b = end.slice(5, 7);
  if (end.slice(0, 4) !== y) return `${y}-${end.slice(0, 4)}`;
  if (a === '01' && b === '12') return y;
  if (a === '01' && b === '06') return `${y}-h1`;
  if (a === '07' && b === '12') return `${y}-h2`;
  const quarters: Record<string, string> = { '01-03': 'q1', '04-06': 'q2', '07-09': 'q3', '10-12': 'q4' };
  const q = quarters[`${a}-${b}`];
  return q ? `${y}-${q}` : `${y}-m${a}-${b}`;
}

/** Items of `list` (sorted by `key`) whose key lies in [from, to): binary search, so no scan per number. */
function within<T>(list: readonly T[], key: (x: T) => number, from: number, to: number): T[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (key(list[mid]) < from) lo = mid + 1; else hi = mid; }
  const out: T[] = [];
  for (let i = lo; i < list.length && key(list[i]) < to; i++) out.push(list[i]);
  return out;
}
const startOf = (m: { start: number }) => m.start;
const atOf = (p: { at: number }) => p.at;

interface EnumHit { period?: Period; cueWord?: string; entity?: EntityMention }

interface Ctx {
  text: string;
  simp: string;
  pub: Published;
  mentions: EntityMention[];
  unknown: Array<{ start: number; end: number; text: string }>;
  mainSubject: EntityMention | null;
  periods: Period[];
  enumerated: Map<QuantityMention, EnumHit>;
  opts: ExtractOptions;
  /** currency of the written amount nearest to an offset */
  currencyNear(at: number): Currency;
}

function boundsOf(simp: string, at: number, re: RegExp, limit: number): [number, number] {
  let s = at;
  while (s > 0 && at - s < limit && !re.test(simp[s - 1])) s--;
  let e = at;
  while (e < simp.length && e - at < limit && !re.test(simp[e])) e++;
  return [s, e];
}

function buildCandidate(q: QuantityMention, ctx: Ctx): Candidate | null {
  const { simp, text, pub } = ctx;
  const reasons: string[] = [];
  const [sStart, sEnd] = boundsOf(simp, q.numStart, SENTENCE_END, 300);
  const [cStart, cEnd] = boundsOf(simp, q.numStart, CLAUSE_OR_SENTENCE_END, 120);
  const parsedUnit = q.impliedUnit ?? q.parsed.unit ?? null;

  // metric
  const enumHit = ctx.enumerated.get(q);
  let cue = enumHit?.cueWord ? findCue(enumHit.cueWord, '', parsedUnit) : null;
  const fromHeader = !cue && q.cueWord !== undefined;
  if (fromHeader) cue = findCue(q.cueWord!, '', parsedUnit);
  if (!cue) cue = findCue(simp.slice(cStart, q.start), simp.slice(q.end, cEnd), parsedUnit);
  if (!cue) cue = findCue(simp.slice(Math.max(sStart, q.start - 40), q.start), '', parsedUnit);
  // 用户…完成近2亿次: counted in 次 (times), the figure is not a number of users
  let timesUnit: string | null = null;
  if (cue && cue.cue.defaultUnit === 'users' && /(?<!人)次$/.test(q.quantity)) {
    const before = simp.slice(cStart, q.start);
    timesUnit = 'requests';
    cue = findCue(before.slice(0, Math.max(0, before.length - cue.distance - cue.word.length)), simp.slice(q.end, cEnd), timesUnit);
  }
  // captures that annotate characters with pinyin (`預(yù)計`): read the cue words without it
  if (!cue && !timesUnit) cue = findCue(unpinyin(simp.slice(cStart, q.start)), unpinyin(simp.slice(q.end, cEnd)), parsedUnit);
  let metric: string;
  let table: FactTable;
  let unit: string | null = timesUnit ?? parsedUnit;
  let confidence = 0.25;
  let mc: MetricCue | null = null;
  if (cue) {
    mc = cue.cue;
    metric = mc.metric;
    table = mc.table;
    if ((unit === null || unit === 'count') && mc.defaultUnit) unit = mc.defaultUnit;
    if (unit === null) unit = mc.units[0];
    confidence += cue.after ? 0.25 : 0.35;
    reasons.push(`metric ${metric}: cue '${cue.word}' ${fromHeader ? 'in the header of its table column' : cue.after ? 'after the number' : 'before the number'}`);
  } else {
    if (unit === null) return null; // a bare amount with no cue and no unit: not a fact we can type
    const d = UNIT_DEFAULTS[unit] ?? { metric: 'count', table: 'deployments' as FactTable };
    metric = d.metric;
    table = d.table;
    reasons.push(`metric ${metric}: no cue word, generic metric for ${unit}`);
  }
  if (unit === null) return null;

  // entity
  const who = attributeEntity(q, ctx, table, metric, cStart, cEnd, sStart);
  const entity = who.entity;
  const entityText = who.text;
  const entityAt = who.at;
  confidence += who.weight;
  reasons.push(who.reason);

  // period / as-of
  let asOf: string | null = null;
  let periodStart: string | null = null;
  let periodEnd: string | null = null;
  const flow = mc?.flow ?? false;
  const sentencePeriods = within(ctx.periods, atOf, sStart, q.start + 1).filter((p) => p.endAt <= q.start + 1);
  const afterPeriods = within(ctx.periods, atOf, q.end, cEnd).filter((p) => p.endAt <= cEnd);
  // `截至2025年底，…增长5倍；…装机超4200万台`: a period leading a sentence carries over its semicolons
  const [fullStart] = boundsOf(simp, q.numStart, FULL_STOP, 300);
  const carried = fullStart < sStart ? within(ctx.periods, atOf, fullStart, sStart).filter((x) => x.endAt <= sStart) : [];
  const p: Period | undefined = enumHit?.period ?? sentencePeriods[sentencePeriods.length - 1] ?? afterPeriods[0] ?? carried[carried.length - 1];
  if (p && flow && p.start) {
    periodStart = p.start; periodEnd = p.end!;
    confidence += 0.1;
    reasons.push(`period ${p.start}..${p.end}: '${p.text}'${enumHit?.period ? ' (分别 list)' : ''}`);
  } else if (p && p.asOf) {
    asOf = p.asOf;
    confidence += 0.05;
    reasons.push(`as of ${asOf}: '${p.text}'`);
  } else if (p && flow) {
    asOf = p.asOf ?? p.end ?? null;
  } else if (p && !flow && p.start && /^\s*的?\s*$/.test(simp.slice(p.endAt, q.start)) && !FORECAST_RE.test(unpinyin(simp.slice(sStart, q.start)))) {
    // `2023年的17.5%`: a stock stated for a named year or month
    asOf = p.start.slice(0, 4) === p.end!.slice(0, 4) && p.start.slice(5, 7) === '01' && p.end!.slice(5, 7) === '12' ? p.start.slice(0, 4) : p.end!.slice(0, 7);
    reasons.push(`as of ${asOf}: '${p.text}' right before the number`);
  } else if (p && !flow && p.start && p.start.slice(0, 7) === p.end!.slice(0, 7) && !FORECAST_RE.test(unpinyin(simp.slice(sStart, q.start)))) {
    // a stock in a named month (上个月, 2025年12月): as of that month
    asOf = p.start.slice(0, 7);
    reasons.push(`as of ${asOf}: '${p.text}'`);
  } else if (p && !flow && p.start && (p.at >= cStart ? FORECAST_RE.test(unpinyin(simp.slice(sStart, q.start)))
    // across clauses, unless the year is the basis of a calculation (若以2025年预计营收计算)
    : FORECAST_RE.test(unpinyin(simp.slice(p.endAt, q.start))) && !/(?:以|按|按照|若|如果|假设)\s*$/.test(simp.slice(Math.max(sStart, p.at - 3), p.at)))) {
    // a forecast for a named year keeps the period (预计2026年...将超百万辆; 2026年出货量将达…，渗透率首次过半)
    periodStart = p.start; periodEnd = p.end!;
    reasons.push(`period ${p.start}..${p.end}: '${p.text}' (forecast)`);
  }
  if (asOf === null && periodStart === null && !flow) {
    // `《2025 人工智能指数报告》显示…0.3%`: a figure a report titled with its year shows is as of that year
    const title = /《[^》]*?((?:19|20)\d{2})[^》]*》\s*(?:显示|指出|称|数据显示|统计)/.exec(simp.slice(sStart, q.start));
    if (title) { asOf = title[1]; reasons.push(`as of ${asOf}: the year of the report '${title[0].replace(/\s*(?:显示|指出|称|数据显示|统计)$/, '')}'`); }
  }
  if (unit === 'date') {
    // a release or founding date is dated by itself: 2025年7月31日 → 2025-07-31, 2023年4月 → 2023-04
    asOf = isoOf(q.quantity);
    periodStart = null; periodEnd = null;
    reasons.push(`as of ${asOf}: the date itself`);
  }
  if (asOf === null && periodStart === null) {
    asOf = pub.iso;
    reasons.push(`as of the publication date ${pub.iso}${flow ? ' (no period named)' : ''}`);
    if (flow) confidence -= 0.05;
  }

  // qualifier
  let qualifier: Qualifier = q.parsed.qualifier;
  const lead = unpinyin(simp.slice(cStart, q.start));
  if (TARGET_RE.test(lead)) { qualifier = 'target'; reasons.push('qualifier target: 目标/计划'); }
  else if (FORECAST_RE.test(lead)) { qualifier = 'forecast'; reasons.push(`qualifier forecast: '${FORECAST_RE.exec(lead)![1]}'`); }
  else if (ESTIMATE_RE.test(lead)) { qualifier = 'estimate'; reasons.push(`qualifier estimate: '${ESTIMATE_RE.exec(lead)![1]}'`); }

  // evidence: from the cue or the name (whichever is nearer the number, within the clause) to the quantity
  let evStart = Math.max(cStart, q.start - 14);
  if (cue && !cue.after) evStart = Math.min(evStart, Math.max(cStart, q.start - cue.distance - cue.word.length));
  if (entityAt !== null && entityAt >= cStart && q.start - entityAt <= 30) evStart = Math.min(evStart, entityAt);
  evStart = Math.max(evStart, q.start - 40, cStart);
  let evEnd = q.end;
  if (cue && cue.after) evEnd = Math.min(cEnd, q.end + cue.distance + cue.word.length);
  const evidence = text.slice(evStart, evEnd).replace(/^[\s*#>\-]+|[\s*]+$/g, '');

  let quantity = q.quantity;
  let value = q.parsed.value;
  let low = q.parsed.low;
  let high = q.parsed.high;
  if (metric === 'net_profit' && value < 0) {
    // 净利润 -1.44亿元 is a net loss of 1.44亿元
    metric = 'net_loss';
    quantity = quantity.replace(/^([^\d]*?)[-−负]/, '$1');
    [value, low, high] = [-value, high === null ? null : -high, low === null ? null : -low];
    reasons.push('metric net_loss: a negative net profit');
  }
  let currency: Currency | null = null;
  if (unit === 'money' || unit === 'money/token') {
    currency = q.parsed.currency;
    if (currency === null) {
      // 携50亿融资: no currency word; the currency of the amounts around it, else of the article
      currency = ctx.currencyNear(q.start);
      reasons.push(`currency ${currency}: not written, taken from the amounts around it`);
      confidence -= 0.1;
    }
  }
  const c: Candidate = {
    id: '', table, entity: entity?.id ?? null, metric, quantity,
    value, low, high, unit, currency, qualifier,
    as_of: asOf, period_start: periodStart, period_end: periodEnd,
    source: ctx.opts.sourceId ?? null, seed_file: ctx.opts.seedFile ?? null, evidence,
    note: q.sharedUnit ? 'unit taken from the last item of the list' : null,
    entity_text: entityText, confidence: 0, reasons, start: q.start, end: q.end,
  };
  for (const col of FACT_EXTRA_COLUMNS[table]) (c as unknown as Record<string, unknown>)[col] = null;
  if (table === 'valuations') c.basis = /投后/.test(simp.slice(sStart, q.start)) ? 'post-money' : (mc?.basis ?? 'reported');
  if (table === 'funding_rounds') {
    const r = ROUND_RE.exec(simp.slice(sStart, sEnd));
    c.round = mc?.round ?? (r ? r[1] : null);
  }
  if (table === 'benchmarks') {
    const names = within(ctx.unknown, startOf, sStart, q.start).filter((u) => u.end <= q.start);
    const b = names[names.length - 1];
    c.benchmark = b ? text.slice(b.start, b.end) : null;
    if (!b) confidence -= 0.1;
  }
  c.confidence = Math.round(Math.max(0.05, Math.min(1, confidence)) * 100) / 100;
  return c;
}

const ANAPHORA_MODEL = /(?:该模型|这款|此模型|该系列|这个模型|本模型|新模型|该版本)/;
const ANAPHORA_COMPANY = /(?:该公司|公司|其|该企业)/;

interface Attribution { entity: Entity | null; text: string | null; at: number | null; weight: number; reason: string }

/** A name inside a list of names (`OPPO、荣耀等`, `智谱与MiniMax`): a partner or peer, not the subject. */
function inList(simp: string, m: EntityMention): boolean {
  return /^\s*(?:、|等|和|与|及)/.test(simp.slice(m.end, m.end + 2)) || /(?:、|和|与|及)\s*$/.test(simp.slice(Math.max(0, m.start - 2), m.start));
}

function fitTable(e: Entity, table: FactTable, all: readonly Entity[]): { entity: Entity; note: string } {
  const companyTable = table === 'financials' || table === 'valuations' || table === 'funding_rounds';
  if (companyTable && (e.kind === 'model' || e.kind === 'product') && e.parent) {
    const p = all.find((x) => x.id === e.parent);
    if (p) return { entity: p, note: ` (the company behind ${e.id})` };
  }
  return { entity: e, note: '' };
}

/** Metrics about a model (size, context, speed, scores): a name just before prefers a model. */
const MODEL_METRICS = new Set(['total_parameters', 'active_parameters', 'context_length', 'training_tokens', 'throughput', 'latency', 'score', 'rank', 'price_input', 'price_output']);

function attributeEntity(q: QuantityMention, ctx: Ctx, table: FactTable, metric: string, cStart: number, cEnd: number, sStart: number): Attribution {
  const { simp, text } = ctx;
  const all = ctx.opts.entities;
  const wantModel = MODEL_METRICS.has(metric);
  const afterInClause = within(ctx.mentions, startOf, q.end, cEnd).filter((m) => m.end <= cEnd && !(metric === 'companies' && m.entity.kind === 'company'));
  const pick = (m: EntityMention, weight: number, why: string): Attribution => {
    let e = m.entity;
    let note = '';
    if (wantModel && e.kind !== 'model') {
      // `千亿参数语言大模型Step-2`: a model named right after the number is what a model metric is about
      const next = afterInClause.find((x) => x.entity.kind === 'model' && x.start - q.end <= 15);
      if (next) { e = next.entity; note = ` (the model '${next.text}' named right after the number)`; }
    }
    if (metric === 'total_parameters' && e.kind !== 'market') {
      // models named by their size: `混元 0.5B` under the Hunyuan family is hunyuan-0.5b
      const family = e.kind === 'company' ? e.id : e.parent;
      const size = q.quantity.replace(/^[^\d]*/, '').toLowerCase();
      const sized = all.find((x) => x.kind === 'model' && x.parent === family && x.id !== e.id && x.id.endsWith(`-${size}`));
      if (sized) { e = sized; note = ` (the ${family} model named by its size ${q.quantity})`; }
    }
    // models released are counted by the company that releases them
    const f = metric === 'models_released' && e.kind === 'model' && e.parent
      ? { entity: all.find((x) => x.id === e.parent) ?? e, note: ` (the company behind ${e.id})` }
      : fitTable(e, table, all);
    return { entity: f.entity, text: m.text, at: m.start, weight, reason: `entity ${f.entity.id}: '${m.text}' ${why}${note}${f.note}` };
  };
  const listed0 = ctx.enumerated.get(q)?.entity;
  if (listed0) return pick(listed0, 0.25, 'paired with the number by a 分别 list');
  const combined = combinedEntity(simp, q, cStart, ctx);
  if (combined) return { entity: combined.entity, text: combined.text, at: combined.at, weight: 0.2, reason: `entity ${combined.entity.id}: '${combined.text}' is a list of names added up (总计/合计), the aggregate in entities.csv` };
  const lead = simp.slice(sStart, q.start);
  const clauseLead = simp.slice(cStart, q.start);
  // names up to 800 characters before the number (the farthest any rule looks back)
  // companies counted (`MiniMax、智谱、月之暗面三家`) are the members of the count, not its subject
  const counted = (m: EntityMention) => metric === 'companies' && m.entity.kind === 'company';
  const before = within(ctx.mentions, startOf, q.start - 800, q.start).filter((m) => m.end <= q.start && !counted(m));
  const inClause = before.filter((m) => m.start >= cStart);
  // unknown names listed as examples (`微信、QQ等`) are not the subject either
  const unknownNear = within(ctx.unknown, startOf, cStart, q.start)
    .filter((u) => u.end <= q.start && !/^\s*(?:、|等)/.test(simp.slice(u.end, u.end + 2)) && !/、\s*$/.test(simp.slice(Math.max(0, u.start - 2), u.start)));
  const nearestUnknown = unknownNear[unknownNear.length - 1];
  // `A的300%`: A is what the number is compared with, not what it is about
  const comparator = (m: EntityMention) => (q.parsed.unit === 'percent' || q.parsed.unit === 'multiple') && /^[A-Za-z0-9.\-\s]*的\s*$/.test(simp.slice(m.end, q.start));
  // names listed as partners (`OPPO、荣耀等`) are not the subject
  const partners = (m: EntityMention): boolean => partner(m) || partnersProduct(m);
  // `与吉利合作的银河M9`: the partner's own product, named right after 合作的, is the partner's too
  const partnersProduct = (m: EntityMention) => m.entity.parent !== null && m.entity.parent !== undefined
    && within(ctx.mentions, startOf, m.start - 12, m.start).some((x) => x.entity.id === m.entity.parent && partner(x)
      && /^\s*(?:集团|公司|科技|汽车)?\s*(?:合作|联合|携手|共同)(?:开发|打造|推出)?的\s*$/.test(simp.slice(x.end, m.start)));
  const partner = (m: EntityMention) => (/等/.test(simp.slice(m.end, Math.min(simp.length, m.end + 12)).split(/[，,。]/)[0]) && inList(simp, m))
    // `与吉利合作的`, `联合OPPO`: a partner of the subject
    || (/(?:与|和|跟|同|联合|携手)\s*$/.test(simp.slice(Math.max(0, m.start - 2), m.start)) && /^\s*(?:集团|公司|科技|汽车)?\s*(?:合作|联合|携手|共同|一起)/.test(simp.slice(m.end, m.end + 5)));
  // a name in brackets right after the number (`3890B(混元-Large)`) is what it is about
  const bracketed = within(ctx.mentions, startOf, q.end, q.end + 4).find((m) => /^\s*\**\s*[（(]\s*$/.test(simp.slice(q.end, m.start)));
  if (bracketed) return pick(bracketed, 0.25, 'in brackets right after the number');
  // a name right before the number (`GLM-4.6V 106B`, `Step-Audio：千亿`) is what it is about
  const adjacent = inClause.filter((m) => /^[\s:：*]*$/.test(simp.slice(m.end, q.start)));
  if (adjacent.length > 0) return pick(adjacent[adjacent.length - 1], 0.25, 'right before the number');
  const solo = inClause.filter((m) => !inList(simp, m) && !comparator(m));
  const nearestKnown = solo[solo.length - 1];
  if (ANAPHORA_MODEL.test(clauseLead) || (ANAPHORA_MODEL.test(lead) && !nearestKnown)) {
    const model = before.filter((m) => m.entity.kind === 'model' && q.start - m.start < 800).pop();
    if (model) return pick(model, 0.2, 'is the model 该模型/这款 refers to (named last before)');
  }
  if (nearestKnown && !(nearestUnknown && nearestUnknown.start > nearestKnown.end)) return pick(nearestKnown, 0.25, 'in the same clause');
  const listed = inClause.filter((m) => !partners(m) && !comparator(m));
  if (listed.length > 0 && !(nearestUnknown && nearestUnknown.start > listed[listed.length - 1].end)) {
    return pick(listed[0], 0.2, 'in the same clause (first of a list)');
  }
  if (nearestUnknown && table !== 'benchmarks') {
    const t = text.slice(nearestUnknown.start, nearestUnknown.end);
    return { entity: null, text: t, at: nearestUnknown.start, weight: 0.1, reason: `entity unknown: '${t}' in the same clause is not in entities.csv` };
  }
  const subjectWord = ANAPHORA_COMPANY.test(clauseLead.slice(0, 8)) && !nearestKnown;
  // `在全行业…模型层合计融资仅94.16亿元的背景下`: a name inside a 在…背景下 frame sets the scene, it is not the subject
  const framed = (m: EntityMention) => {
    const [a, b] = boundsOf(simp, m.start, CLAUSE_OR_SENTENCE_END, 80);
    return /在/.test(simp.slice(a, m.start)) && /(?:(?:背景|情况|形势|趋势|前提|环境)|之)下\s*$/.test(simp.slice(m.end, b));
  };
  const inSentence = before.filter((m) => m.start >= sStart && !partners(m) && !comparator(m) && !framed(m));
  if (inSentence.length > 0) {
    // the topic carries over from the nearest clause that names someone: its first name
    const last = inSentence[inSentence.length - 1];
    // (a dash `——` opens a new topic as a comma does)
    let clauseStart = Math.max(sStart, ...[...simp.slice(sStart, last.start).matchAll(/[，,；;：:]|——/g)].map((m) => sStart + m.index! + m[0].length));
    // `A擅长…，是腾讯内部…之一，超过400+业务`: a clause opening with 是 (no subject of its own) goes on about A
    while (clauseStart > sStart && /^\s*(?:是|也是|还是|并且?|且)/.test(simp.slice(clauseStart, clauseStart + 3))) {
      const prev = Math.max(sStart, ...[...simp.slice(sStart, clauseStart - 1).matchAll(/[，,；;：:]/g)].map((m) => sStart + m.index! + 1));
      if (!inSentence.some((m) => m.start >= prev && m.start < clauseStart)) break;
      clauseStart = prev;
    }
    let first = inSentence.find((m) => m.start >= clauseStart) ?? last;
    // `阿里巴巴通义千问`: a company named right before its own model or product means the latter
    // (`阶跃星辰的 Step-3`: the same, with 的 between)
    const next = inSentence.find((m) => m.start >= first.end && m.start - first.end <= 3);
    if (next && next.entity.parent === first.entity.id && /^\s*的?\s*$/.test(simp.slice(first.end, next.start))) first = next;
    return pick(first, 0.18, 'named in the clause before');
  }
  if (afterInClause.length > 0 && !subjectWord) return pick(afterInClause[0], 0.12, 'after the number in the clause');
  // a heading names its own topic: nothing before it carries over
  const lineStart = simp.lastIndexOf('\n', q.start - 1) + 1;
  const heading = /^\s*#/.test(simp.slice(lineStart, lineStart + 8));
  if (!subjectWord && !heading) {
    // the sentence names nobody: the last name within 200 characters before it (a model for model metrics)
    const back = before.filter((m) => m.start >= sStart - 200 && !inList(simp, m) && !partners(m));
    const m = (wantModel ? back.filter((x) => x.entity.kind === 'model').pop() : undefined) ?? back.pop();
    if (m) return pick(m, 0.1, 'named just before this sentence');
  }
  if (ctx.mainSubject) {
    const e = ctx.mainSubject.entity;
    return { entity: e, text: null, at: null, weight: subjectWord ? 0.12 : 0.05, reason: `entity ${e.id}: ${subjectWord ? '公司/其 refers to' : 'nothing named nearby; falls back to'} the article's main subject` };
  }
  return { entity: null, text: null, at: null, weight: 0, reason: 'entity unknown: no name nearby and no main subject' };
}

const ADDED_UP_RE = /((?:[\u4e00-\u9fa5A-Za-z0-9.\-]{1,10}(?:、|和|与|及|以及)){1,7}[\u4e00-\u9fa5A-Za-z0-9.\-]{1,10}?)[\s*]*(?:总计|合计|共计|累计|总共|一共|加起来)/g;
const LIST_SEP = /、|以及|和|与|及/;
let combinedParts: { entities: readonly Entity[]; parts: Array<{ entity: Entity; parts: string[] }> } | null = null;

/** The market aggregates of entities.csv with their member names (`豆包、千问、元宝合计` → 豆包, 千问, 元宝). */
function aggregates(entities: readonly Entity[]): Array<{ entity: Entity; parts: string[] }> {
  if (combinedParts?.entities === entities) return combinedParts.parts;
  const parts: Array<{ entity: Entity; parts: string[] }> = [];
  for (const e of entities) {
    if (e.kind !== 'market') continue;
    for (const n of [e.name_zh, ...(e.aliases ?? [])]) {
      const ps = toSimplifiedScript(n).replace(/(?:合计|总计|共计)$/, '').split(LIST_SEP).map((x) => x.trim()).filter((x) => x !== '');
      if (ps.length >= 2) parts.push({ entity: e, parts: ps });
    }
  }
  combinedParts = { entities, parts };
  return parts;
}

/**
 * `字节豆包、阿里千问、腾讯元宝总计砸出超40亿元`: names listed and added up (总计, 合计) before the
 * number are one aggregate: the market entity of entities.csv whose name lists a member in every
 * item, in order (豆包、千问、元宝合计).
 */
function combinedEntity(simp: string, q: QuantityMention, cStart: number, ctx: Ctx): { entity: Entity; text: string; at: number } | null {
  const clause = simp.slice(cStart, q.start);
  if (!/总计|合计|共计|累计|总共|一共|加起来/.test(clause)) return null;
  for (const m of clause.matchAll(ADDED_UP_RE)) {
    const items = m[1].split(LIST_SEP);
    const hit = aggregates(ctx.opts.entities).find((a) => a.parts.length === items.length && a.parts.every((p, i) => items[i].includes(p)));
    if (hit) {
      const at = cStart + m.index!;
      return { entity: hit.entity, text: ctx.text.slice(at, at + m[1].length), at };
    }
  }
  return null;
}

/** The currency of the money amount nearest to `at` that writes one, else CNY. */
function currencyNear(qs: readonly QuantityMention[], at: number): Currency {
  let best: { d: number; c: Currency } | null = null;
  for (const q of within(qs, startOf, at - 3000, at + 3000)) {
    if (q.parsed.currency === null) continue;
    const d = Math.abs(q.start - at);
    if (!best || d < best.d) best = { d, c: q.parsed.currency };
  }
  return best?.c ?? 'CNY';
}

/**
 * `2022年、2023年、2024年及2025年上半年分别实现营收5740万元、1.245亿元、3.124亿元和1.9亿元`:
 * the periods (or metric words) before 分别 are paired one to one with the amounts after it.
 */
function mapEnumerations(simp: string, qs: QuantityMention[], periods: Period[], mentions: EntityMention[], resolver: EntityResolver, text: string): Map<QuantityMention, EnumHit> {
  const out = new Map<QuantityMention, EnumHit>();
  let last: { periods: Period[]; at: number } | null = null;
  const SEP = /^[\s*]*(?:、|和|及|与|以及|,|，|;|；)[\s*]*$/;
  for (const m of simp.matchAll(/分别/g)) {
    const at = m.index!;
    const [sStart, sEnd] = boundsOf(simp, at, SENTENCE_END, 300);
    // the amounts after 分别, joined by list separators
    const after = within(qs, startOf, at + 1, sEnd);
    const list: QuantityMention[] = [];
    for (const q of after) {
      if (list.length > 0 && !SEP.test(simp.slice(list[list.length - 1].end, q.start))) break;
      list.push(q);
    }
    if (list.length < 2) continue;
    // periods before 分别, in the last run of list-joined expressions (since the previous 分别 list)
    const from = Math.max(sStart, last && last.at > sStart ? last.at : sStart);
    const before = within(periods, atOf, from, at).filter((p) => p.endAt <= at);
    const run: Period[] = [];
    let span = false;
    for (let i = before.length - 1; i >= 0; i--) {
      const gap = run.length > 0 ? simp.slice(before[i].endAt, run[0].at) : '';
      if (run.length > 0 && /^\s*(?:-|–|—|~|至|到)\s*$/.test(gap) && run.length === 1) { span = true; run.unshift(before[i]); break; }
      if (run.length > 0 && !/^[\s*]*(?:、|和|及|与|以及|,|，)[\s*]*$/.test(gap)) break;
      run.unshift(before[i]);
    }
    let assigned: Period[] | null = null;
    if (span && run.length === 2) assigned = expandYearSpan(run[0], run[1], list.length);
    else if (run.length === list.length) assigned = run;
    else if ((run.length === 0 || (run.length === 1 && run[0].text === '同期')) && last && last.periods.length === list.length && at - last.at < 200) {
      assigned = last.periods; // 同期 ... 分别: the periods of the list before
    }
    if (assigned) {
      list.forEach((q, i) => out.set(q, { ...out.get(q), period: assigned![i] }));
      last = { periods: assigned, at };
    }
    // names before 分别 (in this sentence or the one before): 智谱和MiniMax ... 市值分别达 A 与 B
    const names = within(mentions, startOf, Math.max(0, at - 150), at);
    const nameRun: EntityMention[] = [];
    for (let i = names.length - 1; i >= 0; i--) {
      if (nameRun.length > 0 && !/^\s*(?:、|和|与|及|以及)\s*$/.test(simp.slice(names[i].end, nameRun[0].start))) {
        if (nameRun.length >= 2) break;
        nameRun.length = 0;
      }
      nameRun.unshift(names[i]);
    }
    if (nameRun.length === list.length && new Set(nameRun.map((m) => m.entity.id)).size === list.length) {
      list.forEach((q, i) => out.set(q, { ...out.get(q), entity: nameRun[i] }));
    } else {
      const family = familyMembers(simp, sStart, at, list.length, mentions, resolver, text);
      if (family) list.forEach((q, i) => out.set(q, { ...out.get(q), entity: family[i] }));
    }
    // metric words before 分别: 营收、净亏损分别为 ...
    const head = simp.slice(sStart, at);
    const words = /([\u4e00-\u9fa5A-Za-z/]{2,8}(?:(?:、|和|及|与)[\u4e00-\u9fa5A-Za-z/]{2,8})+)\s*$/.exec(head.replace(/[\s*]+$/, ''));
    if (words) {
      const items = words[1].split(/、|和|及|与/);
      if (items.length === list.length && items.every((w) => findCue(w, '', null))) {
        list.forEach((q, i) => out.set(q, { ...out.get(q), cueWord: items[i] }));
      }
    }
  }
  return out;
}

/**
 * `混元3D…；图像、视频衍生模型数量分别达到1400和1600个`: members of a model family listed by their
 * short names before 分别 are the family's models, the brand taken from the model or product named
 * last before (混元 + 图像 = 混元图像). One short name per amount, each a different entity, or none.
 */
function familyMembers(simp: string, sStart: number, at: number, n: number, mentions: EntityMention[], resolver: EntityResolver, text: string): EntityMention[] | null {
  const head = simp.slice(sStart, at).replace(/[\s*]+$/, '');
  const run = /([\u4e00-\u9fa5A-Za-z0-9]{1,6}(?:(?:、|和|及|与)[\u4e00-\u9fa5A-Za-z0-9]{1,14})+)$/.exec(head);
  if (!run) return null;
  const items = run[1].split(/、|和|及|与/);
  if (items.length !== n) return null;
  const runAt = sStart + run.index;
  const brands = new Set<string>();
  for (const m of within(mentions, startOf, at - 400, at).reverse()) {
    if ((m.entity.kind !== 'model' && m.entity.kind !== 'product') || !m.entity.parent) continue;
    const b = /^[\u4e00-\u9fa5]{2,4}/.exec(toSimplifiedScript(m.entity.name_zh));
    if (b && b[0] !== m.entity.name_zh) brands.add(b[0]);
    if (brands.size >= 3) break;
  }
  for (const brand of brands) {
    let offset = runAt;
    const found: EntityMention[] = [];
    for (const item of items) {
      const e = resolver.resolve(brand + item);
      // the member's own name: the brand and the short name written (混元图像 = 混元 + 图像)
      const own = e && [e.name_zh, ...(e.aliases ?? [])].map(toSimplifiedScript)
        .find((name) => name.startsWith(brand) && name.length > brand.length && (brand + item).startsWith(name));
      if (!e || !own || found.some((f) => f.entity.id === e.id)) break;
      const start = simp.indexOf(item, offset);
      const end = start + own.length - brand.length;
      found.push({ entity: e, start, end, text: text.slice(start, end) });
      offset = start + item.length;
    }
    if (found.length === n) return found;
  }
  return null;
}

/** Names that look like companies or models but are not in entities.csv. */
function findUnknownNames(text: string, simp: string, known: EntityMention[], skip: (i: number) => boolean): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  UNKNOWN_NAME_RE.lastIndex = 0;
  for (const m of simp.matchAll(UNKNOWN_NAME_RE)) {
    const s = m.index!;
    const e = s + m[0].trimEnd().length;
    if (skip(s) || NOT_NAMES.has(m[0].trim()) || m[0].trim().length < 2) continue;
    if (known.some((k) => s < k.end && k.start < e)) continue;
    out.push({ start: s, end: e, text: text.slice(s, e) });
  }
  return out;
}

/** The entity named most often (companies first): what 公司 and 其 refer to. */
function pickMainSubject(mentions: EntityMention[]): EntityMention | null {
  const counts = new Map<string, { n: number; m: EntityMention }>();
  for (const m of mentions) {
    const key = m.entity.kind === 'company' ? m.entity.id : m.entity.parent ?? m.entity.id;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { n: 1, m });
  }
  let best: { n: number; m: EntityMention } | null = null;
  for (const c of counts.values()) {
    const company = c.m.entity.kind === 'company';
    if (!best || c.n > best.n || (c.n === best.n && company && best.m.entity.kind !== 'company')) best = c;
  }
  if (!best) return null;
  // report the company itself when the count was by parent
  const company = mentions.find((m) => m.entity.id === (best!.m.entity.kind === 'company' ? best!.m.entity.id : best!.m.entity.parent));
  return company ?? best.m;
}
