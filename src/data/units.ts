/**
 * The closed list of unit names of the `unit` columns (fact tables and claims.csv), and the
 * currency-pair units of FX assumptions. Documented in data/README.md ("Units"); a new kind of
 * quantity needs a name added here first.
 */
import { CURRENCIES } from '../units';
import type { Currency } from '../types';

/**
 * Every unit a fact or a claim may carry, with what it counts. Amounts of money carry their
 * currency in the `currency` column; counts of things name the thing (`vehicles`, `users`);
 * `count` is for things the article counts without naming a unit (次, 个, 笔).
 */
export const UNITS = {
  money: 'an amount of money (currency column: CNY, USD or HKD)',
  'money/token': 'a price per token (currency column: CNY, USD or HKD)',
  percent: 'a percentage, kept in percent (96.11% is 96.11)',
  multiple: 'a factor (25倍 is 25)',
  score: 'benchmark points (97.3分)',
  rank: 'a place in a ranking',
  parameters: 'model parameters',
  tokens: 'tokens',
  'tokens/s': 'tokens per second',
  characters: 'written characters (字)',
  bytes: 'bytes (5GB is 5e9)',
  seconds: 'seconds',
  hours: 'hours',
  date: 'a calendar date, in days since 1970-01-01 (2025年7月31日; a month 2023年4月 is the range of its days)',
  months: 'months',
  years: 'years',
  count: 'things counted without a unit of their own (次, 个, 笔)',
  devices: 'devices (台)',
  vehicles: 'vehicles (辆)',
  users: 'users (人, 用户)',
  visits: 'person-visits (人次): one person served once, counted again on every visit',
  people: 'named people',
  companies: 'companies',
  requests: 'requests, calls',
  downloads: 'downloads',
  models: 'models (款)',
  rounds: 'funding rounds',
  samples: 'training samples',
  stars: 'GitHub stars',
  terminals: 'terminal categories',
  directions: 'named directions of a plan',
} as const satisfies Record<string, string>;

export type UnitName = keyof typeof UNITS;

/** The unit names, in the order above. */
export const UNIT_NAMES = Object.keys(UNITS) as UnitName[];

/** Whether `unit` is one of UNIT_NAMES. */
export function isUnitName(unit: string): unit is UnitName {
  return Object.prototype.hasOwnProperty.call(UNITS, unit);
}

/** Message for a unit outside the list. */
export function unknownUnitMessage(unit: string): string {
  return `'${unit}' is not a known unit (known: ${UNIT_NAMES.join(', ')}; new units are added in src/data/units.ts)`;
}

/** A currency-pair unit `QUOTE/BASE` of an FX assumption: the value is QUOTE per 1 BASE. */
export interface CurrencyPair {
  quote: Currency;
  base: Currency;
}

/** `CNY/USD` -> { quote: CNY, base: USD }; null for anything else (same currency twice too). */
export function currencyPair(unit: string): CurrencyPair | null {
  const m = /^([A-Z]{3})\/([A-Z]{3})$/.exec(unit);
  if (!m) return null;
  const [quote, base] = [m[1], m[2]] as [Currency, Currency];
  if (!CURRENCIES.includes(quote) || !CURRENCIES.includes(base) || quote === base) return null;
  return { quote, base };
}
