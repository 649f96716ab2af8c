/**
 * End to end: runs the main job on the real data (dist build), opens out/report/index.html
 * in headless Chromium and checks that every chart renders, nothing is fetched, no console
 * error is logged, and a fact's source link targets the right source row.
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
const SCREENSHOT = join(ROOT, 'out', 'report', 'screenshot.png');

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
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
    const out = mkdtempSync(join(tmpdir(), 'benchval-e2e-'));
    execFileSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'report', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    const html = join(out, 'report', 'index.html');
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
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

  it('takes a fact value link to its source row', async () => {
    const link = page.locator('#facts a.fact-value').first();
    const sourceId = await link.getAttribute('data-source-id');
    const factId = await link.getAttribute('data-fact-id');
    expect(sourceId).toBeTruthy();
    expect(factId).toBeTruthy();
    await link.click();
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe(`#source-${sourceId}`);
    const target = await page.evaluate(() => {
      const el = document.querySelector(':target');
      return el ? { tag: el.tagName, source: el.getAttribute('data-source-id'), top: el.getBoundingClientRect().top } : null;
    });
    expect(target?.tag).toBe('TR');
    expect(target?.source).toBe(sourceId);
    // scrolled into view
    expect(target!.top).toBeGreaterThanOrEqual(0);
    expect(target!.top).toBeLessThan(900);
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
