/**
 * Unit words of Chinese coverage and the base unit they imply. `factor` converts the written
 * unit to the base unit (毫秒 -> seconds x 0.001). Money words also name the currency.
 */
import type { Currency } from '../types';

export interface UnitWord {
  unit: string;
  currency?: Currency;
  factor?: number;
}

/** Currency words, longest first. */
export const CURRENCY_WORDS: Array<[string, Currency]> = ([
  ['元人民币', 'CNY'], ['人民币元', 'CNY'], ['人民币', 'CNY'], ['元', 'CNY'], ['RMB', 'CNY'], ['CNY', 'CNY'],
  ['美元', 'USD'], ['美金', 'USD'], ['USD', 'USD'],
  ['港元', 'HKD'], ['港币', 'HKD'], ['HKD', 'HKD'],
] as Array<[string, Currency]>).sort((a, b) => b[0].length - a[0].length);

const WORDS: Record<string, UnitWord> = {
  参数: { unit: 'parameters' }, 参数量: { unit: 'parameters' }, 个参数: { unit: 'parameters' },
  激活参数: { unit: 'parameters' }, 激活: { unit: 'parameters' }, 总参数: { unit: 'parameters' }, 总参数量: { unit: 'parameters' },
  辆: { unit: 'vehicles' },
  台: { unit: 'devices' },
  token: { unit: 'tokens' }, tokens: { unit: 'tokens' }, 上下文: { unit: 'tokens' }, 个token: { unit: 'tokens' },
  'token/s': { unit: 'tokens/s' }, 'tokens/s': { unit: 'tokens/s' }, 'token/秒': { unit: 'tokens/s' },
  'tokens/秒': { unit: 'tokens/s' }, 'tok/s': { unit: 'tokens/s' },
  '%': { unit: 'percent' },
  倍: { unit: 'multiple' },
  次: { unit: 'count' }, 人次: { unit: 'count' }, 个: { unit: 'count' }, 笔: { unit: 'count' },
  家: { unit: 'count' }, 条: { unit: 'count' }, 项: { unit: 'count' },
  款: { unit: 'models' }, 个模型: { unit: 'models' },
  用户: { unit: 'users' }, 名用户: { unit: 'users' }, 人: { unit: 'users' },
  次请求: { unit: 'requests' }, 请求: { unit: 'requests' },
  秒: { unit: 'seconds' }, 毫秒: { unit: 'seconds', factor: 0.001 },
  小时: { unit: 'hours' }, 年: { unit: 'years' }, 个月: { unit: 'months' }, 岁: { unit: 'years' },
  分: { unit: 'score' }, 名: { unit: 'rank' },
  字: { unit: 'characters' },
  星: { unit: 'stars' },
  GB: { unit: 'bytes', factor: 1e9 },
};

/** Base unit implied by a unit word (after the number and scale), or undefined. */
export function lookupUnitWord(word: string): UnitWord | undefined {
  if (Object.prototype.hasOwnProperty.call(WORDS, word)) return WORDS[word];
  const lower = word.toLowerCase();
  if (Object.prototype.hasOwnProperty.call(WORDS, lower) && /token/.test(lower)) return WORDS[lower];
  return undefined;
}

/** Units whose values are not counts of things: a `count` word never matches them. */
const NON_COUNT_UNITS = new Set([
  'money', 'money/token', 'percent', 'multiple', 'tokens/s', 'seconds', 'hours', 'months', 'years', 'date',
  'score', 'rank', 'parameters', 'tokens', 'bytes', 'characters',
]);

/**
 * Whether a unit implied by the quantity text agrees with the unit column. Equal units agree;
 * the generic `count` (次, 个, 笔, ...) agrees with any unit that counts things (users,
 * requests, rounds, models, ...), in either direction.
 */
export function unitsCompatible(parsed: string, column: string): boolean {
  if (parsed === column) return true;
  if (parsed === 'count' || column === 'count') {
    return !NON_COUNT_UNITS.has(parsed) && !NON_COUNT_UNITS.has(column);
  }
  return false;
}
