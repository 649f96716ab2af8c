/**
 * The notebooks executed headless (out/notebooks, written by `npm run notebooks`). When the
 * executed copies are missing or older than the notebooks, the data or the built library, they
 * are executed here first. Key numbers printed by the notebooks are checked against the library
 * and against hand computations.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/data';
import { computeDerived } from '../../src/metrics';
import { convertMoney } from '../../src/units';
import {
  describeDerived, executeNotebooks, formatProblem, formatValue, joinText, listNotebooks, Notebook, notebookPaths,
  notebookProblems, outputText, readNotebook, usdCnyOverrides, VEGALITE_MIME,
} from '../../src/notebooks';
import { jupyterGate, MISSING_MESSAGE } from './jupyterGate';

const paths = notebookPaths();
const inputs = listNotebooks(paths.notebooks);

function newestMtime(dir: string, ext: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p, ext));
    else if (e.name.endsWith(ext)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Executed copies missing or older than their inputs (notebook, data CSVs, built library). */
function staleNotebooks(): string[] {
  const shared = Math.max(newestMtime(join(paths.root, 'data'), '.csv'), newestMtime(join(paths.root, 'dist'), '.js'));
  return inputs.filter((input) => {
    const out = join(paths.output, basename(input));
    return !existsSync(out) || statSync(out).mtimeMs < Math.max(shared, statSync(input).mtimeMs);
  });
}

const executed = new Map<string, Notebook>();
function nb(prefix: string): Notebook {
  const hit = [...executed.entries()].find(([name]) => name.startsWith(prefix));
  if (!hit) throw new Error(`no executed notebook starting with ${prefix}`);
  return hit[1];
}

describe('executed notebooks', () => {
  const gate = jupyterGate();
  if (gate === 'missing') {
    it('need jupyter', () => { throw new Error(MISSING_MESSAGE); });
    return;
  }
  if (gate === 'skip') {
    it.skip('skipped because BENCHVAL_SKIP_NOTEBOOKS=1', () => undefined);
    return;
  }

  beforeAll(async () => {
    const stale = staleNotebooks();
    if (stale.length > 0) await executeNotebooks({ only: stale.map((f) => basename(f)) });
    for (const input of inputs) {
      const out = join(paths.output, basename(input));
      if (existsSync(out)) executed.set(basename(input), readNotebook(out));
    }
  }, 600_000);

  it('every notebook ran: each code cell has an execution count and no error output', () => {
    expect([...executed.keys()]).toEqual(inputs.map((f) => basename(f)));
    const problems = [...executed.entries()].flatMap(([name, n]) => notebookProblems(n, name)).map(formatProblem);
    expect(problems).toEqual([]);
    for (const n of executed.values()) {
      const code = n.cells.filter((c) => c.cell_type === 'code');
      expect(code.every((c) => typeof c.execution_count === 'number')).toBe(true);
    }
  });

  it('every chart output carries the vega-lite spec and an SVG fallback in one bundle', () => {
    for (const [name, n] of executed) {
      const charts = n.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.data && o.data[VEGALITE_MIME] !== undefined);
      expect(charts.length, name).toBeGreaterThan(0);
      for (const o of charts) {
        expect(typeof o.data?.[VEGALITE_MIME], name).toBe('object');
        expect(joinText(o.data?.['image/svg+xml'] as string | string[]), name).toMatch(/^<svg /);
      }
    }
  });

  it('the HTML renderings exist and embed the SVG charts', () => {
    for (const name of executed.keys()) {
      const html = join(paths.output, name.replace(/\.ipynb$/, '.html'));
      expect(existsSync(html), html).toBe(true);
      expect(readFileSync(html, 'utf8'), html).toContain('data-mime-type="image/svg+xml"');
    }
  });

  it('03 prints the StepFun P/S interval the library computes', () => {
    const ds = readDataset();
    const rows = computeDerived(ds.facts, ds.assumptions).filter((r) => r.metric === 'ps_ratio' && r.entity === 'stepfun');
    const main = rows.find((r) => r.inputs.join() === 'tmt-stepfun-valuation-post-bplus,tmt-stepfun-revenue-2025e');
    expect(main).toBeDefined();
    // 200亿 / 10亿 = 20, 300亿 / 10亿 = 30, midpoint 250亿 / 10亿 = 25
    expect(main!.low).toBeCloseTo(20, 9);
    expect(main!.high).toBeCloseTo(30, 9);
    const text = outputText(nb('03'));
    for (const r of rows) expect(text).toContain(describeDerived(r));
    expect(text).toContain(': 20x – 30x (point 25x) = valuation / revenue; inputs: tmt-stepfun-valuation-post-bplus, tmt-stepfun-revenue-2025e');
  });

  it('03 FX sensitivity at USD/CNY 7.30 matches the library and the hand computation', () => {
    const base = readDataset();
    const ds = readDataset({ overrides: usdCnyOverrides(base.assumptions, 7.3) });
    const text = outputText(nb('03'));
    // StepFun post-money in USD: 200亿 / 7.3 = 27.3973亿, 300亿 / 7.3 = 41.0959亿
    const low = convertMoney(200e8, 'CNY', 'USD', ds.assumptions, '2026-01-26');
    const high = convertMoney(300e8, 'CNY', 'USD', ds.assumptions, '2026-01-26');
    expect(low / 1e8).toBeCloseTo(27.3973, 4);
    expect(high / 1e8).toBeCloseTo(41.0959, 4);
    expect(text).toContain(`USD/CNY=7.30 StepFun post-money ${formatValue(low, 'money', 'USD')} – ${formatValue(high, 'money', 'USD')}`);
    // Zhipu: 955亿 HKD x (7.3 x 0.128 CNY/HKD) / (1.91亿 CNY x 12/6) = 892.352亿 / 3.82亿 = 233.6x
    const zhipu = computeDerived(ds.facts, ds.assumptions)
      .filter((r) => r.metric === 'market_cap_to_sales' && r.entity === 'zhipu');
    const listing = zhipu.find((r) => r.inputs.includes('ne-zhipu-market_cap'));
    expect(listing?.value).toBeCloseTo(233.6, 6);
    for (const r of zhipu) expect(text).toContain(`USD/CNY=7.30 ${describeDerived(r)}`);
  });

  it('03 compares each computed multiple with the stated peer multiples, in code', () => {
    const ds = readDataset();
    const main = computeDerived(ds.facts, ds.assumptions)
      .find((r) => r.metric === 'ps_ratio' && r.inputs.join() === 'tmt-stepfun-valuation-post-bplus,tmt-stepfun-revenue-2025e');
    expect(main).toBeDefined();
    const line = outputText(nb('03')).split('\n').find((l) => l.startsWith(`${main!.id}: 20x – 30x (point 25x); `));
    expect(line).toBeDefined();
    // StepFun's 20x - 30x lies wholly below the 39x - 41x the article states for OpenAI (30 < 39): no growth row
    expect(line).toContain('0 growth row(s) (not entirely above any stated peer multiple)');
    expect(line).toContain('below tmt-openai-ps_ratio (39x – 41x (point 40x))');
  });

  it('03 what-if: growth for StepFun\'s P/S to fall to 10x in 3 years, computed from the P/S inputs', () => {
    // (200亿 / (10 x 10亿))^(1/3) - 1 = 2^(1/3) - 1 = 25.99%; (300亿 / (10 x 10亿))^(1/3) - 1 = 3^(1/3) - 1 = 44.22%
    expect(outputText(nb('03'))).toContain(
      'stepfun P/S 20x – 30x (point 25x) to 10x in 3 years: 26% – 44.2% revenue growth per year; inputs: tmt-stepfun-valuation-post-bplus, tmt-stepfun-revenue-2025e',
    );
  });

  it('04 shows every source\'s revenue and loss rows of the peers with the audit\'s conflict findings', async () => {
    const { runAudit } = await import('../../src/audit');
    const conflicts = runAudit().findings.filter((f) => f.kind === 'conflict' && f.entities.some((e) => e === 'zhipu' || e === 'minimax'));
    // TMTPost gives Zhipu's net loss 23.58亿 for Q1-Q3 2025, NetEase the same 23.58亿 for H1 2025
    const netLoss = conflicts.find((f) => f.inputs.includes('tmt-zhipu-net_loss-2025q1q3') && f.inputs.includes('ne-zhipu-net_loss-2025-h1'));
    expect(netLoss).toBeDefined();
    const text = outputText(nb('04'));
    expect(text).toContain(`${conflicts.length} conflict finding(s) of the audit for zhipu, minimax:`);
    for (const f of conflicts) expect(text).toContain(`${f.status.toUpperCase()} ${f.id}: ${f.message}`);
    // the TMTPost rows are in the CNY table (period written start..end), the Zhipu one marked with its conflict
    const row = text.split('\n').find((l) => l.includes('tmt-zhipu-net_loss-2025q1q3') && l.includes('2025-01-01..2025-09-30'));
    expect(row).toContain('tmtpost-2026');
    expect(row).toContain(`${netLoss!.status}: ${netLoss!.id}`);
    expect(text).toContain('tmt-minimax-net_loss-2025q1q3');
  });

  it('04 prints every market cap to sales and loss ratio of the listed peers', () => {
    const ds = readDataset();
    const rows = computeDerived(ds.facts, ds.assumptions)
      .filter((r) => ['market_cap_to_sales', 'loss_to_revenue', 'revenue_growth_multiple'].includes(r.metric) && ['zhipu', 'minimax'].includes(r.entity));
    expect(rows.length).toBeGreaterThan(0);
    const text = outputText(nb('04'));
    for (const r of rows) expect(text).toContain(describeDerived(r));
    // Zhipu 2024: net loss 29.58亿 / revenue 3.12亿 = 9.4808x
    expect(text).toContain('9.4808x = net_loss / revenue; inputs: ne-zhipu-net_loss-2024, ne-zhipu-revenue-2024');
  });

  it('06 prints the audit summary of the library', async () => {
    const { runAudit, summarize, formatSummary } = await import('../../src/audit');
    const result = runAudit();
    expect(outputText(nb('06'))).toContain(`${result.findings.length} findings: ${formatSummary(summarize(result.findings))}`);
  });
});
