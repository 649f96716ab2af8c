import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/comps';
import { runCommand } from './capture';

const DATA = path.resolve(__dirname, '../../data');
const run = (argv: string[]) => runCommand(command, argv);

describe('benchval comps', () => {
  it('prints one row per company with money in one currency', async () => {
    const { code, out } = await run(['--data-dir', DATA]);
    expect(code).toBe(0);
    const step = out.split('\n').find((l) => l.startsWith('StepFun'))!;
    // 200-300亿 CNY / 7.00 = USD 2.86–4.29bn; 200-300亿 / 10亿 = 20–30x
    expect(step).toContain('USD 2.86–4.29bn (USD 3.57bn)');
    expect(step).toContain('20–30x (25.0x)');
    expect(out).not.toMatch(/CNY|HKD/);
  });

  it('takes a USD/CNY rate and writes the CSV', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'bv-comps-cli-')), 'comps.csv');
    const { code, out, err } = await run(['--data-dir', DATA, '--usdcny', '7.2', '--csv', file]);
    expect(code).toBe(0);
    // 200亿 / 7.2 = 2.78bn, 300亿 / 7.2 = 4.17bn
    expect(out).toContain('USD 2.78–4.17bn');
    expect(err).toContain(`wrote ${file}`);
    expect(readFileSync(file, 'utf8')).toMatch(/^\uFEFFentity,name,listed,/);
  });

  it('--json keeps full precision; bad options exit 2', async () => {
    const { out } = await run(['--data-dir', DATA, '--json', '--currency', 'CNY']);
    const rows = JSON.parse(out).comps as Array<{ entity: string; valuation_low: number; currency: string }>;
    // StepFun in CNY: 200亿 as written
    expect(rows.find((r) => r.entity === 'stepfun')).toMatchObject({ valuation_low: 2e10, currency: 'CNY' });
    expect((await run(['--currency', 'EUR'])).code).toBe(2);
  });
});
