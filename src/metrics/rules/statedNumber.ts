/**
 * Whether a fact states a single number, for the `value` of derived rows (the formula on the
 * numbers the inputs state, see ../derived).
 *
 * - No single number: an order of magnitude (`亿元级别`, `亿级`: the class [S, 10S)), a bare
 *   scale word that the qualifier column reads as a bound (`千亿` with at-least: a size class,
 *   "a 千亿-parameter model"), a vague amount (`数亿美元`: "several 亿"). A formula over such an
 *   input has no value, only its interval.
 * - Only a bound: a one-sided quantity (`超4200万台`, `80%以上` lower; `不到5万`, `前八` upper).
 *   Its number bounds the result on the same side only where the result rises with it; where it
 *   falls (a divisor, a subtrahend) the result has no value (see ./select `evaluate`).
 */
import type { Fact } from '../../types';
import { normalizeQuantityText } from '../../units/normalize';
import { parseQuantity } from '../../units/parse';

const LEVEL_RE = /(级别|级)$/;
const VAGUE_RE = /[数几][十百千万亿]/;
const NUMERAL_RE = /[0-9零〇一二两三四五六七八九]/;
const SCALE_RE = /[十百千万亿]/;

export type BoundSide = 'lower' | 'upper';

/** Whether `quantity` names an order of magnitude (`亿元级别`, `百万级`, `億級`). */
export function isOrderOfMagnitude(quantity: string): boolean {
  return LEVEL_RE.test(normalizeQuantityText(quantity));
}

function parsedQualifier(quantity: string): string | null {
  try {
    return parseQuantity(quantity).qualifier;
  } catch {
    return null;
  }
}

/**
 * Why `f` states no single number (`stepfun-revenue is stated only as an order of magnitude
 * (亿元级别)`), or null when it states one.
 */
export function noSingleNumber(f: Pick<Fact, 'id' | 'quantity' | 'qualifier'>): string | null {
  const text = normalizeQuantityText(f.quantity);
  if (LEVEL_RE.test(text)) return `${f.id} is stated only as an order of magnitude (${f.quantity})`;
  const bareScale = !NUMERAL_RE.test(text) && SCALE_RE.test(text);
  const boundFromColumn = (f.qualifier === 'at-least' || f.qualifier === 'over') && parsedQualifier(f.quantity) === 'exact';
  if (bareScale && boundFromColumn) return `${f.id} is stated only as an order of magnitude (${f.quantity})`;
  if (VAGUE_RE.test(text)) return `${f.id} is stated only as a vague amount (${f.quantity})`;
  return null;
}

/**
 * The side `f`'s number bounds when the fact is one-sided: lower for 超 / 以上 / at-least (low
 * set, no high), upper for 不到 / at-most (high set, no low, not 近). Null for points, ranges and
 * 近 v (which reads [0.9 v, v] around its stated number).
 */
export function boundSide(f: Pick<Fact, 'quantity' | 'qualifier' | 'value' | 'low' | 'high'>): BoundSide | null {
  if (f.value === null) return null;
  if (f.low !== null && f.high === null) return 'lower';
  if (f.low === null && f.high !== null && f.qualifier !== 'nearly' && parsedQualifier(f.quantity) !== 'nearly') return 'upper';
  return null;
}
