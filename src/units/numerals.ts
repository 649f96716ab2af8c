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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The numerals of `quantity` that do not occur in `evidence` (white space, full-width forms,
 * thousands separators and traditional script ignored; a decimal literal must not be part of a
 * longer number: 50 is not in 500).
 */
export function numeralsMissingFromEvidence(quantity: string, evidence: string): string[] {
  const ev = normalizeQuantityText(toSimplified(evidence));
  return quantityNumerals(quantity).filter((n) => {
    if (/^\d/.test(n)) return !new RegExp(`(?<![\\d.])${escape(n)}(?!\\.?\\d)`).test(ev);
    return !ev.includes(n);
  });
}
