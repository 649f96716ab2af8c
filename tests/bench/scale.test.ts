import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { growthExponent } from '../../src/bench/cases/scale';
import { peakRssKb, readMeasured } from '../../src/bench/measureRun';
import { factorFor, writeSyntheticData } from '../../src/bench/synthetic';
import { runValidation } from '../../src/validation';

const FIXTURE = resolve(__dirname, '../data/fixtures/valid');
const FIXTURE_SEEDS = resolve(__dirname, '../data/fixtures/seeds');
const tmp = mkdtempSync(join(tmpdir(), 'benchval-scale-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('scale bench', () => {
  it('takes the growth exponent between the two largest sizes', () => {
    // 10x the facts in 10x the time: linear; in 100x the time: quadratic
    expect(growthExponent([{ facts: 1000, seconds: 5 }, { facts: 10_000, seconds: 1 }, { facts: 100_000, seconds: 10 }])).toBeCloseTo(1, 10);
    expect(growthExponent([{ facts: 10_000, seconds: 1 }, { facts: 100_000, seconds: 100 }])).toBeCloseTo(2, 10);
  });

  it('reads the peak memory line of a measured run', () => {
    const stderr = 'benchval all: charts\nbenchval-measure {"maxRssKb":2048,"cpuSeconds":1.5}\n';
    expect(peakRssKb(stderr)).toBe(2048);
    expect(readMeasured(stderr)).toEqual({ maxRssKb: 2048, cpuSeconds: 1.5 });
    expect(peakRssKb('killed')).toBeNull();
  });

  it('generates about the number of facts asked for, and the result validates with its articles', () => {
    // the valid fixture has 25 fact rows: 260 facts is factor 260 / 25 = 10.4, rounded to 10, so 250 rows
    expect(factorFor(FIXTURE, 260)).toBe(10);
    const syn = writeSyntheticData(FIXTURE, join(tmp, 'f250'), { facts: 260, seedsDir: FIXTURE_SEEDS });
    expect(syn.facts).toBe(250);
    const v = runValidation({ dataDir: syn.dataDir, seedsDir: syn.articlesDir });
    expect(v.issues).toEqual([]);
    expect(v.dataset.facts.length).toBe(syn.facts);
  });
});
