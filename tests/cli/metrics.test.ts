import { describe, expect, it } from 'vitest';
import * as path from 'path';
import { command, formatDerivedTable } from '../../src/cli/commands/metrics';
import type { Derived } from '../../src/metrics/derived';
import { runCommand } from './capture';

const DATA = path.resolve(__dirname, '../../data');

const run = (argv: string[]) => runCommand(command, argv);

const row = (over: Partial<Derived>): Derived => ({
  id: 'x', metric: 'ps_ratio', entity: 'stepfun', value: 25, low: 20, high: 30, unit: 'multiple', currency: null,
  formula: 'valuation / revenue', inputs: ['a', 'b'], assumptions: [], method: null, note: null, ...over,
});

describe('benchval metrics', () => {
  it('--json lists the StepFun P/S on the post-money valuation and 2025E revenue: 200-300亿 / 10亿 = [20, 30]', async () => {
    const { code, out } = await run(['--json', '--data-dir', DATA]);
    expect(code).toBe(0);
    const rows = (JSON.parse(out) as { derived: Derived[] }).derived;
    const ps = rows.find((d) => d.metric === 'ps_ratio' && d.inputs.includes('tmt-stepfun-valuation-post-bplus') && d.inputs.includes('tmt-stepfun-revenue-2025e'));
    expect(ps).toBeDefined();
    expect([ps!.low, ps!.high]).toEqual([20, 30]);
    // 250亿 stated midpoint of 200-300亿 / 10亿 = 25
    expect(ps!.value).toBe(25);
    expect(ps!.formula).toMatch(/\//);
  });

  it('the table shows label, value and interval in their unit, note and id, and a dash where the formula is undefined', () => {
    const table = formatDerivedTable([
      row({ label: 'StepFun · valuation / revenue · 2025' }),
      row({ id: 'y', metric: 'loss_to_revenue', entity: 'minimax', value: null, low: null, high: null, unit: 'multiple', note: 'not computed: revenue is 0' }),
      // 71,249,333 USD -> USD 71.2m; 703.664921466 -> ≥ 704x
      row({ id: 'z', label: 'MiniMax · revenue x 12/9', value: 71249333.3333, low: 71249333.3333, high: 71249333.3333, unit: 'money', currency: 'USD' }),
      row({ id: 'w', value: 703.664921466, low: 703.664921466, high: null }),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^metric\s+value\s+interval\s+formula\s+inputs\s+note\s+id$/);
    // 200-300亿 / 10亿: 25 stated, [20, 30]
    expect(lines[2]).toMatch(/^StepFun · valuation \/ revenue · 2025\s+25\.0x\s+20–30x\s+valuation/);
    expect(lines[3]).toMatch(/^minimax · loss_to_revenue\s+—\s+—\s+.*not computed: revenue is 0\s+y$/);
    expect(lines[4]).toMatch(/^MiniMax · revenue x 12\/9\s+USD 71\.2m\s+USD 71\.2m\s/);
    expect(lines[5]).toMatch(/\s704x\s+≥ 704x\s/);
    expect(table).not.toMatch(/\d{7,}|\.\d{5,}/);
  });

  it('--money=chinese writes money with 亿 and the currency word, one scale per table', () => {
    const table = formatDerivedTable([
      // 71,249,333 USD / 1e8 = 0.712亿; 3.82e8 CNY = 3.82亿
      row({ id: 'a', value: 71249333.3333, low: 71249333.3333, high: 71249333.3333, unit: 'money', currency: 'USD' }),
      row({ id: 'b', value: 3.82e8, low: 3.82e8, high: 3.82e8, unit: 'money', currency: 'CNY' }),
    ], { money: 'chinese' });
    expect(table).toContain('0.712亿美元');
    expect(table).toContain('3.82亿元');
    expect(table).not.toContain('万');
  });

  it('rejects an unknown option with usage and exit 2', async () => {
    const { code, err } = await run(['--csv']);
    expect(code).toBe(2);
    expect(err).toContain('usage: benchval metrics');
  });
});
