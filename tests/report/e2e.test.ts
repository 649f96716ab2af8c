/**
 * End to end: writes the report of the real data with the built CLI (`npm test` builds dist/
 * first; this test does not build), opens it in headless Chromium and checks that every chart
 * renders, nothing is fetched, no console error is logged, the page is no wider than the window,
 * and links to a fact row and to a source row land on that row, below the table's sticky header.
 * Needs /usr/bin/chromium (install: `apt-get install -y chromium`); set BENCHVAL_SKIP_BROWSER=1
 * to skip explicitly.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHARTS } from '../../src/charts';

const ROOT = resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const SKIP = process.env.BENCHVAL_SKIP_BROWSER === '1';
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const SCREENSHOT = join(ROOT, 'out', 'report', 'screenshot.png');
const VIEWPORT = { width: 1300, height: 900 };

interface Landing {
  hash: string;
  tag: string | null;
  id: string | null;
  top: number;
  bottom: number;
  /** bottom edge of the sticky header of the target's table */
  headerBottom: number;
}

/** Where the page shows the :target element after following a link. */
async function landing(page: Page): Promise<Landing> {
  return page.evaluate(() => {
    const el = document.querySelector(':target');
    const header = el?.closest('table')?.querySelector('thead');
    const box = el?.getBoundingClientRect();
    return {
      hash: decodeURIComponent(location.hash),
      tag: el ? el.tagName : null,
      id: el ? el.id : null,
      top: box ? box.top : NaN,
      bottom: box ? box.bottom : NaN,
      headerBottom: header ? header.getBoundingClientRect().bottom : NaN,
    };
  });
}

/** The row is inside the window and not covered by its table's sticky header (half a pixel of rounding). */
function expectVisibleBelowHeader(at: Landing): void {
  expect(at.top).toBeGreaterThanOrEqual(at.headerBottom - 0.5);
  expect(at.top).toBeGreaterThanOrEqual(0);
  expect(at.bottom).toBeLessThanOrEqual(VIEWPORT.height);
}

describe.skipIf(SKIP)('HTML report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const failedRequests: string[] = [];
  const networkRequests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} not found: install it with 'apt-get update && apt-get install -y chromium', or set BENCHVAL_SKIP_BROWSER=1 to skip this test`);
    }
    if (!existsSync(CLI)) throw new Error(`${CLI} not found: run 'npm run build' first (npm test does)`);
    const out = mkdtempSync(join(tmpdir(), 'benchval-e2e-'));
    execFileSync(process.execPath, [CLI, 'report', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    const html = join(out, 'report', 'index.html');
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: VIEWPORT });
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('requestfailed', (r) => failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) networkRequests.push(r.url()); });
    await page.goto(pathToFileURL(html).href);
    await page.waitForSelector('body[data-charts-ready="true"]', { timeout: 60000 });
  }, 180000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders every chart as SVG with marks', async () => {
    for (const c of CHARTS) {
      const state = await page.getAttribute(`#chart-${c.name}`, 'data-rendered');
      expect(state, c.name).toBe('true');
      const marks = await page.locator(`#chart-${c.name} svg .role-mark`).count();
      expect(marks, `${c.name}: mark groups`).toBeGreaterThan(0);
      const items = await page.locator(`#chart-${c.name} svg .role-mark > *`).count();
      expect(items, `${c.name}: drawn items`).toBeGreaterThan(0);
    }
  });

  it('logs no errors and fetches nothing from the network', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
    expect(networkRequests).toEqual([]);
  });

  it('is no wider than the window: wide tables scroll inside their own box', async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(VIEWPORT.width);
    // the facts table (13 columns) is wider than its box and scrolls sideways in it
    const facts = await page.evaluate(() => {
      const wrap = document.querySelector('#facts .table-wrap') as HTMLElement;
      return { scroll: wrap.scrollWidth, client: wrap.clientWidth, overflowX: getComputedStyle(wrap).overflowX };
    });
    expect(facts.overflowX).toBe('auto');
    expect(facts.client).toBeLessThanOrEqual(VIEWPORT.width);
  });

  it('shows derived values formatted with their unit and ids wrapped to a few lines', async () => {
    const cells = await page.evaluate(() => {
      const lines = (el: Element) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
      return {
        values: Array.from(document.querySelectorAll('#derived td.value')).map((td) => td.textContent ?? ''),
        idLines: Array.from(document.querySelectorAll('#derived .row-id')).map((el) => ({ id: el.textContent, lines: lines(el) })),
      };
    });
    expect(cells.values.length).toBeGreaterThan(0);
    // no raw base-unit numbers: no run of 7+ digits (71,249,333.33 without scale word) and at most 4 decimals (703.6649x)
    expect(cells.values.filter((v) => /\d{7,}|\.\d{5,}/.test(v.replace(/,/g, '')))).toEqual([]);
    // every value names its unit or is a missing value: 25x, 53.1%, 7124.9333万 USD, 2.6 score, —
    expect(cells.values.filter((v) => !/[a-z%]|—/i.test(v))).toEqual([]);
    // the longest derived ids (~140 characters) take at most 4 lines at 1300px, most take 2
    expect(cells.idLines.filter((c) => c.lines > 4)).toEqual([]);
  });

  it('takes an input link of a derived metric to that fact row, below the sticky header', async () => {
    // the last input link of the derived table: its fact row sits far down the facts table
    for (const link of [page.locator('#derived a[href^="#fact-"]').first(), page.locator('#derived a[href^="#fact-"]').last()]) {
      const href = await link.getAttribute('href');
      expect(href).toMatch(/^#fact-/);
      const factId = (href as string).slice('#fact-'.length);
      await link.click();
      const at = await landing(page);
      expect(at.hash).toBe(`#fact-${factId}`);
      expect(at.tag).toBe('TR');
      expect(await page.evaluate(() => document.querySelector(':target')?.getAttribute('data-fact-id'))).toBe(factId);
      expect(at.id).toBe(`fact-${factId}`);
      expectVisibleBelowHeader(at);
      // the row shown is the fact's own row: its first cell is the fact id
      expect(await page.locator(':target td').first().textContent()).toBe(factId);
    }
  });

  it('takes a fact value link to its source row, below the sticky header', async () => {
    const link = page.locator('#facts a.fact-value').first();
    const sourceId = await link.getAttribute('data-source-id');
    const factId = await link.getAttribute('data-fact-id');
    expect(sourceId).toBeTruthy();
    expect(factId).toBeTruthy();
    await link.click();
    const at = await landing(page);
    expect(at.hash).toBe(`#source-${sourceId}`);
    expect(at.tag).toBe('TR');
    expect(await page.evaluate(() => document.querySelector(':target')?.getAttribute('data-source-id'))).toBe(sourceId);
    expectVisibleBelowHeader(at);
    // the fact row itself is addressable and shows the evidence phrase
    const evidence = await page.locator(`tr[data-fact-id="${factId}"] td.evidence`).last().textContent();
    expect((evidence ?? '').length).toBeGreaterThan(0);
  });

  it('saves a screenshot of the charts', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10000);
  });
});
