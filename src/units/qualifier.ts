/**
 * Qualifier words of Chinese coverage (simplified script; normalise traditional text first):
 * 超/超过/逾/突破 over, 约/大约/左右 approx, 近/将近/接近 nearly, 至少/不少于 at-least,
 * 不到/不足/不超过 at-most, 前 (top N: 前八 = rank 8 or better) at-most, 过/过半 over, trailing 以上/多/余/+ over, trailing 以下/以内 at-most.
 * Neutral words (达, 高达, 仅, 共, 累计, ...) carry no qualifier and are skipped.
 */
import type { Qualifier } from '../types';

/** Prefix words, longest first so that 不超过 wins over 超过. */
const PREFIX_WORDS: Array<[string, Qualifier | null]> = ([
  ['超过', 'over'], ['超出', 'over'], ['超', 'over'], ['逾', 'over'], ['多于', 'over'], ['高于', 'over'],
  ['大于', 'over'], ['突破', 'over'], ['过', 'over'],
  ['大约', 'approx'], ['大概', 'approx'], ['约为', 'approx'], ['约', 'approx'], ['约合', 'approx'],
  ['接近', 'nearly'], ['将近', 'nearly'], ['近', 'nearly'],
  ['至少', 'at-least'], ['最少', 'at-least'], ['不少于', 'at-least'], ['不低于', 'at-least'],
  ['不到', 'at-most'], ['不足', 'at-most'], ['少于', 'at-most'], ['低于', 'at-most'], ['不超过', 'at-most'],
  ['至多', 'at-most'], ['最多', 'at-most'], ['前', 'at-most'],
  ['最高可达', null], ['最高达', null], ['高达', null], ['达到', null], ['达', null], ['仅为', null],
  ['仅', null], ['只有', null], ['第', null], ['共计', null], ['共', null], ['合计', null], ['累计', null], ['为', null],
] as Array<[string, Qualifier | null]>).sort((a, b) => b[0].length - a[0].length);

const SUFFIX_WORDS: Array<[string, Qualifier]> = [
  ['左右', 'approx'], ['上下', 'approx'], ['以上', 'over'], ['以下', 'at-most'], ['以内', 'at-most'], ['+', 'over'],
];

/** Words between the number and its unit: 30多款, 100余万, 600+ (over). */
export const INFIX_OVER = ['多', '余', '+'];

export interface Stripped {
  rest: string;
  qualifier: Qualifier | null;
}

function merge(text: string, a: Qualifier | null, b: Qualifier | null): Qualifier | null {
  if (a && b && a !== b) throw new Error(`conflicting qualifiers '${a}' and '${b}' in '${text}'`);
  return a ?? b;
}

/** Removes leading qualifier and neutral words; returns the qualifier they state. */
export function stripPrefixQualifier(text: string): Stripped {
  let rest = text;
  let qualifier: Qualifier | null = null;
  for (let guard = 0; guard < 4; guard++) {
    const hit = PREFIX_WORDS.find(([w]) => rest.startsWith(w) && rest.length > w.length);
    if (!hit) break;
    qualifier = merge(text, qualifier, hit[1]);
    rest = rest.slice(hit[0].length);
  }
  return { rest, qualifier };
}

/** Removes trailing qualifier words (左右, 以上, ...); returns the qualifier they state. */
export function stripSuffixQualifier(text: string): Stripped {
  let rest = text;
  let qualifier: Qualifier | null = null;
  for (let guard = 0; guard < 3; guard++) {
    const hit = SUFFIX_WORDS.find(([w]) => rest.endsWith(w) && rest.length > w.length);
    if (!hit) break;
    qualifier = merge(text, qualifier, hit[1]);
    rest = rest.slice(0, rest.length - hit[0].length);
  }
  return { rest, qualifier };
}

/** Combines qualifiers found in different places; throws when they contradict each other. */
export function combineQualifiers(text: string, ...qs: Array<Qualifier | null>): Qualifier | null {
  return qs.reduce<Qualifier | null>((acc, q) => merge(text, acc, q), null);
}

/**
 * Interval bounds implied by a qualifier for a stated value v: over / at-least -> [v, none),
 * nearly / at-most -> (none, v], everything else -> [v, v].
 */
export function boundsFor(qualifier: Qualifier, v: number): { low: number | null; high: number | null } {
  switch (qualifier) {
    case 'over':
    case 'at-least':
      return { low: v, high: null };
    case 'nearly':
    case 'at-most':
      return { low: null, high: v };
    default:
      return { low: v, high: v };
  }
}
