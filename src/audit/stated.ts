/**
 * The `stated` and `tolerance` columns of claims.csv as an interval.
 *
 * stated: a quantity parseQuantity reads (`约25倍`, `8.4倍`, `超50%`, `10-20倍`, `1/3`, `5GB`),
 * read with the qualifier tolerance of metrics/tolerance (`tolerant` reading); or a comparison
 * `>x`, `>=x`, `<x`, `<=x` for claims that state only a direction ("rises" is `>0`); or a fact
 * id (`tmt-stepfun-open_platform_api_calls_growth`) when the claimed result is itself a row of
 * the fact tables (read by ./derivation with the fact's tolerance, see `isStatedFactId`).
 * `>` and `<` exclude their bound (`>0` is not met by 0); `>=`, `<=` and the quantities
 * (`超50%`, `80%以上`) include it.
 *
 * An order of magnitude (`亿元级别`, `百万级`) is the class [S, 10S): its ends are where the
 * class begins and where the next one begins, not rounded numbers, so no qualifier tolerance
 * widens them and 10S itself (十亿, the start of 十亿级别) is excluded.
 *
 * tolerance (optional) replaces the qualifier tolerance: `10%` widens the stated bounds by 10%
 * of their size, `±0.5` (or `+-0.5`) by 0.5 in the claim's unit, `0` means the bounds as stated.
 */
import { parseQuantity } from '../units/parse';
import { interval, widenAbsolute, widenRelative, type Interval } from '../metrics/interval';
import { quantityInterval } from '../metrics/tolerance';
import { isOrderOfMagnitude } from '../metrics/rules/statedNumber';
import { CLOSED, type Ends } from './compare';

const CMP_RE = /^(>=|<=|>|<|≥|≤)\s*(.+)$/;

export interface StatedReading {
  interval: Interval;
  /** the bounds as written, before any tolerance (`5GB` -> [5e9, 5e9], `>=100%` -> [100, +inf)) */
  written: Interval;
  /** how the stated text was read, for messages */
  reading: string;
  /** finite ends of `interval` that do not meet the statement (`>0`: 0; `亿元级别`: 10亿) */
  ends: Ends;
}

const FACT_ID_RE = /^[a-z][a-z0-9]*(?:-[a-z0-9_.]+)+$/;

/** Whether `stated` names a fact (a lowercase id with hyphens) rather than a quantity. */
export function isStatedFactId(stated: string): boolean {
  return FACT_ID_RE.test(stated.trim());
}

export function parseTolerance(text: string): { kind: 'relative' | 'absolute'; amount: number } {
  const t = text.trim();
  let m = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (m) return { kind: 'relative', amount: Number(m[1]) / 100 };
  m = /^(?:±|\+-|\+\/-)(\d+(?:\.\d+)?)$/.exec(t);
  if (m) return { kind: 'absolute', amount: Number(m[1]) };
  if (/^0+(\.0+)?$/.test(t)) return { kind: 'absolute', amount: 0 };
  throw new Error(`bad tolerance '${text}' (use 10%, ±0.5 or 0)`);
}

/** Interval of a claim's stated value; throws with the reason when it cannot be read. */
export function statedInterval(stated: string, tolerance?: string | null): StatedReading {
  const s = stated.trim();
  const cmp = CMP_RE.exec(s);
  if (cmp) {
    const q = parseQuantity(cmp[2]);
    const v = q.value;
    const op = cmp[1];
    const above = op === '>' || op === '>=' || op === '≥';
    const iv = above ? interval(v, null) : interval(null, v);
    const ends: Ends = { lo: op === '>', hi: op === '<' };
    return { interval: iv, written: iv, reading: `${op} ${v}`, ends };
  }
  const q = parseQuantity(s);
  if (q.low !== null && q.high !== null && q.low > q.high) throw new Error(`reversed range '${stated}'`);
  const base = quantityInterval({ quantity: s, value: q.value, low: q.low, high: q.high, qualifier: q.qualifier }, 'stated');
  if (tolerance && tolerance.trim() !== '') {
    const tol = parseTolerance(tolerance);
    const iv = tol.kind === 'relative' ? widenRelative(base, tol.amount) : widenAbsolute(base, tol.amount);
    return { interval: iv, written: base, reading: `${q.qualifier}, tolerance ${tolerance.trim()}`, ends: CLOSED };
  }
  if (isOrderOfMagnitude(s)) return { interval: base, written: base, reading: 'order of magnitude', ends: { lo: false, hi: true } };
  const iv = quantityInterval({ quantity: s, value: q.value, low: q.low, high: q.high, qualifier: q.qualifier }, 'tolerant');
  return { interval: iv, written: base, reading: q.qualifier, ends: CLOSED };
}
