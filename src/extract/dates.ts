/**
 * Release and founding dates. A date is a fact only when a release or founding cue word governs
 * it: in prose, a cue word in the same clause right after the date (`2023年4月成立于上海`,
 * `2025年2月18日正式发布`) or right before it (`成立于2023年4月`, `发布时间：2025年7月`); in a
 * Markdown table, a cue word in the header of the date's column (`| 发布时间 |`). Every other date
 * stays out (years and dates themselves are not facts). A date needs at least a month: a bare year
 * (`2025年`) is a period, not a date.
 */
import { parseQuantity, QuantityParseError } from '../units';
import type { QuantityMention } from './quantities';

const DATE_RE = /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?/g;
/** Cue words of release and founding dates (simplified script). */
export const DATE_CUE_WORDS = ['发布', '推出', '上线', '开源', '亮相', '面世', '问世', '成立', '创立', '创办', '创建', '注册'];
const CUE_AFTER_RE = new RegExp(`^[\\s*]*(?:正式|首次|率先|宣布|于|在)?[\\s*]*(?:${DATE_CUE_WORDS.join('|')})`);
const CUE_BEFORE_RE = new RegExp(`(?:${DATE_CUE_WORDS.join('|')})(?:时间|日期|于|在|是|为)?[\\s*]*[:：]?[\\s*]*(?:于|在)?[\\s*]*$`);
const CLAUSE_END = /[，,；;。！？!?\n|（）()]/;

/** Dates governed by a release or founding cue, as quantities in unit `date` (with the column header's cue word in a table). */
export function findCuedDates(simp: string, orig: string, skip: (i: number) => boolean, published?: string): QuantityMention[] {
  const out: QuantityMention[] = [];
  for (const m of simp.matchAll(DATE_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (skip(start)) continue;
    // in a table the cue is the column header, away from the number; in prose the extractor finds it in the clause
    const header = tableHeaderCue(simp, start);
    if (!header && !proseCue(simp, start, end)) continue;
    // `发布时间：2026年2月27日` on a line of its own: the article's own date line, not a fact
    const lineStart = simp.lastIndexOf('\n', start - 1) + 1;
    if (!header && published && isoOf(simp.slice(start, end)) === published && /^[\s*#>]*(?:发布|更新|发表)(?:时间|日期)[\s*]*[:：]?[\s*]*$/.test(simp.slice(lineStart, start))) continue;
    const quantity = orig.slice(start, end).replace(/\s+/g, '');
    let parsed;
    try {
      parsed = parseQuantity(quantity);
    } catch (e) {
      if (e instanceof QuantityParseError) continue; // 2025年13月: not a date
      throw e;
    }
    out.push({ start, end, quantity, parsed, numStart: start, numEnd: end, impliedUnit: 'date', ...(header ? { cueWord: header } : {}) });
  }
  return out;
}

/** `2025年7月31日` → `2025-07-31`, `2023年4月` → `2023-04`. */
export function isoOf(date: string): string {
  const d = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2}))?/.exec(date);
  if (!d) throw new Error(`'${date}' is not a date written 2025年7月(31日)`);
  return `${d[1]}-${d[2].padStart(2, '0')}${d[3] ? `-${d[3].padStart(2, '0')}` : ''}`;
}

function proseCue(simp: string, start: number, end: number): string | null {
  let s = start;
  while (s > 0 && start - s < 12 && !CLAUSE_END.test(simp[s - 1])) s--;
  let e = end;
  while (e < simp.length && e - end < 10 && !CLAUSE_END.test(simp[e])) e++;
  const before = CUE_BEFORE_RE.exec(simp.slice(s, start));
  if (before) return DATE_CUE_WORDS.find((w) => before[0].includes(w)) ?? null;
  const after = CUE_AFTER_RE.exec(simp.slice(end, e));
  if (after) return DATE_CUE_WORDS.find((w) => after[0].includes(w)) ?? null;
  return null;
}

/** The cue word in the header of the table column holding `at`, when `at` is in a Markdown table body. */
function tableHeaderCue(simp: string, at: number): string | null {
  const lineStart = simp.lastIndexOf('\n', at - 1) + 1;
  if (!/^\s*\|/.test(simp.slice(lineStart, lineStart + 4))) return null;
  const column = (simp.slice(lineStart, at).match(/\|/g) ?? []).length - 1;
  // walk up to the header: the row right above the |---| separator
  let end = lineStart - 1;
  let prev: string | null = null;
  while (end > 0) {
    const s = simp.lastIndexOf('\n', end - 1) + 1;
    const line = simp.slice(s, end);
    if (!/^\s*\|/.test(line)) return null;
    if (/^\s*\|[\s|:-]+\|?\s*$/.test(line)) {
      const hs = simp.lastIndexOf('\n', s - 2) + 1;
      prev = simp.slice(hs, s - 1);
      break;
    }
    end = s - 1;
  }
  if (prev === null) return null;
  const cell = prev.split('|').slice(1)[column] ?? '';
  return DATE_CUE_WORDS.find((w) => cell.includes(w)) ?? null;
}
