/**
 * The numerals a quantity is written with, to check that they occur in an evidence phrase:
 * the decimal literals (`200-300亿元` -> 200, 300), or, when there are none, the Chinese
 * numeral (`近千亿元` -> 千亿).
 */
import { normalizeQuantityText, toSimplified } from './normalize';
import { CHINESE_NUMERAL_CHARS } from './scale';

/** Decimal literals of the quantity, else its Chinese numeral runs (simplified script). */
export function quantityNumerals(quantity: string): string[] {
  const s = normalizeQuantityText(quantity);
  const digits = s.match(/\d+(?:\.\d+)?/g);
  if (digits) return digits;
  return s.match(new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, 'g')) ?? [];
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/**
 * Whether the decimal literal `n` occurs in `text` not as part of a longer number: no digit or
 * '.' before it, no digit or '.digit' after it (50 is not in 500 nor in 1.50 nor in 50.5).
 * A scan with indexOf: no regular expression is built per call.
 */
function containsNumber(text: string, n: string): boolean {
  for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
    const before = text[i - 1];
    if (isDigit(before) || before === '.') continue;
    const after = text[i + n.length];
    if (isDigit(after) || (after === '.' && isDigit(text[i + n.length + 1]))) continue;
    return true;
  }
  return false;
}

/**
 * The numerals of `quantity` that do not occur in `evidence` (white space, full-width forms,
 * thousands separators and traditional script ignored; a decimal literal must not be part of a
 * longer number: 50 is not in 500).
 */
export function numeralsMissingFromEvidence(quantity: string, evidence: string): string[] {
  const ev = normalizeQuantityText(toSimplified(evidence));
  return quantityNumerals(quantity).filter((n) => {
    if (isDigit(n[0])) return !containsNumber(ev, n);
    return !ev.includes(n);
  });
}
