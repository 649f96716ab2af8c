/**
 * SVG snapshots of every chart built from the committed data (data/*.csv, with the derived
 * metrics and the audit findings the main job computes), so that an edit of the data shows
 * up as a chart diff. Update on purpose with `npm run snapshots:update` and review the diff of
 * tests/charts/__snapshots__/data/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHARTS, renderSvg } from '../../src/charts';
import { loadReportData } from '../../src/report/load';

/** the project's data/ (never BENCHVAL_DATA_DIR: the snapshots are of the committed data) */
const DATA_DIR = join(__dirname, '..', '..', 'data');

describe('chart SVG snapshots of the committed data', () => {
  const data = loadReportData({ dataDir: DATA_DIR });

  it('loads the data the main job loads', () => {
    expect(data.facts.length).toBeGreaterThan(0);
    expect(data.derived.length).toBeGreaterThan(0);
    expect(data.findings.length).toBeGreaterThan(0);
  });

  for (const chart of CHARTS) {
    it(chart.name, async () => {
      const first = await renderSvg(chart.build(data), { name: chart.name });
      // a fresh load and build: same data, same bytes
      const again = await renderSvg(chart.build(loadReportData({ dataDir: DATA_DIR })), { name: chart.name });
      expect(again.svg).toBe(first.svg);
      await expect(first.svg).toMatchFileSnapshot(`./__snapshots__/data/${chart.name}.svg`);
    }, 30000);
  }
});
