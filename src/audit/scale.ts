/**
 * Plausibility of unit scales.
 * - scale-mismatch: two rows of the same entity and metric written with the same digits whose
 *   values differ by a power of ten (3890亿 vs 3890B): fail, one scale word is probably wrong.
 * - conversion-ratio: rows that state one quantity in two units (tokens and hours, tokens and
 *   characters) imply a conversion rate; rates of the same kind should agree across rows and
 *   articles. Which rows state one quantity twice is explicit: a metric pair of CONVERSIONS
 *   (`reasoning_length` in tokens and `reasoning_length_chars` in characters), rows of the same
 *   entity and source, and the same id detail after the metric name (`-pretrain` in
 *   `bl-hunyuan-context_length-pretrain` and `bl-hunyuan-context_length_chars-pretrain`; ids
 *   follow `<src>-<entity>-<metric>[-<detail>]`, with `_` and `-` alike). When a metric has a
 *   single row for that entity and source, the detail need not match. A rate whose intervals
 *   miss the reference rate and whose point rate is about a power of ten off fails; one more
 *   than RATIO_SPREAD off warns. Messages quote point rates (the stated values, midpoints of
 *   ranges) so the factor can be redone by hand.
 */
import { median } from 'simple-statistics';
import type { Fact } from '../types';
import * as I from '../metrics/interval';
import { groupBy } from '../metrics/rules/select';
import { factInterval } from '../metrics/tolerance';
import { powerOfTenRatio } from './compare';
import { findingValue, uniq, type Finding } from './findings';
import { formatAmount, scaled, sig } from './numbers';

/** Conversion rates more than this factor apart are a warn. */
export const RATIO_SPREAD = 1.5;

/** Significant written digits of a quantity: `3890亿` and `3890B` -> `389`, `1.13万亿` -> `113`. */
export function writtenDigits(quantity: string): string {
  const m = /\d+(?:\.\d+)?/.exec(quantity);
  return m ? m[0].replace('.', '').replace(/^0+/, '').replace(/0+$/, '') : '';
}

export function checkScaleMismatch(facts: readonly Fact[]): Finding[] {
  const out: Finding[] = [];
  // rows of one entity and metric written with the same digits, by value: only rows of
  // different values can be a power of ten apart, so rows repeating one value are not paired
  const groups = new Map<string, Map<number, Fact[]>>();
  const order = new Map<Fact, number>();
  for (const f of facts) {
    order.set(f, order.size);
    if (f.value === null || f.value === 0) continue;
    const digits = writtenDigits(f.quantity);
    if (digits === '') continue;
    const k = [f.entity, f.metric, f.benchmark ?? '', f.variant ?? '', f.unit, f.currency ?? '', digits].join('|');
    let byValue = groups.get(k);
    if (!byValue) groups.set(k, (byValue = new Map()));
    const list = byValue.get(f.value);
    if (list) list.push(f);
    else byValue.set(f.value, [f]);
  }
  for (const byValue of groups.values()) {
    if (byValue.size < 2) continue;
    const values = [...byValue.keys()];
    const pairs: Array<[Fact, Fact]> = [];
    for (let i = 0; i < values.length; i++) {
      for (let j = i + 1; j < values.length; j++) {
        if (powerOfTenRatio(Math.abs(values[j]), Math.abs(values[i])) === null) continue;
        for (const x of byValue.get(values[i])!) for (const y of byValue.get(values[j])!) pairs.push(order.get(x)! < order.get(y)! ? [x, y] : [y, x]);
      }
    }
    for (const [a, b] of pairs) {
      out.push({
        id: `scale:${a.id}|${b.id}`, kind: 'plausibility', rule: 'scale-mismatch', status: 'fail',
        entities: [a.entity], sources: uniq([a.source, b.source]), inputs: [a.id, b.id],
        stated: findingValue(factInterval(a, 'stated'), a.unit, `${a.quantity} (${a.id})`),
        computed: findingValue(factInterval(b, 'stated'), b.unit, `${b.quantity} (${b.id})`),
        message: `${a.entity} ${a.metric}: ${a.quantity} (${a.id}) = ${formatAmount(a.value!, a.unit, a.currency)} and ${b.quantity} (${b.id}) = ${formatAmount(b.value!, b.unit, b.currency)} differ by a factor of ${sig(Math.max(a.value! / b.value!, b.value! / a.value!))}, so one scale word (亿 vs B, 万亿 vs 千亿) is probably wrong.`,
      });
    }
  }
  return out;
}

/** A quantity stated in two units: the numerator and denominator metrics of its rate. */
export interface UnitConversion {
  num: string;
  den: string;
  /** the rate's name in messages and finding ids, e.g. `characters per token` */
  rate: string;
}

/** Metric pairs that state one quantity in two units. */
export const CONVERSIONS: readonly UnitConversion[] = [
  { num: 'reasoning_length_chars', den: 'reasoning_length', rate: 'characters per token' },
  { num: 'context_length_chars', den: 'context_length', rate: 'characters per token' },
  { num: 'training_tokens', den: 'training_audio_hours', rate: 'tokens per hour' },
];

export interface ConversionPair {
  num: Fact;
  den: Fact;
  rate: string;
  /** num / den on the tolerant readings */
  interval: I.Interval;
  /** num / den on the stated values (midpoints of ranges) */
  point: number;
}

const norm = (s: string): string => s.replace(/-/g, '_');

/** The id part after `<src>-<entity>-<metric>` (`_pretrain`), '' when none, null when the id does not follow the pattern. */
export function idDetail(f: Fact): string | null {
  const prefix = `${f.id.split('-')[0]}-${f.entity}-`;
  if (!f.id.startsWith(prefix)) return null;
  const rest = norm(f.id.slice(prefix.length));
  const metric = norm(f.metric);
  if (rest === metric) return '';
  return rest.startsWith(`${metric}_`) ? rest.slice(metric.length) : null;
}

/** Rows stating one quantity in two units (see CONVERSIONS and the module comment). */
export function conversionPairs(facts: readonly Fact[], conversions: readonly UnitConversion[] = CONVERSIONS): ConversionPair[] {
  const out: ConversionPair[] = [];
  for (const c of conversions) {
    const key = (f: Fact): string => `${f.entity}|${f.source}`;
    const nums = facts.filter((f) => f.metric === c.num && f.value !== null);
    const dens = groupBy(facts.filter((f) => f.metric === c.den && f.value !== null), key);
    const numsByKey = groupBy(nums, key);
    for (const n of nums) {
      const candidates = dens.get(key(n)) ?? [];
      const sameNum = numsByKey.get(key(n)) ?? [];
      const detail = idDetail(n);
      const matched = candidates.filter((d) => detail !== null && idDetail(d) === detail);
      const den = matched.length === 1 ? matched[0]
        : matched.length === 0 && candidates.length === 1 && sameNum.length === 1 ? candidates[0] : null;
      if (!den) continue;
      const dx = factInterval(den, 'tolerant');
      if (dx.lo <= 0 || !(den.value! > 0)) continue;
      out.push({ num: n, den, rate: c.rate, interval: I.div(factInterval(n, 'tolerant'), dx), point: n.value! / den.value! });
    }
  }
  return out;
}

export function checkConversionRatios(facts: readonly Fact[]): Finding[] {
  const out: Finding[] = [];
  for (const [rate, pairs] of groupBy(conversionPairs(facts), (p) => p.rate)) {
    if (pairs.length < 2) continue;
    // reference: the lower of two rates, else the rate nearest the median
    const points = pairs.map((p) => p.point);
    const target = pairs.length === 2 ? Math.min(...points) : median(points);
    const ref = pairs.reduce((a, b) => (Math.abs(b.point - target) < Math.abs(a.point - target) ? b : a));
    const show = (q: ConversionPair): string => {
      const w = I.div(factInterval(q.num, 'stated'), factInterval(q.den, 'stated'));
      const range = I.isPoint(w) ? '' : `, range ${scaled(w.lo)}-${scaled(w.hi)}`;
      return `${q.num.quantity} / ${q.den.quantity} = ${scaled(q.point)} (${q.num.id}${range})`;
    };
    for (const p of pairs) {
      if (p === ref) continue;
      const factor = Math.max(p.point / ref.point, ref.point / p.point);
      const k = powerOfTenRatio(p.point, ref.point);
      const apart = !I.overlaps(p.interval, ref.interval);
      const status = apart && k !== null ? 'fail' : apart && factor > RATIO_SPREAD ? 'warn' : 'pass';
      const [hi, lo] = p.point >= ref.point ? [p, ref] : [ref, p];
      out.push({
        id: `ratio:${p.num.id}|${ref.num.id}`, kind: 'plausibility', rule: 'conversion-ratio', status,
        entities: uniq([p.num.entity, ref.num.entity]), sources: uniq([p.num.source, ref.num.source]),
        inputs: [p.num.id, p.den.id, ref.num.id, ref.den.id],
        stated: findingValue(ref.interval, rate, show(ref)),
        computed: findingValue(p.interval, rate, show(p)),
        message: status === 'pass'
          ? `${rate}: ${show(p)} agrees with ${show(ref)}.`
          : `${rate}: ${show(hi)} against ${show(lo)} is a factor of ${scaled(hi.point)} / ${scaled(lo.point)} = ${sig(factor)}, ${k !== null ? `about 10^${Math.abs(k)}, so a scale word is probably wrong` : `above the factor ${RATIO_SPREAD} allowed between two statements of one rate`}.`,
      });
    }
  }
  return out;
}
