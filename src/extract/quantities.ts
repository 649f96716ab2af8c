/**
 * Finds the quantities of an article: every number with its scale, unit and qualifier words,
 * read by the project's own parser (src/units/parse.ts) so that extracted and hand-keyed rows
 * agree. Works on the text converted to simplified script (same length as the original, so
 * offsets point into the original too).
 *
 * Not quantities: years and dates (2025年, 6月, 30日), durations (3个月, 三年), ages (28岁),
 * list numbering at the start of a line (`1.`, `01:`, `2)`), phone numbers, numbers that are
 * part of a name (GLM-4.6V, Step 3.5 Flash, AIME 2025, K2.5), ordinals without a rank word, and
 * bare numbers without scale or unit (except benchmark scores after a score word).
 */
import { parseQuantity, QuantityParseError } from '../units';
import type { ParsedQuantity } from '../units';

export interface QuantityMention {
  /** offsets into the article: [start, end) of the quantity with its qualifier and unit words */
  start: number;
  end: number;
  /** the quantity as written (white space removed), e.g. `超50亿元`, `5740萬元`, `350token/s` */
  quantity: string;
  parsed: ParsedQuantity;
  /** offsets of the digits themselves */
  numStart: number;
  numEnd: number;
  /** the unit word was taken from the last member of an enumeration (`1400和1600个`) */
  sharedUnit?: boolean;
  /** the unit a bare Latin scale implies when the text names none: `11B` parameters, `256K` tokens */
  impliedUnit?: string;
  /** the cue word that governs it when found away from the number (a table column header) */
  cueWord?: string;
}

const DIGITS = '\\d+(?:,\\d{3})*(?:\\.\\d+)?';
const CN_NUM = '[零〇一二两三四五六七八九十百千万亿]';
/** A number: digits, or Chinese numerals (checked below), or 数/几 + scale (数十亿), or 半数/过半. */
const RANK_RE = '登顶|榜首|第[一二三四五六七八九十]{1,3}(?![一二三四五六七八九十])|前[一二三四五六七八九十]{1,3}(?=名|的|强|[（(，。,.;；\\s]|$)';
const CORE_RE = new RegExp(`${RANK_RE}|\\d+/\\d+(?![\\d.A-Za-z/])|${DIGITS}|[数几]?${CN_NUM}+|半数|过半`, 'g');
const SCALE_AFTER = /^\s*(?:[十百千万亿]+|[KkMBT](?![A-Za-z])|[KkMBT](?=tokens?|token))/;
const RANGE_AFTER = new RegExp(`^\\s*(?:-|–|—|~|～|至|到)\\s*(?:${DIGITS}|${CN_NUM}+)(?:\\s*(?:[十百千万亿]+|[KkMBT](?![A-Za-z])))?`);
const INFIX_AFTER = /^(?:多|余|\+(?![\d\s]*\d))(?:[十百千万亿]+)?/;

/** Unit words after a number (simplified script), longest first. */
const UNIT_WORDS = [
  '元人民币', '人民币', '美元', '港元', '港币', '元', 'RMB', 'USD', 'HKD',
  'tokens/s', 'token/s', 'tok/s', 'tokens/秒', 'token/秒', '个token', 'tokens', 'token', 'Tokens', 'Token', 'TOKEN',
  '%', '％', '倍', '分', '辆', '台', '款', '个模型', '家', '笔', '人次', '名用户', '用户', '人', '次请求', '次', '个',
  'GB', '小时', '毫秒', '秒', '字', '项', '条', '星', '名',
].sort((a, b) => b.length - a.length);
const MONEY_PER_TOKEN_RE = /^\s*元\s*\/\s*每?\s*(?:百万|千|万|百万个|\d+[KkM]?)\s*(?:个)?\s*tokens?/i;
const SUFFIX_WORDS = ['左右', '以上', '以下', '以内', '级别', '级'];
/** Qualifier words before a number that belong to the quantity (neutral words such as 达, 仅 do not). */
const PREFIX_WORDS = [
  '超过', '超出', '超', '逾', '突破', '接近', '将近', '近', '大约', '约为', '约',
  '不足', '不到', '少于', '不超过', '至少', '不少于',
].sort((a, b) => b.length - a.length);

/** After a number: words that make it a date, a duration, an age or a position, not a quantity. */
const NOT_QUANTITY_AFTER = /^\s*(?:年|月|日|号|天|周|岁|个月|个季度|季度|点|时|届|期|代|轮|楼|层|章|节|位数)/;
/** Units a Chinese numeral may carry (`三家`, `两款`, `百万辆`); other readings of 一二三 are words. */
const CN_UNIT_OK = /^(?:家|款|辆|台|笔|倍|名|人|个模型|项)/;

export function findQuantities(simp: string, orig: string, skip: (i: number) => boolean): QuantityMention[] {
  const out: QuantityMention[] = [];
  CORE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CORE_RE.exec(simp)) !== null) {
    const numStart = m.index;
    let numEnd = numStart + m[0].length;
    const core = m[0];
    if (skip(numStart)) continue;
    if (/^[第前登榜]/.test(core)) {
      // 第一 (first place), 前八 (top eight): a rank when nothing after makes it an ordinal of something else;
      // 登顶 (reached the top), 榜首 (top of the list): first place
      const next = simp.slice(numEnd, numEnd + 3);
      if (/^[第前]/.test(core) && !/^(?:名|的|[（(，。,.;；、！!？?\s”"*]|$)/.test(next)) continue;
      let end = numEnd;
      if (next.startsWith('名')) end++;
      const quantity = squash(orig.slice(numStart, end));
      const parsed = tryParse(quantity);
      if (!parsed) continue;
      out.push({ start: numStart, end, quantity, parsed, numStart, numEnd, impliedUnit: 'rank' });
      CORE_RE.lastIndex = end;
      continue;
    }
    if (/^\d+\/\d+$/.test(core)) {
      const parsed = tryParse(core);
      if (!parsed || /^\s*(?:\d|[年月日号])/.test(simp.slice(numEnd, numEnd + 2))) continue;
      // AIME 2025/2026, 2025/26: years or names, not a fraction
      if (partOfName(simp, numStart, numEnd) || /(?:^|\/)(?:19|20)\d{2}(?:\/|$)/.test(core)) { CORE_RE.lastIndex = numEnd; continue; }
      out.push({ start: numStart, end: numEnd, quantity: squash(orig.slice(numStart, numEnd)), parsed, numStart, numEnd, impliedUnit: 'multiple' });
      continue;
    }
    const chinese = !/^\d/.test(core);
    let end = numEnd;
    let tail = simp.slice(end, end + 40);
    const isName = !chinese && partOfName(simp, numStart, numEnd);
    if (isName) continue;
    if (!chinese && isListNumber(simp, numStart, numEnd)) continue;
    if (!chinese && isPhone(simp, numStart, numEnd)) continue;
    if (NOT_QUANTITY_AFTER.test(tail)) continue;
    let hasScale = /[十百千万亿]/.test(core.replace(/^[数几]?[一二两三四五六七八九]?/, '')) || /[百千万亿]/.test(core);
    // range, scale, 多/余/+
    const r = RANGE_AFTER.exec(tail);
    if (r && !chinese) { end += r[0].length; tail = simp.slice(end, end + 40); if (/[十百千万亿KkMBT]\s*$/.test(r[0])) hasScale = true; }
    const s = SCALE_AFTER.exec(tail);
    if (s && !(s[0].trim() === 'T' && /^\s*T[A-Za-z]/.test(tail))) {
      // a Latin scale letter follows the digits directly
      if (!/^\s+[KkMBT]/.test(s[0])) { end += s[0].length; tail = simp.slice(end, end + 40); hasScale = true; }
      // 5万到7万: the range comes after the left side's scale
      const r2 = !r ? RANGE_AFTER.exec(tail) : null;
      if (r2) { end += r2[0].length; tail = simp.slice(end, end + 40); }
    }
    const inf = INFIX_AFTER.exec(tail);
    if (inf) { end += inf[0].length; tail = simp.slice(end, end + 40); if (inf[0].length > 1) hasScale = true; }
    CORE_RE.lastIndex = Math.max(CORE_RE.lastIndex, end);
    if (NOT_QUANTITY_AFTER.test(tail)) continue;
    // unit
    let unit = '';
    const mpt = MONEY_PER_TOKEN_RE.exec(tail);
    if (mpt) unit = mpt[0];
    else {
      const ws = /^\s*/.exec(tail)![0];
      const lower = tail.toLowerCase();
      const w = UNIT_WORDS.find((u) => (/[A-Za-z]/.test(u) ? lower.startsWith(u.toLowerCase(), ws.length) : tail.startsWith(u, ws.length)));
      if (w !== undefined) {
        // a Latin unit word must end a word: `token` but not `tokenizer`
        const next = tail[ws.length + w.length] ?? '';
        if (!(/[A-Za-z]$/.test(w) && /[A-Za-z]/.test(next))) unit = ws + tail.slice(ws.length, ws.length + w.length);
      }
    }
    const uw = unit.trim();
    if (uw === '分' && /^\s*分(?:钟|之|别|享|析|布|成|为|化|级|类|拆|散|支|红|配|数)/.test(tail)) unit = '';
    if (uw === '个' && /^\s*个(?:人|性|体)/.test(tail)) unit = '';
    if (uw === '人' && /^\s*人(?:民|工|才|形|口)/.test(tail)) unit = '';
    if (uw === '名' && !/^第/.test(simp.slice(Math.max(0, numStart - 1), numStart))) unit = /^\s*名(?:用户)/.test(tail) ? unit : '';
    if (uw === '次' && /^\s*次(?:日|年|月|要|序|级)/.test(tail)) unit = '';
    if (uw === '星' && /^\s*星(?:辰|球|座|期)/.test(tail)) unit = '';
    if (uw === '条' && /^\s*条(?:件|款|例)/.test(tail)) unit = '';
    if (uw === '台' && /^\s*台(?:湾|阶)/.test(tail)) unit = '';
    if (uw === '家' && /^\s*家(?:庭|居|族|人|电|里)/.test(tail)) unit = '';
    end += unit.length;
    tail = simp.slice(end, end + 10);
    const suf = SUFFIX_WORDS.find((w) => tail.startsWith(w));
    if (suf) end += suf.length;
    // 两家公司, 1个基座模型: a counted noun phrase that names things rather than states a figure
    if (!hasScale && (chinese || core === '1') && /^(?:家|款|个|位|名)$/.test(unit.trim()) && /^\s*(?:公司|企业|厂商|机构|模型|产品|基座|大模型|平台)/.test(simp.slice(end, end + 4))) continue;
    // 《2025 人工智能指数报告》: a year in a title
    if (!chinese && /^(?:19|20)\d{2}$/.test(core) && !hasScale && /《\s*$/.test(simp.slice(Math.max(0, numStart - 2), numStart))) continue;
    if (chinese) {
      // 一家, 十分, 千问, 万物: Chinese numerals count only with a scale-bearing amount or a counting unit
      if (/^[数几]/.test(core) && !hasScale) continue;
      if (core === '过半' || core === '半数') { /* 超半数, 过半: half */ } else if (!hasScale && !CN_UNIT_OK.test(simp.slice(numEnd, numEnd + 4))) continue;
      else if (/^[一]$/.test(core)) continue;
      // a bare scale word (千, 百万) counting 家/个/人 is an idiom (千家万户), and alone it needs a measure after it (千亿参数)
      else if (/^[十百千万亿]+$/.test(core) && /^(?:家|个|人|次|名|位|户)$/.test(unit.trim())) continue;
      else if (unit === '' && !suf && !/^\s*(?:参数|tokens?|级|规模|量级)/i.test(simp.slice(end, end + 6))) continue;
      else if (hasScale && unit === '' && !/[万亿]$/.test(core) && !CN_UNIT_OK.test(simp.slice(numEnd, numEnd + 4))) continue;
    } else if (!hasScale && unit === '' && !suf && !inf && !PREFIX_WORDS.some((w) => w.length > 1 && simp.slice(Math.max(0, numStart - 4), numStart).trimEnd().endsWith(w) && w !== '达到' && w !== '仅为')) {
      // a bare number: only as a benchmark score right after a score word, or with 分别 lists
      if (!/(?:得分|分数|准确率|成绩|score|Score|正确率|通过率)[^。，,；;]{0,6}$/.test(simp.slice(Math.max(0, numStart - 12), numStart))) {
        if (!/^(?:和|、|及|与|\/)/.test(tail)) continue;
      }
    }
    // prefix qualifier words (and 每秒)
    let start = numStart;
    const head = simp.slice(Math.max(0, start - 8), start).replace(/[\s*]+$/, '');
    const ws = simp.slice(Math.max(0, start - 8), start).length - head.length;
    const pre = PREFIX_WORDS.find((w) => head.endsWith(w));
    if (pre) start -= ws + pre.length;
    const ps = simp.slice(Math.max(0, start - 3), start).replace(/\s+$/, '');
    if (ps.endsWith('每秒') && /token/i.test(unit)) start -= simp.slice(Math.max(0, start - 3), start).length - ps.length + 2;
    // a minus sign right before the digits (净利润为-1.44亿元), not a hyphen between words or numbers
    if (start === numStart && /[-−负]/.test(simp[start - 1] ?? '') && !/[\dA-Za-z年月]/.test(simp[start - 2] ?? '')) start--;
    let quantity = squash(orig.slice(start, end));
    let parsed = tryParse(quantity);
    if (!parsed) {
      // drop an unknown unit or suffix and read the number alone
      const bare = squash(orig.slice(start, Math.max(numEnd, end - unit.length - (suf?.length ?? 0))));
      parsed = tryParse(bare);
      if (!parsed) continue;
      quantity = bare;
      end = Math.max(numEnd, end - unit.length - (suf?.length ?? 0));
    }
    let impliedUnit: string | undefined;
    // 三家 (企业): companies counted
    if (/^\s*家/.test(simp.slice(end - unit.length - (suf?.length ?? 0), end)) && unit.trim() === '家') impliedUnit = 'companies';
    // 2000万人次: person-visits (one person counted on every visit), not distinct users
    if (unit.trim() === '人次') impliedUnit = 'visits';
    if (parsed.unit === null) {
      const q0 = quantity.replace(/(?:级别|级|左右|以上|以下|以内)$/, '');
      if (/\d\s*[Bb]$/.test(q0)) impliedUnit = 'parameters';
      else if (/\d\s*K$/.test(q0)) impliedUnit = 'tokens';
      // 1.1万亿音频tokens: the unit after a short qualifier word
      else if (/^[\u4e00-\u9fa5]{1,4}\s*tokens?(?![A-Za-z])/i.test(simp.slice(end, end + 12))) impliedUnit = 'tokens';
    }
    out.push({ start, end, quantity, parsed, numStart, numEnd, impliedUnit });
    CORE_RE.lastIndex = Math.max(CORE_RE.lastIndex, end);
  }
  return shareEnumerationUnits(out, simp, orig);
}

function squash(s: string): string {
  return s.replace(/\s+/g, '').replace(/\*+/g, '');
}

function tryParse(q: string): ParsedQuantity | null {
  if (q === '') return null;
  try {
    const p = parseQuantity(q);
    return Number.isFinite(p.value) ? p : null;
  } catch (e) {
    if (e instanceof QuantityParseError) return null;
    throw e;
  }
}

/** A number that belongs to a name: right after Latin letters (GLM-4.6V, K2.5, AIME 2025) or followed by them (3.5 Flash). */
function partOfName(simp: string, s: number, e: number): boolean {
  const before = simp.slice(Math.max(0, s - 3), s);
  if (/[A-Za-z][-_.]?$/.test(before)) return true;
  if (/[A-Za-z]\s$/.test(before) && !/(?:USD|RMB|HKD|CNY|US\$|HK\$)\s$/.test(simp.slice(Math.max(0, s - 5), s))) {
    // `AIME 2025`, `GPT 5.2`, `Step 3.5 Flash`: a name unless a scale or unit follows (`达 350 token/s` has a CJK word before)
    // (`Anthropic 39-41 倍`: a range of numbers with its unit counts too)
    if (!/^(?:\s*(?:-|–|~|～|至)\s*\d+(?:\.\d+)?)?\s*(?:[KkMBT](?![A-Za-z])|%|倍|亿|万|tokens?)/.test(simp.slice(e, e + 16))) return true;
  }
  const after = simp.slice(e, e + 12);
  // digits followed by letters that are no scale or unit word: `3.5 Flash`, `2.5D`, `4o`
  if (/^\s?[A-Za-z]/.test(after) && !/^\s?(?:[KkMBT](?![A-Za-z])|[KkMBT](?=tokens?)|tokens?|Tokens?|TOKEN|tok\/s|GB|USD|RMB|HKD)/.test(after)) return true;
  // version-like: 3.5.1 or -V2
  if (/^[-_][A-Za-z]/.test(after)) return true;
  return false;
}

/** `1.`, `01:`, `2)`, `3、` at the start of a line or after a heading mark: list numbering. */
function isListNumber(simp: string, s: number, e: number): boolean {
  const lineStart = simp.lastIndexOf('\n', s - 1) + 1;
  const before = simp.slice(lineStart, s);
  if (!/^[\s#>*\-]*(?:第)?$/.test(before)) return false;
  return /^\s*(?:[.、)）:：]|\s*$)/.test(simp.slice(e, e + 2)) && !/^\.\d/.test(simp.slice(e, e + 2));
}

function isPhone(simp: string, s: number, e: number): boolean {
  const run = simp.slice(Math.max(0, s - 1), e + 10);
  if (/^\d{3,4}-\d{7,8}/.test(simp.slice(s, e + 10))) return true;
  const digits = simp.slice(s, e).replace(/[^\d]/g, '');
  return (/^1[3-9]\d{9}$/.test(digits) && !/[.,]/.test(simp.slice(s, e))) || /\d{3,4}-\d{7,8}/.test(run) && digits.length >= 7;
}

/**
 * `1400和1600个`, `0.5B/1.8B/4B/7B`: members of an enumeration without their own unit take the
 * unit of the last member, so that each is read in the right unit.
 */
function shareEnumerationUnits(ms: QuantityMention[], simp: string, orig: string): QuantityMention[] {
  for (let i = ms.length - 2; i >= 0; i--) {
    const a = ms[i];
    const b = ms[i + 1];
    if (a.parsed.unit !== null || b.parsed.unit === null) continue;
    const gap = simp.slice(a.end, b.start);
    if (!/^\s*(?:和|、|及|与|\/|,|，)\s*$/.test(gap)) continue;
    const unitWord = squash(orig.slice(b.numEnd, b.end)).replace(/^[KkMBT十百千万亿]+/, '').replace(/(?:左右|以上|以下|以内)$/, '');
    if (unitWord === '') continue;
    const scaleWord = /[十百千万亿KkMBT]$/.test(a.quantity) ? '' : (squash(orig.slice(b.numEnd, b.end)).match(/^[KkMBT十百千万亿]+/)?.[0] ?? '');
    const p = tryParse(a.quantity + scaleWord + unitWord);
    if (p) {
      a.parsed = p;
      a.sharedUnit = true;
      // a scale given once for the list is part of each amount: 1400、1600万元 is 1400万元 and 1600万元
      if (scaleWord !== '') a.quantity = a.quantity + scaleWord;
    }
  }
  return ms;
}
