/**
 * The numerals a quantity is written with, to check that they occur in an evidence phrase:
 * the decimal literals (`200-300亿元` -> 200, 300), or, when there are none, the Chinese
 * numeral (`近千亿元` -> 千亿).
 */
import { normalizeQuantityText, toSimplified } from './normalize';
import { CHINESE_NUMERAL_CHARS } from './scale';

const CHINESE_NUMERAL_RUN = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, 'g');

/** Decimal literals of the quantity, else its Chinese numeral runs (simplified script). */
export function quantityNumerals(quantity: string): string[] {
  const s = normalizeQuantityText(quantity);
  const digits = s.match(/\d+(?:\.\d+)?/g);
  if (digits) return digits;
  return s.match(CHINESE_NUMERAL_RUN) ?? [];
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Whether decimal literal `n` occurs in `text` as a whole number: not preceded by a digit or a
 * point, not followed by a digit or by a point and a digit (50 is not in 500 nor in 1.50).
 * A scan with indexOf: no RegExp is built per numeral.
 */
export function containsNumber(text: string, n: string): boolean {
  for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
    const before = text[i - 1];
    const after = text[i + n.length];
    if (isDigit(before) || before === '.') continue;
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
  return quantityNumerals(quantity).filter((n) => (isDigit(n[0]) ? !containsNumber(ev, n) : !ev.includes(n)));
}
