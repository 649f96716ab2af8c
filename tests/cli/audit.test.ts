import { afterEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { command } from '../../src/cli/commands/audit';

const DATA = path.resolve(__dirname, '../../data');

function run(argv: string[]): { code: number; out: string } {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  try {
    const code = command.run(argv) as number;
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

/** A data directory copy with a claims file of our own. */
function withClaims(rows: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'benchval-audit-'));
  for (const f of fs.readdirSync(DATA).filter((n) => n.endsWith('.csv'))) fs.copyFileSync(path.join(DATA, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'claims.csv'), ['id,source,type,claim,evidence,stated,unit,expression,tolerance,note', ...rows].join('\n'));
  return dir;
}

const PS = 'tmt-ps,tmtpost-2026,statement,P/S about 25x,约为 25 倍,约25倍,multiple,tmt-stepfun-valuation-post-bplus / tmt-stepfun-revenue-2025e,,';
const WRONG = 'tmt-ps-wrong,tmtpost-2026,statement,P/S about 60x,60 倍,约60倍,multiple,tmt-stepfun-valuation-post-bplus / tmt-stepfun-revenue-2025e,,';

describe.runIf(fs.existsSync(path.join(DATA, 'valuations.csv')))('benchval audit', () => {
  const dirs: string[] = [];
  afterEach(() => { while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true }); });

  it('--json prints { findings } with the P/S finding and its interval', () => {
    const dir = withClaims([PS]);
    dirs.push(dir);
    const { out } = run(['--json', '--data-dir', dir, '--no-fail']);
    const json = JSON.parse(out) as { findings: Array<{ id: string; status: string; computed: { low: number; high: number } }> };
    const f = json.findings.find((x) => x.id === 'tmt-ps');
    expect(f?.status).toBe('pass');
    expect([f?.computed.low, f?.computed.high]).toEqual([20, 30]); // 200亿/10亿, 300亿/10亿
  });
  it('exits 1 on a failing claim, 0 with --no-fail; prints a table', () => {
    const dir = withClaims([WRONG]);
    dirs.push(dir);
    const r = run(['--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL\s+derivation\s+tmt-ps-wrong/);
    expect(r.out).toMatch(/\d+ pass, \d+ warn, \d+ fail, \d+ unverifiable/);
    expect(run(['--data-dir', dir, '--no-fail']).code).toBe(0);
  });
  it('lists the claims\' passes by default (the StepFun P/S with its computed [20x, 30x]), other passes with --all', () => {
    const r = run(['--no-fail']);
    // 200亿/10亿 = 20, 300亿/10亿 = 30
    const flat = r.out.replace(/\s+/g, ' ');
    expect(flat).toContain('PASS derivation tmt-stepfun-ps-about-25x StepFun\'s P/S is about 25x');
    expect(flat).toContain('tmt-stepfun-valuation-post-bplus / tmt-stepfun-revenue-2025e = [20x, 30x], which overlaps the stated 约25倍 (read as [22.5x, 27.5x]).');
    expect(r.out).not.toMatch(/PASS\s+plausibility/);
    expect(r.out).toMatch(/^derivation\s+\d+ pass, \d+ warn, \d+ fail, \d+ unverifiable$/m);
    expect(r.out).toMatch(/passing conflict and plausibility findings not listed; --all lists them/);
    expect(run(['--no-fail', '--all']).out).toMatch(/PASS\s+plausibility/);
  });
  it('--help documents every option', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    for (const o of ['--json', '--all', '--no-fail', '--data-dir', '--claims']) expect(r.out).toContain(o);
  });
  it('rejects unknown options', () => {
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(command.run(['--bogus'])).toBe(2);
    spy.mockRestore();
  });
});
