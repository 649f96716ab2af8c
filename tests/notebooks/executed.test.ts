/**
 * The notebooks executed headless (out/notebooks, written by `npm run notebooks`). When the
 * executed copies are missing or older than the notebooks, the data or the built library, they
 * are executed here first. Key numbers printed by the notebooks are checked against the library
 * and against hand computations.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/data';
import { computeDerived } from '../../src/metrics';
import {
  describeDerived, executeNotebooks, formatProblem, joinText, listNotebooks, MultilineText,
  Notebook, notebookPaths, notebookProblems, outputText, PARAMS_ENV, readNotebook, VEGALITE_MIME,
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

const CHROMIUM = '/usr/bin/chromium';
const SKIP_BROWSER = process.env.BENCHVAL_SKIP_BROWSER === '1';

/** The SVG of every chart output of an executed notebook, in order. */
function chartSvgs(n: Notebook): string[] {
  return n.cells.flatMap((c) => c.outputs ?? [])
    .filter((o) => o.data && o.data[VEGALITE_MIME] !== undefined)
    .map((o) => joinText(o.data?.['image/svg+xml'] as MultilineText));
}

/** The SVG text of the image in every SVG output block of an HTML rendering, in order. */
function htmlChartSvgs(html: string): string[] {
  const images = /data-mime-type="image\/svg\+xml">\s*<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"/g;
  return [...html.matchAll(images)].map((m) => Buffer.from(m[1], 'base64').toString('utf8'));
}

/** Rows of the table a display output shows (text/plain of `displayTable`), cells by column title. */
function textTable(n: Notebook, caption: string): Record<string, string>[] {
  const text = n.cells.flatMap((c) => c.outputs ?? [])
    .map((o) => joinText(o.data?.['text/plain'] as MultilineText | undefined))
    .find((t) => t.startsWith(`${caption}\n`));
  if (text === undefined) throw new Error(`no table captioned '${caption}'`);
  // caption, column titles, dashes, rows, footer; columns are at least two spaces apart
  const [, head, , ...rest] = text.split('\n');
  const columns = head.split(/ {2,}/);
  return rest.slice(0, -1).map((line) => {
    const cells = line.split(/ {2,}/);
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
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

  it('the HTML renderings show every chart as an SVG image with its marks', () => {
    for (const [name, n] of executed) {
      const file = join(paths.output, name.replace(/\.ipynb$/, '.html'));
      expect(existsSync(file), file).toBe(true);
      const html = readFileSync(file, 'utf8');
      // one chart output per nb.showChart / nb.showProjectChart call of the committed notebook
      const input = readNotebook(join(paths.notebooks, name));
      const calls = input.cells.filter((c) => c.cell_type === 'code')
        .map((c) => (joinText(c.source).match(/nb\.show(Project)?Chart\(/g) ?? []).length).reduce((a, b) => a + b, 0);
      expect(calls, name).toBeGreaterThan(0);
      const svgs = htmlChartSvgs(html);
      expect(svgs.length, name).toBe(calls);
      // every SVG output block holds such an image (none is left as sanitised text)
      expect((html.match(/data-mime-type="image\/svg\+xml"/g) ?? []).length, name).toBe(calls);
      // the images are the notebook's SVG outputs, unchanged, each with drawn marks and labels
      expect(svgs, name).toEqual(chartSvgs(n));
      for (const svg of svgs) {
        expect(svg, name).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        expect((svg.match(/<path\b/g) ?? []).length, name).toBeGreaterThan(0);
        expect((svg.match(/<text\b/g) ?? []).length, name).toBeGreaterThan(0);
      }
    }
  });

  it('the HTML renderings load nothing: no scripts, every image inline', () => {
    for (const name of executed.keys()) {
      const html = readFileSync(join(paths.output, name.replace(/\.ipynb$/, '.html')), 'utf8');
      // Debian's nbconvert points require.js and MathJax at /usr/share/javascript, not installed with it
      expect(html, name).not.toContain('file://');
      expect(html, name).not.toMatch(/<script[^>]*\ssrc=/);
      expect(html, name).not.toMatch(/<link[^>]*\shref=/);
      for (const m of html.matchAll(/\ssrc="([^"]*)"/g)) expect(m[1].startsWith('data:'), `${name}: ${m[1].slice(0, 60)}`).toBe(true);
      for (const m of html.matchAll(/url\(\s*['"]?([^'")]*)/g)) expect(m[1].startsWith('data:'), `${name}: url(${m[1].slice(0, 60)})`).toBe(true);
    }
  });

  describe.skipIf(SKIP_BROWSER)('the HTML renderings in headless Chromium', () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      if (!existsSync(CHROMIUM)) {
        throw new Error(`${CHROMIUM} not found: install it with 'apt-get update && apt-get install -y chromium', or set BENCHVAL_SKIP_BROWSER=1 to skip this test`);
      }
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
    }, 60_000);
    afterAll(async () => { await browser?.close(); });

    it('open without errors or requests and draw every chart', async () => {
      for (const [name, n] of executed) {
        const file = join(paths.output, name.replace(/\.ipynb$/, '.html'));
        const page = await browser!.newPage({ viewport: { width: 1300, height: 900 } });
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`); });
        page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
        page.on('requestfailed', (r) => errors.push(`failed: ${r.url().slice(0, 100)} ${r.failure()?.errorText ?? ''}`));
        page.on('request', (r) => { if (!r.url().startsWith('data:')) requests.push(r.url().slice(0, 100)); });
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        // each chart image decoded and drawn: its pixel size, and how many of its pixels are not near-white
        const images = await page.evaluate(() => Array.from(document.querySelectorAll('[data-mime-type="image/svg+xml"] img')).map((node) => {
          const img = node as HTMLImageElement;
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
          ctx.drawImage(img, 0, 0);
          const px = ctx.getImageData(0, 0, canvas.width || 1, canvas.height || 1).data;
          let ink = 0;
          for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200)) ink++;
          const box = img.getBoundingClientRect();
          return { complete: img.complete, width: img.naturalWidth, height: img.naturalHeight, shown: box.width * box.height, ink, pixels: px.length / 4 };
        }));
        await page.close();
        expect(errors, name).toEqual([]);
        expect(requests, name).toEqual([pathToFileURL(file).href.slice(0, 100)]);
        const svgs = chartSvgs(n);
        expect(images.length, name).toBe(svgs.length);
        images.forEach((img, i) => {
          // the image has the size the SVG declares (width="..." height="...")
          const [, w, h] = /^<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svgs[i]) ?? [];
          expect([img.complete, img.width, img.height], `${name} chart ${i + 1}`).toEqual([true, Number(w), Number(h)]);
          expect(img.shown, `${name} chart ${i + 1}`).toBeGreaterThan(0);
          // axes, labels and marks: well over 1% of the chart's pixels are drawn (text alone gives less)
          expect(img.ink / img.pixels, `${name} chart ${i + 1}`).toBeGreaterThan(0.01);
        });
      }
    }, 120_000);
  });

  it('no output shows a raw base-unit number (71249333, 703.664921) where people read it', () => {
    for (const [name, n] of executed) {
      const raw = outputText(n).split('\n')
        // ids and source ids carry dates (qbitai-20260227); a raw number stands alone
        .filter((l) => /(?<![\w.-])\d{7,}(?![\w-])|\d\.\d{5,}/.test(l));
      expect(raw, name).toEqual([]);
    }
  });

  it('03 prints the StepFun P/S interval the library computes', () => {
    const ds = readDataset();
    const main = computeDerived(ds.facts, ds.assumptions)
      .find((r) => r.metric === 'ps_ratio' && r.inputs.join() === 'tmt-stepfun-valuation-post-bplus,tmt-stepfun-revenue-2025e');
    // 200亿 / 10亿 = 20, 300亿 / 10亿 = 30, midpoint 250亿 / 10亿 = 25
    expect([main!.low, main!.high, main!.value]).toEqual([20, 30, 25]);
    expect(outputText(nb('03'))).toContain('StepFun · valuation / revenue · 2025: 20–30x (point 25.0x)');
  });

  it('03 FX sensitivity table: one row per USD/CNY rate, with the hand computation', () => {
    const table = textTable(nb('03'), 'multiples by USD/CNY rate (CNY per USD)');
    expect(table.map((r) => r.USDCNY)).toEqual(['6.8', '6.9', '7', '7.1', '7.2', '7.3', '7.4']);
    const at = (rate: string) => Object.values(table.find((r) => r.USDCNY === rate)!);
    // Zhipu 955亿 HKD x (USD/CNY x 0.128) / (1.91亿 x 12/6 = 3.82亿): at 6.8 955 x 0.8704 / 3.82 = 217.6 -> 218x;
    // at 7.2: 955 x 0.9216 / 3.82 = 230.4 -> 230x; 突破3000亿 at 7.2: 3000 x 0.9216 / 3.82 = 723.8 -> ≥ 724x
    expect(at('6.8')).toContain('218x');
    expect(at('7.2')).toEqual(expect.arrayContaining(['230x', '≥ 724x']));
    // StepFun's P/S is CNY over CNY: 20–30x at every rate
    for (const r of table) expect(Object.values(r)).toContain('20–30x');
  });

  it('08 prints the comps table with one currency and the bases labelled', () => {
    const rows = textTable(nb('08'), 'comparables, money in USD');
    const step = rows.find((r) => r.company === 'StepFun')!;
    // 200-300亿 CNY / 7.00 = USD 2.86–4.29bn, 250亿 / 7 = USD 3.57bn; P/S 20–30x (25.0x)
    expect(step).toMatchObject({ valuation: 'USD 2.86–4.29bn (USD 3.57bn)', 'P/S': '20–30x (25.0x)', 'valuation basis': 'post-money' });
    expect(rows.find((r) => r.company === 'Zhipu AI')).toMatchObject({ 'valuation basis': 'market cap', 'P/S': '≥ 704x' });
    expect(outputText(nb('08'))).toContain('Zhipu AI: listed: market cap basis');
  });

  describe('with --param USDCNY=7.2', () => {
    const rerun = new Map<string, Notebook>();
    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'bv-nb-param-'));
      process.env[PARAMS_ENV] = JSON.stringify({ USDCNY: '7.2' });
      try {
        await executeNotebooks({ only: ['03', '08'], outputDir: dir, html: false });
      } finally {
        delete process.env[PARAMS_ENV];
      }
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.ipynb'))) rerun.set(f.slice(0, 2), readNotebook(join(dir, f)));
    }, 300_000);

    it('03 uses the rate, moves HKD/CNY through the peg and keeps the StepFun P/S', () => {
      const n = rerun.get('03')!;
      const rates = textTable(n, 'FX rates in use');
      // 7.2 x 0.128 = 0.9216 CNY/HKD
      expect(rates.find((r) => r.assumption === 'hkd-cny-2026-01')!.rate).toBe('0.9216 CNY/HKD');
      expect(rates.find((r) => r.assumption === 'usd-cny-2026-01')!.rate).toBe('7.2 CNY/USD');
      expect(textTable(n, 'parameters').find((r) => r.parameter === 'USDCNY')).toMatchObject({ value: '7.2', set: 'by this run' });
      // CNY over CNY: still 20–30x
      expect(outputText(n)).toContain('StepFun · valuation / revenue · 2025: 20–30x (point 25.0x)');
      // 955亿 x 0.9216 / 3.82亿 = 230.4
      expect(textTable(n, 'computed multiples').map((r) => r.value)).toContain('230x');
    });

    it('08 converts at 7.2', () => {
      const step = textTable(rerun.get('08')!, 'comparables, money in USD').find((r) => r.company === 'StepFun')!;
      // 200亿 / 7.2 = 2.78bn, 300亿 / 7.2 = 4.17bn, 250亿 / 7.2 = 3.47bn
      expect(step).toMatchObject({ valuation: 'USD 2.78–4.17bn (USD 3.47bn)', 'P/S': '20–30x (25.0x)' });
    });
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
    const row = textTable(nb('04'), 'revenue and net loss, CNY, every source')
      .find((r) => r.id === 'tmt-zhipu-net_loss-2025q1q3' && r.period === '2025-01-01..2025-09-30');
    expect(row?.source).toBe('tmtpost-2026');
    // 23.58亿 CNY = 2.358bn, three significant digits in the column's scale
    expect(row?.cny).toBe('CNY 2.36bn');
    expect(row?.conflicts).toContain(`${netLoss!.status}: ${netLoss!.id}`);
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
    expect(text).toContain('9.48x = net_loss / revenue; inputs: ne-zhipu-net_loss-2024, ne-zhipu-revenue-2024');
  });

  it('06 prints the audit summary of the library', async () => {
    const { runAudit, summarize, formatSummary } = await import('../../src/audit');
    const result = runAudit();
    expect(outputText(nb('06'))).toContain(`${result.findings.length} findings: ${formatSummary(summarize(result.findings))}`);
  });
});
