/**
 * `benchval notebooks` / `benchval kernel` through the built CLI (npm test builds dist first).
 * The failing-notebook case runs a two-notebook project in a temporary root that borrows this
 * project's node_modules, so it checks the real kernel and nbconvert path.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JUPYTER_APT_PACKAGES, KERNEL_NAME } from '../../src/notebooks';
import { itNeedsJupyter } from '../notebooks/jupyterGate';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 240_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const code = (source: string) => ({ cell_type: 'code', metadata: {}, source, outputs: [], execution_count: null });
const notebook = (cells: object[]) => ({
  cells, nbformat: 4, nbformat_minor: 5,
  metadata: { kernelspec: { name: KERNEL_NAME, display_name: 'TypeScript (benchval)', language: 'typescript' } },
});

describe('benchval notebooks (arguments)', () => {
  it('rejects unknown options with exit 2 and the usage', () => {
    const r = cli(['notebooks', '--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option --bogus');
    expect(r.stderr).toContain('usage: benchval notebooks');
  });

  it('rejects a non-positive timeout', () => {
    const r = cli(['notebooks', '--timeout', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--timeout needs a positive number of seconds');
  });

  it('rejects a --param that is not NAME=VALUE', () => {
    const r = cli(['notebooks', '--param', '7.2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--param needs NAME=VALUE (e.g. USDCNY=7.2), got '7.2'");
  });

  it('prints the apt-get line and exits 1 when jupyter is missing', () => {
    const r = cli(['notebooks'], { BENCHVAL_JUPYTER: join(tmpdir(), 'no-such-jupyter') });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('jupyter not found');
    expect(r.stderr).toContain(`apt-get install -y --no-install-recommends ${JUPYTER_APT_PACKAGES.join(' ')}`);
  });

  it('--check-clean passes on the committed notebooks', () => {
    const r = cli(['notebooks', '--check-clean']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('benchval kernel', () => {
  it('writes the kernelspec under out/jupyter and prints the JUPYTER_PATH', () => {
    const r = cli(['kernel']);
    expect(r.status).toBe(0);
    const file = join(ROOT, 'out', 'jupyter', 'kernels', KERNEL_NAME, 'kernel.json');
    expect(r.stdout).toContain(file);
    expect(r.stdout).toContain(`export JUPYTER_PATH=${join(ROOT, 'out', 'jupyter')}`);
    expect(JSON.parse(readFileSync(file, 'utf8')).argv[0]).toBe(join(ROOT, 'node_modules', '.bin', 'tslab'));
    const p = cli(['kernel', '--path-only'], { JUPYTER_PATH: '' });
    expect(p.stdout).toBe(join(ROOT, 'out', 'jupyter') + '\n');
  });
});

describe('benchval notebooks (execution)', () => {
  itNeedsJupyter('exits 1 naming the notebook and the failing cell, and runs the good notebook', () => {
    const root = mkdtempSync(join(tmpdir(), 'benchval-nbcli-'));
    mkdirSync(join(root, 'notebooks'));
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    writeFileSync(join(root, 'notebooks', '01-good.ipynb'), JSON.stringify(notebook([
      code('const total: number = [2, 3].reduce((a, b) => a + b, 0);\nconsole.log(`total=${total}`);'),
    ])));
    writeFileSync(join(root, 'notebooks', '02-bad.ipynb'), JSON.stringify(notebook([
      code('console.log("first")'),
      { cell_type: 'markdown', metadata: {}, source: '## a section' },
      code("const rate = 7.1;\nif (rate > 7) throw new Error('rate out of range');"),
      code('console.log("never")'),
    ])));
    const r = cli(['notebooks', '--root', root, '--no-html']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('ok   01-good.ipynb');
    expect(r.stdout).toContain('FAIL 02-bad.ipynb');
    // cell 3 counts the markdown cell: code, markdown, failing code
    expect(r.stderr).toContain('error: notebooks/02-bad.ipynb cell 3 (const rate = 7.1;): CellError: Error: rate out of range');
    expect(r.stderr).toContain('1 later cell(s) of 02-bad.ipynb were not run');
    expect(r.stdout).toContain('1/2 notebooks ran cleanly');
    const good = JSON.parse(readFileSync(join(root, 'out', 'notebooks', '01-good.ipynb'), 'utf8'));
    expect(good.cells[0].execution_count).toBe(1);
    expect(good.cells[0].outputs[0].text.join('')).toBe('total=5\n'); // 2 + 3
    expect(existsSync(join(root, 'out', 'notebooks', '01-good.html'))).toBe(false);
  }, 240_000);
});
