/**
 * Plausibility of unit scales.
 * - scale-mismatch: two rows of the same entity and metric written with the same digits whose
 *   values differ by a power of ten (3890亿 vs 3890B): fail, one scale word is probably wrong.
 * - conversion-ratio: rows that state one quantity in two units (tokens and hours, tokens and
 *   characters) imply a conversion rate; rates of the same unit pair should agree across rows.
 *   A row off the others by a power of ten fails, by more than RATIO_SPREAD warns.
 */
import type { Fact } from '../types';
import * as I from '../metrics/interval';
import { factInterval } from '../metrics/tolerance';
import { powerOfTenRatio } from './compare';
import { findingValue, uniq, type Finding } from './findings';

/** Conversion rates more than this factor apart are a warn. */
export const RATIO_SPREAD = 1.5;

/** Significant written digits of a quantity: `3890亿` and `3890B` -> `389`, `1.13万亿` -> `113`. */
export function writtenDigits(quantity: string): string {
  const m = /\d+(?:\.\d+)?/.exec(quantity);
  return m ? m[0].replace('.', '').replace(/^0+/, '').replace(/0+$/, '') : '';
}

export function checkScaleMismatch(facts: readonly Fact[]): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.value === null || f.value === 0) continue;
    const k = [f.entity, f.metric, f.benchmark ?? '', f.variant ?? '', f.unit, f.currency ?? ''].join('|');
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  for (const rows of groups.values()) {
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        const a = rows[i];
        const b = rows[j];
        const k = powerOfTenRatio(Math.abs(b.value!), Math.abs(a.value!));
        if (k === null || writtenDigits(a.quantity) !== writtenDigits(b.quantity) || writtenDigits(a.quantity) === '') continue;
        out.push({
          id: `scale:${a.id}|${b.id}`, kind: 'plausibility', rule: 'scale-mismatch', status: 'fail',
          entities: [a.entity], sources: uniq([a.source, b.source]), inputs: [a.id, b.id],
          stated: findingValue(factInterval(a, 'stated'), a.unit, `${a.quantity} (${a.id})`),
          computed: findingValue(factInterval(b, 'stated'), b.unit, `${b.quantity} (${b.id})`),
          message: `${a.entity} ${a.metric}: ${a.quantity} = ${a.value} and ${b.quantity} = ${b.value} differ by a factor of 10^${Math.abs(k)}; one scale word (亿 vs B, 万亿 vs 千亿) is probably wrong.`,
        });
      }
    }
  }
  return out;
}

function squash(s: string): string {
  return s.replace(/\s+|\*/g, '');
}

interface Pair { num: Fact; den: Fact; rate: I.Interval }

/** Rows stating one quantity in two units: same entity and source, and shared evidence. */
export function conversionPairs(facts: readonly Fact[]): Pair[] {
  const out: Pair[] = [];
  for (let i = 0; i < facts.length; i++) {
    for (let j = i + 1; j < facts.length; j++) {
      const a = facts[i];
      const b = facts[j];
      if (a.entity !== b.entity || a.source !== b.source || a.unit === b.unit) continue;
      if (a.unit === 'money' || b.unit === 'money' || a.value === null || b.value === null) continue;
      const ea = squash(a.evidence);
      const eb = squash(b.evidence);
      const linked = ea === eb || ea.includes(squash(b.quantity)) || eb.includes(squash(a.quantity));
      if (!linked) continue;
      const [num, den] = a.unit < b.unit ? [a, b] : [b, a];
      const dx = factInterval(den, 'tolerant');
      if (dx.lo <= 0) continue;
      out.push({ num, den, rate: I.div(factInterval(num, 'tolerant'), dx) });
    }
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function checkConversionRatios(facts: readonly Fact[]): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, Pair[]>();
  for (const p of conversionPairs(facts)) {
    const k = `${p.num.unit}/${p.den.unit}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  for (const [unitPair, pairs] of groups) {
    if (pairs.length < 2) continue;
    const mids = pairs.map((p) => I.mid(p.rate));
    const ref = pairs.length === 2 ? Math.min(...mids) : median(mids);
    const refPair = pairs[mids.indexOf(pairs.length === 2 ? ref : mids.reduce((a, b) => (Math.abs(b - ref) < Math.abs(a - ref) ? b : a)))];
    for (const p of pairs) {
      if (p === refPair) continue;
      const factor = Math.max(I.mid(p.rate) / I.mid(refPair.rate), I.mid(refPair.rate) / I.mid(p.rate));
      const k = powerOfTenRatio(I.mid(p.rate), I.mid(refPair.rate));
      const apart = !I.overlaps(p.rate, refPair.rate);
      const status = apart && k !== null ? 'fail' : apart && factor > RATIO_SPREAD ? 'warn' : 'pass';
      const show = (q: Pair): string => `${q.num.quantity} / ${q.den.quantity} = ${I.formatInterval(q.rate)} ${unitPair}`;
      out.push({
        id: `ratio:${p.num.id}|${refPair.num.id}`, kind: 'plausibility', rule: 'conversion-ratio', status,
        entities: uniq([p.num.entity, refPair.num.entity]), sources: uniq([p.num.source, refPair.num.source]),
        inputs: [p.num.id, p.den.id, refPair.num.id, refPair.den.id],
        stated: findingValue(refPair.rate, unitPair, show(refPair)),
        computed: findingValue(p.rate, unitPair, show(p)),
        message: status === 'pass'
          ? `${unitPair}: ${show(p)} agrees with ${show(refPair)}.`
          : `${unitPair}: ${show(p)} (${p.num.entity}) against ${show(refPair)} (${refPair.num.entity}), a factor of ${Number(factor.toPrecision(3))}${k !== null ? ` (about 10^${Math.abs(k)}: a scale word is probably wrong)` : ''}.`,
      });
    }
  }
  return out;
}
