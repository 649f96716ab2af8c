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

  /** Caption line naming each rate used with its value and date: `USD/CNY 7.00 (2026-01)`. */
  note(): string {
    if (!this.used.size) return `All amounts stated in ${this.to}`;
    const rates = [...this.used].sort().map((id) => rateName(this.ctx.assumptions.find((a) => a.id === id), id));
    return `Converted to ${this.to} at ${rates.join(', ')}, each amount at the rate for its own date (assumptions, not article figures)`;
  }
}

/**
 * An FX assumption as a market quote: a rate in CNY per USD is `USD/CNY 7.00 (2026-01)` (one USD
 * costs 7.00 CNY), with its id when the assumption is missing or its unit is not a currency pair.
 */
export function rateName(a: { value: number; unit: string; as_of: string | null } | undefined, id: string): string {
  const pair = a ? /^([A-Z]{3})\/([A-Z]{3})$/.exec(a.unit) : null;
  if (!a || !pair) return id;
  const rate = a.value >= 1 ? a.value.toFixed(2) : String(Number(a.value.toPrecision(3)));
  return `${pair[2]}/${pair[1]} ${rate}${a.as_of ? ` (${a.as_of})` : ''}`;
}
