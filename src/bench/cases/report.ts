/**
 * The HTML report in the browser: time from opening out/report/index.html in headless Chromium
 * (1400 x 900) until every chart is drawn and every table taken over by the table library
 * (body[data-charts-ready]), for the committed data and for the synthetic data at 10x
 * (src/bench/synthetic.ts), median of three page loads each. Needs /usr/bin/chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from 'simple-statistics';
import { projectRoot } from '../../notebooks/paths';
import type { BenchCase, BenchResult } from '../main';
import { writeSyntheticData } from '../synthetic';

const ROOT = projectRoot();
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const CHROMIUM = '/usr/bin/chromium';
const RUNS = 3;
/** seconds until a reader can use the report */
export const REPORT_READY_TARGET_SECONDS: Record<string, number> = { '1x': 4, '10x': 10 };

async function loadTimes(html: string): Promise<number[]> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const start = process.hrtime.bigint();
      await page.goto(pathToFileURL(html).href);
      await page.waitForSelector('body[data-charts-ready="true"]', { timeout: 300_000 });
      times.push(Number(process.hrtime.bigint() - start) / 1e9);
      await page.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

export const cases: BenchCase[] = [
  {
    name: 'report-load',
    async run(): Promise<BenchResult[]> {
      if (!existsSync(CHROMIUM)) {
        return [{ name: 'report-load: skipped', value: 0, unit: 's', target: null, detail: `${CHROMIUM} not found (apt-get install -y chromium)` }];
      }
      const dir = mkdtempSync(join(tmpdir(), 'benchval-report-load-'));
      try {
        const results: BenchResult[] = [];
        const synthetic = writeSyntheticData(join(ROOT, 'data'), join(dir, 'x10'), { factor: 10 });
        for (const [size, dataDir] of [['1x', join(ROOT, 'data')], ['10x', synthetic.dataDir]] as const) {
          const out = join(dir, `out-${size}`);
          execFileSync(process.execPath, [CLI, 'report', '--data-dir', dataDir, '--out', out], { cwd: ROOT, stdio: 'ignore' });
          const html = join(out, 'report', 'index.html');
          const times = await loadTimes(html);
          results.push({
            name: `report-load: ${size} data, open to charts and tables ready in Chromium (median of ${RUNS})`,
            value: median(times),
            unit: 's',
            target: REPORT_READY_TARGET_SECONDS[size],
            detail: `runs ${times.map((t) => t.toFixed(2)).join(' / ')} s, page ${(statSync(html).size / 1e6).toFixed(2)} MB`,
          });
        }
        return results;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
