/**
 * End to end: writes the report of the real data with the built CLI (`npm test` builds dist/
 * first; this test does not build), opens it in headless Chromium and checks, as a reader on a
 * phone (390 px) and on a desktop (1400 px) would see it: every chart renders, fits the window
 * and stays visible; the page never scrolls sideways (390, 768, 1024, 1400 px); the dark colour
 * scheme applies to the page and the charts when the system asks for it; tables sort, filter and
 * page; each chart's action menu offers SVG / PNG export and its source with no network link;
 * links to a fact or source row land on it even when the row is on another page of its table;
 * nothing is fetched, nothing logs an error; axe-core finds no serious or critical violation.
 * Needs /usr/bin/chromium (install: `apt-get install -y chromium`); set BENCHVAL_SKIP_BROWSER=1
 * to skip explicitly.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHARTS } from '../../src/charts';
import { loadReportData } from '../../src/report/load';

const ROOT = resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';
const SKIP = process.env.BENCHVAL_SKIP_BROWSER === '1';
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const SHOTS = join(ROOT, 'out', 'report');
const WIDTHS = [390, 768, 1024, 1400];
const HEIGHT = 900;

describe.skipIf(SKIP)('HTML report in headless Chromium', () => {
  let browser: Browser;
  let url = '';
  const pages: Page[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const networkRequests: string[] = [];

  /** The report in a fresh page of the given width and colour scheme, once every chart is drawn. */
  async function open(width: number, colorScheme: 'light' | 'dark' = 'light', hash = ''): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: HEIGHT }, colorScheme });
    const page = await context.newPage();
    pages.push(page);
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${width}px: ${m.text()}`); });
    page.on('pageerror', (e) => pageErrors.push(`${width}px: ${e.message}`));
    page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) networkRequests.push(r.url()); });
    await page.goto(url + hash);
    await page.waitForSelector('body[data-charts-ready="true"]', { timeout: 120000 });
    return page;
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} not found: install it with 'apt-get update && apt-get install -y chromium', or set BENCHVAL_SKIP_BROWSER=1 to skip this test`);
    }
    if (!existsSync(CLI)) throw new Error(`${CLI} not found: run 'npm run build' first (npm test does)`);
    const out = mkdtempSync(join(tmpdir(), 'benchval-e2e-'));
    execFileSync(process.execPath, [CLI, 'report', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    url = pathToFileURL(join(out, 'report', 'index.html')).href;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 180000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const width of WIDTHS) {
    it(`at ${width} px: no sideways scroll, every chart drawn, visible and inside the window`, async () => {
      const page = await open(width);
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        charts: Array.from(document.querySelectorAll('.chart')).map((el) => {
          const svg = el.querySelector('svg.marks');
          const box = svg ? svg.getBoundingClientRect() : null;
          return {
            name: el.getAttribute('data-chart'),
            state: el.getAttribute('data-rendered'),
            marks: el.querySelectorAll('svg .role-mark > *').length,
            left: box ? box.left : NaN, right: box ? box.right : NaN, width: box ? box.width : 0, height: box ? box.height : 0,
            visible: svg ? getComputedStyle(svg).visibility === 'visible' && getComputedStyle(svg).display !== 'none' : false,
          };
        }),
      }));
      expect(layout.scrollWidth).toBeLessThanOrEqual(width);
      expect(layout.charts.map((c) => c.name)).toEqual(CHARTS.map((c) => c.name));
      for (const c of layout.charts) {
        expect(c.state, `${c.name} at ${width}px`).toBe('true');
        expect(c.marks, `${c.name}: drawn items`).toBeGreaterThan(0);
        expect(c.visible, `${c.name} visible`).toBe(true);
        // a real chart, not a sliver: at least 40% of the window wide and 100 px tall
        expect(c.width, `${c.name} width at ${width}px`).toBeGreaterThan(width * 0.4);
        expect(c.height, `${c.name} height`).toBeGreaterThan(100);
        expect(c.left, `${c.name} left edge`).toBeGreaterThanOrEqual(0);
        expect(c.right, `${c.name} right edge`).toBeLessThanOrEqual(width);
      }
      // on a desktop every table shows all its columns, on a phone every row is a card: no sideways scroll inside a table's box either
      if (width === 1400 || width === 390) {
        const boxes = await page.$$eval('.datatable-container', (els) => els.map((e) => [e.scrollWidth, e.clientWidth]));
        expect(boxes).toHaveLength(5);
        for (const [scroll, client] of boxes) expect(scroll).toBeLessThanOrEqual(client + 1);
        const rowDisplay = await page.$eval('#table-facts tbody tr', (tr) => getComputedStyle(tr).display);
        expect(rowDisplay).toBe(width === 390 ? 'block' : 'table-row');
      }
      if (width === 390 || width === 1400) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, `screenshot-${width}.png`) });
        expect(statSync(join(SHOTS, `screenshot-${width}.png`)).size).toBeGreaterThan(10000);
      }
    }, 180000);
  }

  it('draws the page and the charts dark when the system asks for dark mode', async () => {
    const dark = await open(390, 'dark');
    const light = await open(1400, 'light');
    const colours = (page: Page) => page.evaluate(() => ({
      background: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
      // the title of the first chart as vega draws it
      chartTitle: document.querySelector('.chart svg.marks .role-title-text text')?.getAttribute('fill') ?? null,
    }));
    // --bg #121316 = rgb(18, 19, 22) and --fg #e8e8e8 in dark mode; white and #1d1d1f in light mode
    expect(await colours(dark)).toEqual({ background: 'rgb(18, 19, 22)', text: 'rgb(232, 232, 232)', chartTitle: '#e6e6e6' });
    const l = await colours(light);
    expect([l.background, l.text]).toEqual(['rgb(255, 255, 255)', 'rgb(29, 29, 31)']);
    expect(l.chartTitle).not.toBe('#e6e6e6');
    await dark.screenshot({ path: join(SHOTS, 'screenshot-390-dark.png') });
  }, 180000);

  it('sorts a table by a number column and filters it by entity and by text', async () => {
    const page = await open(1400);
    const facts = page.locator('#facts');
    const orders = () => page.$$eval('#table-facts tbody tr', (rows) => rows.map((r) => r.querySelectorAll('td')[5]?.getAttribute('data-order') ?? ''));
    // the value column (6th) sorts by the number, not by its text: ascending, then descending
    const sorter = facts.locator('thead th').nth(5).locator('button');
    await sorter.click();
    const up = (await orders()).filter((o) => o !== '').map(Number);
    expect(up.length).toBeGreaterThan(5);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    // the second sort by keyboard: the sort control is a button that takes focus and Enter
    await sorter.focus();
    await page.keyboard.press('Enter');
    const down = (await orders()).filter((o) => o !== '').map(Number);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    expect(await facts.locator('thead th').nth(5).getAttribute('aria-sort')).toBe('descending');
    // 25 rows per page before filtering
    expect(await page.locator('#table-facts tbody tr').count()).toBe(25);
    // entity filter: only StepFun's own rows remain, exact match (not step-3.5-flash)
    await page.selectOption('select[data-filter-for="table-facts"][data-column="2"]', 'stepfun');
    const entities = await page.$$eval('#table-facts tbody tr', (rows) => rows.map((r) => r.querySelectorAll('td')[2]?.textContent));
    expect(entities.length).toBeGreaterThan(0);
    expect(new Set(entities)).toEqual(new Set(['stepfun']));
    // text search on top of the filter: rows of the metric valuation
    await facts.locator('input.datatable-input').fill('valuation');
    const rows = await page.$$eval('#table-facts tbody tr', (trs) => trs.map((r) => [r.querySelectorAll('td')[2]?.textContent ?? '', r.textContent ?? '']));
    expect(rows.length).toBeGreaterThan(0);
    for (const [entity, text] of rows) {
      expect(entity).toBe('stepfun');
      expect(text.toLowerCase()).toContain('valuation');
    }
    // the status filter of the audit table leaves the failing findings
    await page.selectOption('select[data-filter-for="table-audit-findings"][data-column="0"]', 'fail');
    const statuses = await page.$$eval('#table-audit-findings tbody tr', (trs) => trs.map((r) => r.querySelector('td')?.textContent));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['fail']));
  }, 180000);

  it('offers SVG and PNG export and the source in every chart menu, with no network link', async () => {
    const page = await open(1400);
    for (const c of CHARTS) {
      const menu = page.locator(`#chart-${c.name} details`);
      await menu.locator('summary').click();
      const links = await menu.locator('.vega-actions a').evaluateAll((as) => as.map((a) => [a.textContent ?? '', a.getAttribute('href') ?? '']));
      const names = links.map(([t]) => t);
      expect(names, c.name).toEqual(expect.arrayContaining(['Save as SVG', 'Save as PNG']));
      expect(names.some((t) => /source/i.test(t ?? '')), c.name).toBe(true);
      expect(names.some((t) => /editor/i.test(t ?? '')), c.name).toBe(false);
      expect(links.filter(([, href]) => /^https?:/.test(href)), c.name).toEqual([]);
      await menu.locator('summary').click();
    }
    // the exports are the chart drawn in the page, as a local blob or data URL (vega-embed writes it when the link is pressed)
    const menu = page.locator('#chart-funding details');
    await menu.locator('summary').click();
    for (const [i, name] of [[0, 'Save as SVG'], [1, 'Save as PNG']] as const) {
      await menu.locator('a', { hasText: name }).dispatchEvent('mousedown');
      await page.waitForFunction((n) => /^(blob|data):/.test(document.querySelectorAll('#chart-funding .vega-actions a')[n]?.getAttribute('href') ?? ''), i);
    }
    expect(await menu.locator('a', { hasText: 'Save as PNG' }).getAttribute('href')).toMatch(/^data:image\/png;base64,/);
  }, 180000);

  it('takes a link to a fact row on another page of its table to that row', async () => {
    const page = await open(1400);
    // the last input link of the derived table: its fact row sits beyond the first page of the facts table
    const link = page.locator('#table-derived-metrics a[href^="#fact-"]').last();
    const href = (await link.getAttribute('href')) as string;
    const factId = href.slice('#fact-'.length);
    const before = await page.locator(`tr[data-fact-id="${factId}"]`).count();
    await link.click();
    await page.waitForFunction((id) => document.querySelector(':target')?.getAttribute('data-fact-id') === id, factId);
    const at = await page.evaluate(() => {
      const el = document.querySelector(':target') as HTMLElement;
      const box = el.getBoundingClientRect();
      return { tag: el.tagName, top: box.top, bottom: box.bottom, first: el.querySelector('td')?.textContent };
    });
    expect(at.tag).toBe('TR');
    expect(at.first).toBe(factId);
    expect(at.top).toBeGreaterThanOrEqual(0);
    expect(at.bottom).toBeLessThanOrEqual(HEIGHT);
    // that row was not on the first page before the click: the link opened its page
    expect(before).toBe(0);
    // a fact's value links to its source row
    const value = page.locator(':target a.fact-value');
    const sourceId = (await value.getAttribute('data-source-id')) as string;
    await value.click();
    await page.waitForFunction((id) => document.querySelector(':target')?.getAttribute('data-source-id') === id, sourceId);
  }, 180000);

  it('opens on the row a link names when the page is opened with its #fact-<id>', async () => {
    // the last fact of the data sits on the last page of the facts table (188 rows, 25 a page)
    const facts = loadReportData({}).facts;
    const last = facts[facts.length - 1].id;
    const page = await open(1400, 'light', `#fact-${encodeURIComponent(last)}`);
    await page.waitForFunction((id) => document.querySelector(':target')?.getAttribute('data-fact-id') === id, last);
    const box = await page.evaluate(() => document.querySelector(':target')!.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(HEIGHT);
  }, 180000);

  it('has no serious or critical accessibility violations (axe-core), light and dark', async () => {
    const { AxeBuilder } = await import('@axe-core/playwright');
    for (const [width, scheme] of [[1400, 'light'], [390, 'dark']] as const) {
      const page = await open(width, scheme);
      const result = await new AxeBuilder({ page }).analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(' ')}`);
      expect(serious, `${width}px ${scheme}`).toEqual([]);
    }
    // every chart has a text alternative: vega labels its SVG with the spec's description
    const page = await open(1400);
    const labels = await page.$$eval('.chart svg.marks', (svgs) => svgs.map((s) => s.getAttribute('aria-label') ?? ''));
    expect(labels).toHaveLength(CHARTS.length);
    for (const l of labels) expect(l.length).toBeGreaterThan(40);
  }, 300000);

  it('logs no errors and fetches nothing from the network', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(networkRequests).toEqual([]);
    expect(pages.length).toBeGreaterThan(0);
  });
});
