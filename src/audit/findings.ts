/**
 * Audit findings. `stated` and `computed` are value objects: a readable `text` plus the
 * interval bounds (`low` / `high`, null when open) and the unit, so JSON consumers get numbers
 * and the table gets text. Every warn / fail message is one sentence with the numbers needed
 * to redo the check by hand.
 */
import { formatInterval, interval, intervalJson, type Interval } from '../metrics/interval';

export type FindingKind = 'derivation' | 'conflict' | 'plausibility';
export type FindingStatus = 'pass' | 'warn' | 'fail' | 'unverifiable';
export const FINDING_STATUSES: readonly FindingStatus[] = ['fail', 'warn', 'unverifiable', 'pass'];

export interface FindingValue {
  text: string;
  low: number | null;
  high: number | null;
  unit: string | null;
}

export interface Finding {
  id: string;
  kind: FindingKind;
  /** the check that produced it (e.g. `claim`, `cross-check`, `value-conflict`, `conversion-ratio`) */
  rule: string;
  status: FindingStatus;
  entities: string[];
  sources: string[];
  /** fact and assumption ids the check used */
  inputs: string[];
  stated: FindingValue | null;
  computed: FindingValue | null;
  message: string;
}

/** Value object from an interval; `text` defaults to the interval written out. */
export function findingValue(x: Interval, unit: string | null, text?: string): FindingValue {
  const j = intervalJson(x);
  return { text: text ?? `${formatInterval(x)}${unit ? ` ${unit}` : ''}`, low: j.low, high: j.high, unit };
}

/** The interval of a value object. */
export function valueInterval(v: FindingValue): Interval {
  return interval(v.low, v.high);
}

export function uniq(xs: Iterable<string>): string[] {
  return [...new Set(xs)].sort();
}

/** Counts per status. */
export function summarize(findings: readonly Finding[]): Record<FindingStatus, number> {
  const out: Record<FindingStatus, number> = { pass: 0, warn: 0, fail: 0, unverifiable: 0 };
  for (const f of findings) out[f.status]++;
  return out;
}
