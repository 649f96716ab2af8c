import { describe, expect, it } from 'vitest';
import { entityFamily, factsInFindings } from '../../src/charts/context';
import { chartFixtureContext } from './fixtures';

describe('chart context helpers', () => {
  it('entityFamily is the entity and everything below it', () => {
    const ctx = chartFixtureContext();
    ctx.entities.push({ id: 'step-gui', kind: 'model', name_en: 'Step-GUI', name_zh: 'Step-GUI', parent: 'step-3.5-flash', note: null });
    expect([...entityFamily(ctx, 'stepfun')].sort()).toEqual(['step-3.5-flash', 'step-gui', 'stepfun']);
    expect(() => entityFamily(ctx, 'nobody')).toThrow(/entity 'nobody'/);
  });

  it('factsInFindings maps facts to the failing findings that use them', () => {
    const ctx = chartFixtureContext();
    const hits = factsInFindings(ctx, ['a-hunyuan-a13b-total-parameters', 'b-china-llm-industry-industry-funding-2025', 'a-stepfun-installs']);
    // claim-2 (fail) uses the industry total; the scale finding (fail) the A13B total; nothing uses the installs
    expect([...hits.entries()]).toEqual([
      ['a-hunyuan-a13b-total-parameters', ['scale:a-hunyuan-a13b-total-parameters|a-hunyuan-a13b-total-parameters-table']],
      ['b-china-llm-industry-industry-funding-2025', ['claim-2']],
    ]);
    // the pass finding claim-1 also uses the industry total
    expect(factsInFindings(ctx, ['b-china-llm-industry-industry-funding-2025'], 'pass').get('b-china-llm-industry-industry-funding-2025')).toEqual(['claim-1']);
  });

  it('factsInFindings takes several statuses and a kind', () => {
    const ctx = chartFixtureContext();
    ctx.findings.push({ ...ctx.findings.find((f) => f.id === 'conflict-1')!, id: 'conflict-2', inputs: ['b-zhipu-net-loss-2024'] });
    // conflict-2 is a warn: not found among failing findings, found among failing or warning conflicts
    expect(factsInFindings(ctx, ['b-zhipu-net-loss-2024']).size).toBe(0);
    expect([...factsInFindings(ctx, ['b-zhipu-net-loss-2024', 'a-hunyuan-a13b-total-parameters'], { status: ['fail', 'warn'], kind: 'conflict' }).entries()])
      .toEqual([['b-zhipu-net-loss-2024', ['conflict-2']]]);
  });
});
