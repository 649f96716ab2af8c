/** Currency conversion of intervals through the dated FX assumptions. */
import type { Assumption, Currency } from '../types';
import { fxRate } from '../units/currency';
import { scale, type Interval } from './interval';

export interface Converted {
  value: Interval;
  /** id of the FX assumption used; null when no conversion was needed */
  assumption: string | null;
  rate: number;
}

/** `x` in `from` expressed in `to` with the rate chosen for `asOf` (see units/currency). */
export function convertInterval(
  x: Interval, from: Currency, to: Currency, assumptions: readonly Assumption[], asOf?: string | null,
): Converted {
  if (from === to) return { value: x, assumption: null, rate: 1 };
  const fx = fxRate(from, to, assumptions, asOf ?? undefined);
  return { value: scale(x, fx.rate), assumption: fx.assumption, rate: fx.rate };
}
