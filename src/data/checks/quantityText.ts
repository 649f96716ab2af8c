/**
 * Checks on a quantity as written, before its value is trusted: it holds a number (not just a
 * scale word: `亿元` alone is no amount), no qualifier is doubled (`约约`), and no number has more
 * significant digits than an article prints (MAX_DIGITS).
 */

import { TOP_OF_LIST } from '../../units/parse';

/** Most significant digits a printed figure has; longer numbers lose precision as doubles. */
export const MAX_DIGITS = 15;

/**
 * Numerals that make a number on their own, `数` and `几` (several) included; a single scale
 * word such as 万 or 亿 does not.
 */
const NUMBER_CHAR_RE = /[0-9０-９一二三四五六七八九十百千两零〇壹贰叁肆伍陆柒捌玖拾佰仟半数數几幾]/;
/**
 * Amounts that name an order of magnitude and need no digits: `亿元级别`, and a compound scale
 * (`万亿`: the trillion class).
 */
const MAGNITUDE_RE = /(级别|級別|量级|量級|级|級)$|万亿|萬億/;
const QUALIFIER_WORDS = ['约', '近', '超', '逾', '超过', '大约', '将近', '接近', '突破', '至少', '最多', '不足', '不到', '左右', '以上', '以下', '多'];
const DOUBLED_RE = new RegExp(`(${[...QUALIFIER_WORDS].sort((a, b) => b.length - a.length).join('|')})\\s*\\1`);

/** Problems of a quantity text; empty when it reads cleanly. */
export function quantityTextProblems(quantity: string): string[] {
  const out: string[] = [];
  // words that name a rank without a numeral (登顶: first place) are numbers of their own
  if (!NUMBER_CHAR_RE.test(quantity) && !MAGNITUDE_RE.test(quantity) && !TOP_OF_LIST.has(quantity.trim())) {
    out.push(`'${quantity}' holds no number, only a unit or scale word (write 1亿元, or 亿元级别 for an order of magnitude)`);
  }
  const doubled = DOUBLED_RE.exec(quantity);
  if (doubled) out.push(`'${quantity}' doubles the qualifier '${doubled[1]}'`);
  for (const run of quantity.match(/[0-9０-９][0-9０-９,，.．]*/g) ?? []) {
    const digits = run.replace(/[^0-9０-９]/g, '').replace(/^[0０]+/, '');
    if (digits.length > MAX_DIGITS) {
      out.push(`'${quantity}' has a number of ${digits.length} digits; an article prints at most ${MAX_DIGITS} (a longer number loses precision)`);
      break;
    }
  }
  return out;
}
