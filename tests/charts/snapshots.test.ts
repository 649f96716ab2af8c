/**
 * SVG snapshots of every chart built from the fixture data. Update on purpose with
 * `npm run snapshots:update` and review the diff of tests/charts/__snapshots__/.
 */
import { describe, expect, it } from 'vitest';
import { CHARTS, renderSvg } from '../../src/charts';
import { chartFixtureContext } from './fixtures';

describe('chart SVG snapshots', () => {
  for (const chart of CHARTS) {
    it(chart.name, async () => {
      const spec = chart.build(chartFixtureContext());
      const first = await renderSvg(spec, { name: chart.name });
      const again = await renderSvg(chart.build(chartFixtureContext()), { name: chart.name });
      // deterministic: same input, same bytes (no random ids, no dates)
      expect(again.svg).toBe(first.svg);
      await expect(first.svg).toMatchFileSnapshot(`./__snapshots__/${chart.name}.svg`);
    });
  }
});
