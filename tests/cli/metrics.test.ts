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

  it('the table shows value, interval and note, and a dash where the formula is undefined', () => {
    const table = formatDerivedTable([
      row({}),
      row({ id: 'y', metric: 'loss_to_revenue', entity: 'minimax', value: null, low: null, high: null, unit: 'ratio', note: 'not computed: revenue is 0' }),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^metric\s+entity\s+value\s+interval\s+unit\s+formula\s+inputs\s+note$/);
    expect(lines[2]).toMatch(/^ps_ratio\s+stepfun\s+25\s+\[20, 30\]\s+multiple/);
    expect(lines[3]).toMatch(/^loss_to_revenue\s+minimax\s+—\s+—\s+ratio .*not computed: revenue is 0$/);
  });

  it('rejects an unknown option with usage and exit 2', async () => {
    const { code, err } = await run(['--csv']);
    expect(code).toBe(2);
    expect(err).toContain('usage: benchval metrics');
  });
});
