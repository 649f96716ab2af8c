/** Benchmark and model-size arithmetic. */
import { div, scale, sub, type Interval } from './interval';

/** Score gap a - b (points, or percentage points for percent scores). */
export function scoreGap(a: Interval, b: Interval): Interval {
  return sub(a, b);
}

/** Gain of a variant run (e.g. PaCoRe parallel reasoning) over the base run. */
export function variantGain(variant: Interval, base: Interval): Interval {
  return sub(variant, base);
}

/** Active parameters as a percent of total parameters. */
export function activeShare(total: Interval, active: Interval): Interval {
  return scale(div(active, total), 100);
}

/** Total over active parameters (the "parameter efficiency" factor of an MoE model). */
export function sparsityFactor(total: Interval, active: Interval): Interval {
  return div(total, active);
}

/** Bytes per parameter of the usual precisions. */
export const BYTES_PER_PARAMETER = {
  fp32: 4,
  bf16: 2,
  fp16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5,
} as const;
export type Precision = keyof typeof BYTES_PER_PARAMETER;

export function isPrecision(text: string): text is Precision {
  return Object.prototype.hasOwnProperty.call(BYTES_PER_PARAMETER, text);
}

/** Bytes needed to hold `parameters` weights at `precision` (weights only; no KV cache). */
export function weightMemoryBytes(parameters: Interval, precision: Precision): Interval {
  const b = BYTES_PER_PARAMETER[precision];
  if (b === undefined) throw new Error(`unknown precision '${precision as string}'`);
  return scale(parameters, b);
}
