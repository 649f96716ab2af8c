/**
 * Currency conversion for charts that put amounts in different currencies on one axis,
 * with the FX assumption src/units chooses for the fact (fxDate: a flow's period midpoint, a stock's as_of).
 * The ids of the rates used are collected for the chart's subtitle.
 */
import type { Fact } from '../types';
import { fxRateFor, isCurrency } from '../units/currency';
import type { ChartContext } from './context';

export class FxCollector {
  readonly used = new Set<string>();

  constructor(private readonly ctx: Pick<ChartContext, 'assumptions'>, readonly chart: string, readonly to: 'CNY' | 'USD' | 'HKD') {}

  /** Factor turning the fact's amount into the target currency. */
  factor(f: Pick<Fact, 'id' | 'currency' | 'as_of' | 'period_start' | 'period_end'>): number {
    if (!f.currency || !isCurrency(f.currency)) throw new Error(`chart '${this.chart}': fact '${f.id}' has no currency`);
    if (f.currency === this.to) return 1;
    const r = fxRateFor(f, f.currency, this.to, this.ctx.assumptions);
    this.used.add(r.assumption);
    return r.rate;
  }

  /** Subtitle line naming the rates used. */
  note(): string {
    return this.used.size ? `Converted to ${this.to} with FX assumptions: ${[...this.used].sort().join(', ')}` : `All amounts stated in ${this.to}`;
  }
}
