/**
 * Text normalisation before parsing a quantity: full-width forms to ASCII (NFKC), the
 * traditional characters that occur in amounts to their simplified form, no white space,
 * no thousands separators.
 */

const TRADITIONAL: Record<string, string> = {
  萬: '万', 億: '亿', 兩: '两', 約: '约', 輛: '辆', 臺: '台', 幣: '币', 參: '参', 數: '数',
  過: '过', 筆: '笔', 個: '个', 達: '达', 僅: '仅', 餘: '余', 將: '将', 於: '于', 級: '级',
  條: '条', 項: '项', 線: '线', 時: '时', 萊: '莱', 戶: '户', 來: '来',
};

/** Maps the traditional characters used in amounts to simplified ones (other text unchanged). */
export function toSimplified(text: string): string {
  return TRADITIONAL_RE.test(text) ? text.replace(TRADITIONAL_RE_G, (ch) => TRADITIONAL[ch]) : text;
}

const TRADITIONAL_RE = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`);
const TRADITIONAL_RE_G = new RegExp(TRADITIONAL_RE.source, 'g');

/** NFKC, simplified script, no white space, no thousands separators (`1,000` -> `1000`). */
export function normalizeQuantityText(text: string): string {
  let s = toSimplified(text.normalize('NFKC'));
  s = s.replace(/\s+/g, '');
  s = s.replace(/−/g, '-');
  // thousands separators: a comma between a digit and exactly three digits
  while (/\d,\d{3}(?!\d)/.test(s)) s = s.replace(/(\d),(\d{3})(?!\d)/, '$1$2');
  return s;
}
