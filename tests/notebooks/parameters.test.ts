import { describe, expect, it } from 'vitest';
import { parameters, parseParamArg, PARAMS_ENV, runParameters } from '../../src/notebooks/parameters';

const env = (o: Record<string, unknown>) => ({ [PARAMS_ENV]: JSON.stringify(o) });

describe('notebook parameters', () => {
  it('are the defaults without a run value', () => {
    expect(parameters({ USDCNY: null as number | null, YEARS: 3 }, { show: false, env: {} })).toEqual({ USDCNY: null, YEARS: 3 });
  });

  it('take the run values with the type of the default, and ignore parameters the notebook lacks', () => {
    const p = parameters({ USDCNY: null as number | null, YEARS: 3, RATES: [7], CURRENCY: 'USD' }, {
      show: false, env: env({ USDCNY: '7.2', YEARS: '2', RATES: '6.8, 7.4', CURRENCY: 'CNY', OTHER: '1' }),
    });
    expect(p).toEqual({ USDCNY: 7.2, YEARS: 2, RATES: [6.8, 7.4], CURRENCY: 'CNY' });
  });

  it('reject values that do not fit, naming the parameter', () => {
    expect(() => parameters({ YEARS: 3 }, { show: false, env: env({ YEARS: 'three' }) })).toThrow("parameter YEARS: 'three' is not a number");
    expect(() => runParameters({ [PARAMS_ENV]: '[1]' })).toThrow(/must be a JSON object/);
  });

  it('--param NAME=VALUE', () => {
    expect(parseParamArg('USDCNY=7.2')).toEqual(['USDCNY', '7.2']);
    expect(() => parseParamArg('7.2')).toThrow("--param needs NAME=VALUE (e.g. USDCNY=7.2), got '7.2'");
  });
});
