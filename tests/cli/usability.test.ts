/** --version, help COMMAND, COMMAND --help, closest names, and a quiet exit when the reader of stdout goes away. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { commandNames, main } from '../../src/cli/main';
import { HELP, helpText } from '../../src/cli/help';
import { closest, editDistance, unknownNameMessage } from '../../src/cli/suggest';
import { command as facts } from '../../src/cli/commands/facts';
import { runCommand } from './capture';

const ROOT = resolve(__dirname, '../..');

async function runMain(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
  try { return { code: await main(argv), out, err }; } finally { o.mockRestore(); e.mockRestore(); }
}

describe('command line usability', () => {
  it('prints the version of package.json', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runMain(['--version'])).toEqual({ code: 0, out: `benchval ${pkg.version}\n`, err: '' });
  });

  it('has help for every command, describing every option in its usage line', async () => {
    const cmds = commandNames();
    expect(cmds).toEqual(expect.arrayContaining(['facts', 'validate', 'all', 'comps', 'extract', 'ingest', 'accept', 'inbox']));
    expect(Object.keys(HELP).sort()).toEqual([...cmds].sort());
    for (const c of cmds) {
      const text = helpText(c)!;
      for (const opt of HELP[c].usage.match(/--[a-z-]+/g) ?? []) expect(text, `${c} ${opt}`).toMatch(new RegExp(`\\n  ${opt}[ A-Z]*  \\S`));
      const viaHelp = await runMain(['help', c]);
      const viaFlag = await runMain([c, '--help']);
      expect(viaHelp).toEqual({ code: 0, out: text, err: '' });
      expect(viaFlag).toEqual(viaHelp);
    }
  });

  it('suggests the closest command, entity and metric', async () => {
    const r = await runMain(['valdate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^benchval: unknown command 'valdate' \(closest: validate\)/);
    const e = await runCommand(facts, ['--entity', 'stepfn']);
    expect(e.code).toBe(2);
    // 'stepfn' is one insertion away from 'stepfun'
    expect(e.err).toMatch(/^benchval facts: unknown entity 'stepfn' \(closest: stepfun[,)]/);
    const m = await runCommand(facts, ['--metric', 'revenu']);
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/^benchval facts: unknown metric 'revenu' \(closest: revenue[,)]/);
  });

  it('ranks names by edit distance', () => {
    expect(editDistance('stepfn', 'stepfun')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closest('zhipuu', ['zhipu', 'minimax', 'openai'])).toEqual(['zhipu']);
    expect(unknownNameMessage('entity', 'qqqqqq', ['zhipu'])).toBe("unknown entity 'qqqqqq'");
  });

  it('exits quietly when stdout is closed early (EPIPE)', () => {
    const cli = join(ROOT, 'bin', 'benchval.js');
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error("dist/ not built: run 'npm run build' first (npm test does)");
    // `facts --json | head -c 1`: the reader leaves after one byte (without the handler: 'Error: write EPIPE' and a stack)
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${cli}" facts --json | head -c 1 >/dev/null`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('all and report on the command line', () => {
  it('all prints its stages as they run', async () => {
    const { command: all } = await import('../../src/cli/commands/all');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(join(tmpdir(), 'benchval-stages-'));
    try {
      const r = await runCommand(all, ['--no-png', '--out', out, '--data-dir', join(ROOT, 'tests/data/fixtures/valid'), '--seeds', join(ROOT, 'tests/data/fixtures/seeds')]);
      expect(r.code, r.err).toBe(0);
      const stages = r.err.split('\n').filter(Boolean).map((l) => l.replace(/\(\d+\.\d\d s\)/, '(t)'));
      expect(stages).toEqual([
        'benchval all: validate: checking the data, claims and evidence',
        // the valid fixture: 3 + 2 + 3 + 3 + 1 + 4 + 6 + 3 = 25 fact rows, 3 claims, 5 articles
        expect.stringMatching(/^benchval all: validate: ok, 25 facts, 3 claims, evidence in 5 articles \(t\)$/),
        'benchval all: derive and audit',
        expect.stringMatching(/^benchval all: derive and audit: \d+ derived metrics, \d+ findings \(t\)$/),
        'benchval all: charts',
        expect.stringMatching(/^benchval all: charts: \d+ rendered \(t\)$/),
        'benchval all: exports and report',
        'benchval all: exports and report: written (t)',
        `benchval all: moved into ${out}`,
      ]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60000);

  it('report --out /proc/self fails at once with the reason', async () => {
    const { command: report } = await import('../../src/cli/commands/report');
    await expect(report.run(['--out', '/proc/self'])).rejects.toThrow(/^output folder \/proc\/self\/report is on the proc pseudo-filesystem/);
  });
});
