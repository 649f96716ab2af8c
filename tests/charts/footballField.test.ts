import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { footballFieldSpec } from '../../src/charts/footballField';
import { assertValidSpec } from '../../src/charts/validate';
import { loadReportData } from '../../src/report/load';

const data = loadReportData({ dataDir: join(__dirname, '..', '..', 'data') });
type Band = { company: string; method: string; lo: number | null; hi: number | null; at: number; bar: boolean; text: string; detail: string };
const spec = footballFieldSpec(data) as unknown as { data: { values: Band[] } };
const band = (company: string, method: string) => spec.data.values.find((b) => b.company === company && b.method === method)!;

describe('football field', () => {
  it('is a valid vega-lite spec', () => {
    expect(() => assertValidSpec(spec, 'football-field')).not.toThrow();
  });

  it('draws the reported range and the multiples on revenue, in USD billion', () => {
    const reported = band('StepFun', 'as reported');
    // 200-300亿 CNY / 7.00 = USD 2.857–4.286bn
    expect(reported.lo).toBeCloseTo(2.85714, 4);
    expect(reported.hi).toBeCloseTo(4.28571, 4);
    expect(reported.bar).toBe(true);
    expect(reported.detail).toMatch(/^post-money, 200-300亿元/);
    // 10亿 CNY / 7.15 = USD 0.13986bn x 25 (target-ps-multiple) = USD 3.497bn
    expect(band('StepFun', 'revenue x target multiple').at).toBeCloseTo(3.4965, 3);
    // peers' stated P/S: 39-41x (OpenAI, Anthropic) to 80-100x (mid-tier): 0.13986 x 39 = 5.45, x 100 = 13.99
    const peer = band('StepFun', 'revenue x peer P/S');
    expect([peer.lo, peer.hi]).toEqual([expect.closeTo(5.4545, 3), expect.closeTo(13.986, 2)]);
  });

  it('marks listed market caps and open bounds', () => {
    const z = band('Zhipu AI', 'as reported');
    // 突破3000亿港元 x 0.128 = USD 38.4bn, open above: a point labelled ≥
    expect(z).toMatchObject({ lo: 38.4, hi: null, bar: false, text: '≥ USD 38.4bn' });
    expect(z.detail).toMatch(/^market cap/);
    // Moonshot: analyst estimate USD 200m x 25 = USD 5bn
    expect(band('Moonshot AI', 'revenue x target multiple').text).toBe('USD 5.00bn');
    // its only valuation is the expected post-money of a pending round (forecast): labelled so
    expect(band('Moonshot AI', 'as reported').detail).toMatch(/^post-money \(expected: forecast, not completed\)/);
  });
});
