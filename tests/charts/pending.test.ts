import { describe, expect, it } from 'vitest';
import { fundingSpec } from '../../src/charts/funding';
import { isExpected, splitExpected } from '../../src/charts/pending';
import { valuationsSpec } from '../../src/charts/valuations';
import { loadReportData } from '../../src/report/load';

type Spec = { description: string; data?: { values: Array<Record<string, unknown>> }; vconcat?: Array<{ data: { values: Array<Record<string, unknown>> } }> };
const rowsOf = (s: Spec) => [...(s.data?.values ?? []), ...(s.vconcat ?? []).flatMap((v) => v.data.values)];

describe('expected events are not drawn as completed', () => {
  const ctx = loadReportData({});

  it('splits forecast and target facts from the rest', () => {
    const { done, expected } = splitExpected([{ qualifier: 'over' }, { qualifier: 'forecast' }, { qualifier: 'target' }, { qualifier: 'exact' }] as const);
    expect(done.map((f) => f.qualifier)).toEqual(['over', 'exact']);
    expect(expected.map((f) => f.qualifier)).toEqual(['forecast', 'target']);
    expect(isExpected({ qualifier: 'estimate' })).toBe(false);
  });

  it("leaves Moonshot's pending round out of the funding chart and names it in the caption", () => {
    const spec = fundingSpec(ctx) as unknown as Spec;
    expect(rowsOf(spec).some((r) => String(r.fact_id ?? '').includes('stepfun'))).toBe(true);
    expect(rowsOf(spec).some((r) => String(r.fact_id ?? '').includes('qb-moonshot-funding_amount'))).toBe(false);
    expect(spec.description).toContain('Not drawn: rounds that are expected, not completed: qb-moonshot-funding_amount-reported (forecast)');
  });

  it('leaves the valuation the pending round is expected to bring out of the valuations chart', () => {
    const spec = valuationsSpec(ctx) as unknown as Spec;
    expect(rowsOf(spec).some((r) => String(r.fact_id ?? '').includes('stepfun'))).toBe(true);
    expect(rowsOf(spec).some((r) => String(r.fact_id ?? '').includes('qb-moonshot-valuation'))).toBe(false);
    expect(spec.description).toContain('qb-moonshot-valuation-post-money-reported (forecast)');
  });
});
