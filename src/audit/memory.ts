/**
 * Plausibility: stated memory of a model against the weight memory its parameter count needs
 * at the stated precision (bytes per parameter: fp32 4, bf16/fp16 2, fp8/int8 1, int4 0.5).
 * Below what the active parameters alone need: fail; below the total-parameter need but above
 * the active need: warn (possible only with offloading); otherwise pass.
 */
import type { Fact } from '../types';
import { groupBy } from '../data/group';
import { factInterval } from '../metrics/tolerance';
import { BYTES_PER_PARAMETER, type Precision, weightMemoryBytes } from '../metrics/models';
import { findingValue, uniq, type Finding } from './findings';
import { sig } from './numbers';

const PRECISION_RE = /\b(fp32|bf16|fp16|fp8|int8|int4)\b/i;

/** Precision named by a memory fact (metric, quantity, evidence or note); null when none. */
export function factPrecision(f: Fact): Precision | null {
  for (const t of [f.metric.replace(/_/g, ' '), f.quantity, f.evidence, f.note ?? '']) {
    const m = PRECISION_RE.exec(t);
    if (m) return m[1].toLowerCase() as Precision;
  }
  return null;
}

function gb(x: number): string {
  return `${Number((x / 1e9).toPrecision(4))}GB`;
}

export function checkMemory(facts: readonly Fact[]): Finding[] {
  const out: Finding[] = [];
  const memory = facts.filter((f) => f.unit === 'bytes' && /memory|vram/.test(f.metric));
  // parameter counts by entity, looked up per memory row (one pass over the facts)
  const counts = groupBy(facts.filter((f) => f.metric === 'total_parameters' || f.metric === 'active_parameters'), (f) => `${f.metric}|${f.entity}`);
  for (const m of memory) {
    const precision = factPrecision(m);
    const mx = factInterval(m, 'tolerant');
    const totals = counts.get(`total_parameters|${m.entity}`) ?? [];
    const actives = counts.get(`active_parameters|${m.entity}`) ?? [];
    if (!precision || totals.length === 0) {
      out.push({
        id: `memory:${m.id}`, kind: 'plausibility', rule: 'memory-vs-parameters', status: 'unverifiable',
        entities: [m.entity], sources: [m.source], inputs: [m.id], stated: findingValue(mx, 'bytes', m.quantity), computed: null,
        message: `${m.id} states ${m.quantity} but ${!precision ? 'names no precision' : `no parameter count of ${m.entity} is given`}.`,
      });
      continue;
    }
    const t = totals[0];
    const need = weightMemoryBytes(factInterval(t, 'stated'), precision);
    const a = actives[0];
    const needActive = a ? weightMemoryBytes(factInterval(a, 'stated'), precision) : null;
    let status: Finding['status'] = 'pass';
    if (mx.hi < need.lo) status = needActive && mx.hi >= needActive.lo ? 'warn' : 'fail';
    const bpp = BYTES_PER_PARAMETER[precision];
    const activeText = needActive && a ? `, and even the ${a.quantity} active parameters need ${gb(needActive.lo)}` : '';
    out.push({
      id: `memory:${m.id}`, kind: 'plausibility', rule: 'memory-vs-parameters', status,
      entities: [m.entity], sources: uniq([m.source, t.source, ...(a ? [a.source] : [])]),
      inputs: [m.id, t.id, ...(a ? [a.id] : [])],
      stated: findingValue(mx, 'bytes', `${m.quantity} (${precision})`),
      computed: findingValue(need, 'bytes', `${t.quantity} x ${bpp} byte = ${gb(need.lo)}`),
      message: status === 'pass'
        ? `${m.entity} at ${precision}: ${m.quantity} stated, ${t.quantity} x ${bpp} byte = ${gb(need.lo)} of weights needed; consistent.`
        : `${m.entity} at ${precision}: ${m.quantity} stated, but ${t.quantity} parameters x ${bpp} byte need ${gb(need.lo)} of weights (${gb(need.lo)} / ${m.quantity} = ${sig(need.lo / (m.value ?? mx.hi))}x the stated value)${activeText}.`,
    });
  }
  return out;
}

