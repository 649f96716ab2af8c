/**
 * Derived rows grow with the data, not with its square: row counts on the real data (1x) and on
 * synthetic data ten times its size (src/bench/synthetic.ts), per rule. No timing here: speed
 * is measured by `npm run bench` (src/bench/cases/linear-growth.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticData } from '../../src/bench/synthetic';
import { readDataset } from '../../src/data';
import { DEFAULT_DATA_DIR } from '../../src/data/paths';
import { computeDerived } from '../../src/metrics/derived';

const tmp = mkdtempSync(join(tmpdir(), 'benchval-scale-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function counts(dataDir: string): { facts: number; rows: number; byMetric: Record<string, number> } {
  const ds = readDataset({ dataDir });
  const rows = computeDerived(ds.facts, ds.assumptions);
  const byMetric: Record<string, number> = {};
  for (const r of rows) byMetric[r.metric] = (byMetric[r.metric] ?? 0) + 1;
  return { facts: ds.facts.length, rows: rows.length, byMetric };
}

describe('derived rows at 1x and 10x the facts', () => {
  const one = counts(DEFAULT_DATA_DIR);
  const ten = counts(writeSyntheticData(DEFAULT_DATA_DIR, join(tmp, 'x10'), { factor: 10 }).dataDir);

  it('1x: 196 facts give 92 rows; funding_share is one row per CNY round of 2025', () => {
    expect(one.facts).toBe(196);
    expect(one.rows).toBe(92);
    // StepFun B+ (six reports, one event) and the 2025 rounds of MiniMax, Zhipu and Moonshot:
    // 4, not 4 rounds x 2 reports of the total or 6 B+ reports x 2 totals
    expect(one.byMetric.funding_share).toBe(4);
    // 2 subjects (Zhipu, MiniMax market cap / sales) x 3 peer multiples of one article x 2 horizons
    expect(one.byMetric.required_revenue_cagr).toBe(12);
  });
  it('10x: 1,960 facts give 518 rows, fewer than 10 x 92; no rule grows faster than the facts', () => {
    expect(ten.facts).toBe(1960); // 196 x 10
    expect(ten.rows).toBe(518);
    expect(ten.rows).toBeLessThanOrEqual(10 * one.rows);
    for (const [metric, n] of Object.entries(ten.byMetric)) {
      // a metric rare at 1x may gain pairs on generated entities (a benchmark with one model at
      // 1x has 1 score gap, at 10x its generated models get 31): bounded by 10 x max(1x, 4)
      expect(n, metric).toBeLessThanOrEqual(10 * Math.max(one.byMetric[metric] ?? 0, 4));
    }
    // was 1,400 (every round x every total) and 3,540 (every subject x every stated multiple)
    expect(ten.byMetric.funding_share).toBe(29);
    expect(ten.byMetric.required_revenue_cagr).toBe(66);
  });
});
