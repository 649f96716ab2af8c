/**
 * Periods and dates of Chinese coverage, read against the publication date:
 * `2025年` (the year), `2025年上半年` / `下半年`, `2025年第三季度` / `Q3` / `三季度`,
 * `2025年前三季度`, `2025年6月`, `截至2025年6月末` (an as-of date), `今年` / `去年` / `明年`,
 * `上个月` / `本月`, `同期` (the period named last), `过去12个月` (the twelve months up to publication),
 * `过去一年` (the same, but the previous calendar year when published in January to March),
 * `1月20日` (a day without its year: the year named last within 300 characters, else of publication), `除夕` (Lunar New Year's Eve). A half or quarter without a year takes the
 * year named last, else the publication year.
 */

export interface Period {
  /** a flow: first and last day */
  start?: string;
  end?: string;
  /** a stock: the date it refers to (YYYY, YYYY-MM or YYYY-MM-DD) */
  asOf?: string;
  /** the words read, for the reasons */
  text: string;
  /** offsets into the text */
  at: number;
  endAt: number;
}

export interface Published {
  year: number;
  month: number | null;
  day: number | null;
  iso: string;
}

export function parsePublished(iso: string): Published {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) throw new Error(`publication date '${iso}' is not YYYY-MM-DD, YYYY-MM or YYYY`);
  return { year: +m[1], month: m[2] ? +m[2] : null, day: m[3] ? +m[3] : null, iso };
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(y: number, m: number): string {
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m)}-${pad(d)}`;
}

function months(y: number, m1: number, m2: number): { start: string; end: string } {
  return { start: `${y}-${pad(m1)}-01`, end: lastDay(y, m2) };
}

const YEAR = '(20\\d{2}|19\\d{2})\\s*年';
const PART = '((\\d{1,2})\\s*[-至到]\\s*(\\d{1,2})\\s*月|上半年|下半年|前三季度|前三季|第?([一二三四1-4])季度|Q([1-4])|全年|年度|年初|年末|年底|底|末|初(?!期|步|创|版)|(\\d{1,2})\\s*月(?:份)?(末|底|初)?(?:\\s*(\\d{1,2})\\s*日)?)?';
const ABS_RE = new RegExp(`(截至|截止到?|到)?\\s*${YEAR}\\s*${PART}`, 'g');
const REL_RE = /过去一年|过去12个月|过去十二个月|(截至)?(今年|去年|前年|明年|本年度|上一年)(上半年|下半年|前三季度|第?([一二三四])季度|全年|年初|年末|年底)?|上个?月|本月|当月|同期|(?<![\d年]\s*)(上半年|下半年|前三季度)/g;

/** A month and day without a year (`1月20日`); a date with its year is read by ABS_RE. */
const MONTH_DAY_RE = /(?<!年\s*|\d|\.)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;
/** Lunar New Year's Day (春节) by Gregorian year: 除夕 is the day before. */
const SPRING_FESTIVAL: Record<number, string> = {
  2018: '2018-02-16', 2019: '2019-02-05', 2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22',
  2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03',
};

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Whether a day (YYYY-MM-DD) falls after the publication date (compared to its precision). */
function afterPublication(day: string, pub: Published): boolean {
  return day.slice(0, pub.iso.length) > pub.iso;
}

/** Every period expression in `text` (simplified script), left to right. */
export function findPeriods(text: string, pub: Published): Period[] {
  const out: Period[] = [];
  ABS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ABS_RE.exec(text)) !== null) {
    const y = +m[2];
    const p = read(y, m[3] ?? '', m, 3, !!m[1] && m[1].startsWith('截'));
    if (p) out.push({ ...p, text: m[0].trim(), at: m.index, endAt: m.index + m[0].length });
  }
  REL_RE.lastIndex = 0;
  while ((m = REL_RE.exec(text)) !== null) {
    const w = m[0];
    let p: Omit<Period, 'text' | 'at' | 'endAt'> | null = null;
    if (m[2]) {
      const y = m[2] === '去年' || m[2] === '上一年' ? pub.year - 1 : m[2] === '前年' ? pub.year - 2 : m[2] === '明年' ? pub.year + 1 : pub.year;
      p = readPart(y, m[3] ?? '', !!m[1]);
    } else if (w.startsWith('过去')) {
      // the twelve months up to publication; with only a month known, the twelve whole months before it.
      // 过去一年 written in the first quarter looks back on the year just ended (a year in review):
      // the previous calendar year; 过去12个月 stays the twelve months up to publication.
      if (w === '过去一年' && pub.month !== null && pub.month <= 3) p = { start: `${pub.year - 1}-01-01`, end: `${pub.year - 1}-12-31` };
      else if (pub.day !== null) p = { start: `${pub.year - 1}${pub.iso.slice(4)}`, end: pub.iso };
      else if (pub.month !== null) {
        const y = pub.month === 1 ? pub.year - 1 : pub.year;
        const m = pub.month === 1 ? 12 : pub.month - 1;
        p = { start: m === 12 ? `${y}-01-01` : `${y - 1}-${pad(m + 1)}-01`, end: lastDay(y, m) };
      } else p = { start: `${pub.year - 1}-01-01`, end: `${pub.year - 1}-12-31` };
    } else if (w.startsWith('上') && w.endsWith('月') && pub.month !== null) {
      const y = pub.month === 1 ? pub.year - 1 : pub.year;
      const mm = pub.month === 1 ? 12 : pub.month - 1;
      p = months(y, mm, mm);
    } else if ((w === '本月' || w === '当月') && pub.month !== null) {
      p = months(pub.year, pub.month, pub.month);
    } else if (w === '同期') {
      const prev = [...out].filter((q) => q.at < m!.index && q.start).sort((a, b) => b.at - a.at)[0];
      if (prev) p = { start: prev.start, end: prev.end };
    } else if (m[5]) {
      // a half or quarter without a year: the year named last before it, else the publication year
      const prevYear = [...out].filter((q) => q.endAt <= m!.index).sort((a, b) => b.at - a.at)[0];
      const y = prevYear ? +(prevYear.start ?? prevYear.asOf ?? String(pub.year)).slice(0, 4) : pub.year;
      p = readPart(y, m[5], false);
    }
    if (p) out.push({ ...p, text: w, at: m.index, endAt: m.index + w.length });
  }
  // `1月20日`: the year named last before it, else the publication year (the year before when the day would come after publication)
  const named = out.filter((q) => q.start || q.asOf).sort((a, b) => a.endAt - b.endAt);
  let k = 0;
  let prev: Period | undefined;
  MONTH_DAY_RE.lastIndex = 0;
  while ((m = MONTH_DAY_RE.exec(text)) !== null) {
    const mm = +m[1];
    const dd = +m[2];
    // the expression named last before it (one pass: both lists run left to right)
    while (k < named.length && named[k].endAt <= m.index) prev = named[k++];
    if (mm < 1 || mm > 12 || dd < 1 || dd > 31) continue;
    // a year named more than 300 characters before is another topic
    const near = prev && m.index - prev.endAt <= 300 ? prev : undefined;
    let y = near ? +(near.start ?? near.asOf!).slice(0, 4) : pub.year;
    if (!near && afterPublication(`${y}-${pad(mm)}-${pad(dd)}`, pub)) y--;
    out.push({ asOf: `${y}-${pad(mm)}-${pad(dd)}`, text: m[0], at: m.index, endAt: m.index + m[0].length });
  }
  // 除夕 (Lunar New Year's Eve) of the publication year, or of the year before when it would come after publication
  for (const e of text.matchAll(/除夕/g)) {
    let sf = SPRING_FESTIVAL[pub.year];
    if (sf && afterPublication(dayBefore(sf), pub)) sf = SPRING_FESTIVAL[pub.year - 1];
    if (!sf) continue;
    const d = dayBefore(sf);
    out.push({ start: d, end: d, text: '除夕', at: e.index!, endAt: e.index! + 2 });
  }
  // an absolute expression inside a relative one is kept once
  out.sort((a, b) => a.at - b.at || (b.endAt - b.at) - (a.endAt - a.at));
  const kept: Period[] = [];
  for (const p of out) if (!kept.some((k) => p.at < k.endAt && k.at < p.endAt)) kept.push(p);
  return kept;
}

function read(y: number, part: string, m: RegExpExecArray, base: number, asOf: boolean): Omit<Period, 'text' | 'at' | 'endAt'> | null {
  if (m[base + 1] !== undefined) {
    const a = +m[base + 1];
    const b = +m[base + 2];
    if (a < 1 || b > 12 || a > b) return null;
    return months(y, a, b);
  }
  const month = m[base + 5];
  if (month !== undefined) {
    const mm = +month;
    if (mm < 1 || mm > 12) return null;
    const day = m[base + 7];
    if (day !== undefined) return { asOf: `${y}-${pad(mm)}-${pad(+day)}` };
    const edge = m[base + 6];
    if (asOf || edge === '末' || edge === '底') return { asOf: lastDay(y, mm) };
    if (edge === '初') return { asOf: `${y}-${pad(mm)}` };
    return months(y, mm, mm);
  }
  return readPart(y, part, asOf);
}

function readPart(y: number, part: string, asOf: boolean): Omit<Period, 'text' | 'at' | 'endAt'> | null {
  if (part === '上半年') return asOf ? { asOf: `${y}-06-30` } : months(y, 1, 6);
  if (part === '下半年') return months(y, 7, 12);
  if (part.startsWith('前三季')) return asOf ? { asOf: `${y}-09-30` } : months(y, 1, 9);
  const q = /([一二三四1-4])季度|Q([1-4])/.exec(part);
  if (q) {
    const n = CN_DIGIT[q[1] ?? q[2]];
    return months(y, 3 * n - 2, 3 * n);
  }
  if (part === '年初' || part === '初') return { asOf: `${y}` };
  if (part === '年末' || part === '年底' || part === '末' || part === '底') return { asOf: `${y}-12-31` };
  return asOf ? { asOf: `${y}-12-31` } : { start: `${y}-01-01`, end: `${y}-12-31` };
}

/**
 * `2022年-2025年1-9月` before a list of n amounts: the years from the first to the one before
 * the last, each whole, then the last as written (2022, 2023, 2024, 2025-01..09). Null when the
 * span does not give n periods.
 */
export function expandYearSpan(a: Period, b: Period, n: number): Period[] | null {
  if (!a.start || !b.start) return null;
  const ya = +a.start.slice(0, 4);
  const yb = +b.start.slice(0, 4);
  if (yb - ya + 1 !== n || n < 2) return null;
  const out: Period[] = [];
  for (let y = ya; y < yb; y++) out.push({ start: `${y}-01-01`, end: `${y}-12-31`, text: `${y}年 (${a.text}-${b.text})`, at: a.at, endAt: b.endAt });
  out.push({ ...b, text: `${b.text} (${a.text}-${b.text})` });
  return out;
}
