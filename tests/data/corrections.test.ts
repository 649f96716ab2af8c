/**
 * Rows whose meaning or period was corrected after a check against the articles, and the
 * statements added then: each pinned with the value or date computed by hand.
 */
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/data';
import { checkConflicts } from '../../src/audit/conflicts';
import { computeDerived } from '../../src/metrics/derived';
import type { Fact } from '../../src/types';

const ds = readDataset();
const byId = new Map(ds.facts.map((f) => [f.id, f]));
const fact = (id: string): Fact => {
  const f = byId.get(id);
  if (!f) throw new Error(`no fact ${id}`);
  return f;
};
const pick = (f: Fact, ...keys: Array<keyof Fact>): unknown[] => keys.map((k) => f[k] ?? null);

describe('person-visits are not users', () => {
  const visits = ['qb-step-gui-daily_visits', 'tmt-stepfun-daily_visits', 'ne-stepfun-daily_visits'];
  it('日均服务近2000万人次 is daily_visits in visits, one event across Step-GUI and StepFun', () => {
    for (const id of visits) {
      // 近2000万 = 2000 x 1e4 = 2e7, open below
      expect(pick(fact(id), 'metric', 'unit', 'value', 'high', 'qualifier', 'event')).toEqual(
        ['daily_visits', 'visits', 2e7, 2e7, 'nearly', 'stepfun-phone-daily-visits']);
    }
    expect(ds.facts.filter((f) => f.metric === 'daily_users')).toEqual([]);
  });
  it('超4200万台 installs are one event across Step-GUI and StepFun', () => {
    for (const id of ['qb-step-gui-installs', 'tmt-stepfun-installs-phones', 'ne-stepfun-installs-phones']) {
      expect(pick(fact(id), 'low', 'event', 'event_set')).toEqual([4.2e7, 'stepfun-phone-installs', true]);
    }
  });
  it('the derived row is visits per install, not a daily active share', () => {
    const derived = computeDerived(ds.facts, ds.assumptions);
    expect(derived.filter((d) => d.metric === 'daily_active_share')).toEqual([]);
    const rows = derived.filter((d) => d.metric === 'daily_visits_per_install');
    // one pairing per source: qb (Step-GUI), tmt and ne (StepFun)
    expect(rows.map((d) => d.inputs[0]).sort()).toEqual([...visits].sort());
    for (const d of rows) {
      // 近2000万 / 超4200万: at most 2000 / 4200 = 0.476190 visits per device a day, no lower bound but 0
      expect([d.unit, d.low, d.value]).toEqual(['multiple', 0, null]);
      expect(d.high).toBeCloseTo(2000 / 4200, 9);
    }
  });
  it('the audit compares the three reports of each event', () => {
    const found = checkConflicts(ds.facts, ds.assumptions).filter((f) => f.id.startsWith('conflict:event:'));
    expect(found.map((f) => [f.id.split(':')[2], f.status, f.inputs.length]).sort()).toEqual([
      ['stepfun-phone-daily-visits', 'pass', 3],
      ['stepfun-phone-installs', 'pass', 3],
    ]);
  });
});

describe('periods and dates', () => {
  it('QbitAI 过去一年 growth figures cover calendar 2025, like the other two articles', () => {
    for (const id of ['qb-stepfun-api_calls_growth-open-platform', 'qb-stepfun-active_users_growth-open-platform']) {
      expect(pick(fact(id), 'period_start', 'period_end')).toEqual(['2025-01-01', '2025-12-31']);
    }
    // so the same-value-for-different-periods warnings are gone
    const sameValue = checkConflicts(ds.facts, ds.assumptions).filter((f) => f.id.includes(':same-value:'));
    expect(sameValue.map((f) => f.id)).toEqual(['conflict:zhipu:net_loss:same-value:2025-01-01..2025-09-30|2025-01-01..2025-06-30']);
  });
  it('every B+ row is dated 2026-01-26, the day tmtpost gives', () => {
    const bplus = ds.facts.filter((f) => f.round === 'B+');
    expect(bplus).toHaveLength(6);
    expect([...new Set(bplus.map((f) => f.as_of))]).toEqual(['2026-01-26']);
  });
  it('the Galaxy M9 launch window is 2025-10..2025-12 in all three articles', () => {
    const m9 = ds.facts.filter((f) => f.entity === 'geely-galaxy-m9');
    expect(m9.map((f) => [f.as_of, f.period_start, f.period_end])).toEqual(Array(3).fill([null, '2025-10-01', '2025-12-31']));
  });
});

describe('pending rounds and one metric per count', () => {
  it("Moonshot's reported round and valuation are forecasts that keep their lower bounds", () => {
    // 超7亿美元 = 7e8 USD and up; 突破100亿美元 = 1e10 USD and up
    expect(pick(fact('qb-moonshot-funding_amount-reported'), 'qualifier', 'low', 'high')).toEqual(['forecast', 7e8, null]);
    expect(pick(fact('qb-moonshot-valuation-post-money-reported'), 'qualifier', 'low', 'high')).toEqual(['forecast', 1e10, null]);
  });
  it('16 multimodal models is one metric in both articles', () => {
    const rows = ds.facts.filter((f) => f.entity === 'stepfun' && f.value === 16 && f.unit === 'models');
    expect(rows.map((f) => [f.id, f.metric])).toEqual([
      ['qb-stepfun-multimodal_base_models', 'multimodal_base_models'],
      ['bl-stepfun-models_released-multimodal-2y', 'multimodal_base_models'],
    ]);
  });
});

describe('statements added', () => {
  it('登顶 ranks are rank 1', () => {
    for (const id of ['qb-step-3.5-flash-rank-openrouter-fastest', 'qb-step-3.5-flash-rank-openrouter-trending', 'qb-step-audio-r1.1-rank-artificial-analysis']) {
      expect(pick(fact(id), 'unit', 'value', 'low', 'high')).toEqual(['rank', 1, 1, 1]);
    }
  });
  it('founding and release dates are days since 1970-01-01', () => {
    // 2023年4月 = 2023-04-01 (day 19448) to 2023-04-30 (day 19477)
    expect(pick(fact('bl-stepfun-founding_date'), 'unit', 'low', 'high')).toEqual(['date', 19448, 19477]);
    // 2025-07-31 = Date.UTC(2025, 6, 31) / 86400000 = 20300; 2025-02-18 = 20137; 2025年1月 = days 20089..20119
    expect(fact('bl-step-3-release_date').value).toBe(20300);
    expect(fact('bl-step-video-t2v-release_date').value).toBe(20137);
    expect(fact('bl-step-audio-release_date').value).toBe(20137);
    expect(pick(fact('bl-step-r-mini-release_date'), 'low', 'high')).toEqual([20089, 20119]);
  });
  it('the target multiple of the exponential-growth claim is an assumption with its rationale', () => {
    const a = ds.assumptions.find((x) => x.id === 'target-ps-stepfun');
    // 40 = (39 + 41) / 2, the midpoint of the OpenAI / Anthropic P/S the article gives
    expect([a?.value, a?.unit, a?.reference]).toEqual([40, 'multiple', 'tmt-openai-ps_ratio']);
    expect(a?.rationale).toMatch(/names no multiple/);
  });
});
