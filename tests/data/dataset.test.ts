/**
 * The committed fact base itself: row counts per table, values in base units for hand-checked
 * rows, and every evidence phrase found verbatim in its article.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { readEntities, readFacts, readSources, validateData } from '../../src/data';
import { factRecord } from '../../src/cli/commands/facts';
import type { Fact } from '../../src/types';
import { ARTICLES, needsArticles } from '../seeds';

const VERIFY = path.resolve(__dirname, '../../../shared/tools/verify-evidence.mjs');

const facts = readFacts();
const byId = new Map(facts.map((f) => [f.id, f]));
const fact = (id: string): Fact => {
  const f = byId.get(id);
  if (!f) throw new Error(`no fact ${id}`);
  return f;
};

describe('committed data', () => {
  it('validates without issues', () => {
    expect(validateData()).toEqual([]);
  });

  it('has the expected number of rows per table', () => {
    const counts: Record<string, number> = {};
    for (const f of facts) counts[f.table] = (counts[f.table] ?? 0) + 1;
    expect(counts).toEqual({
      benchmarks: 21, funding_rounds: 12, valuations: 9, financials: 20,
      multiples: 4, deployments: 37, model_specs: 77, market: 16,
    });
    expect(facts).toHaveLength(196); // 188 + 3 ranks + founding date + 4 release dates
    expect(readSources()).toHaveLength(5);
    expect(readEntities().length).toBeGreaterThanOrEqual(55);
  });

  it('draws facts from every source', () => {
    const perSource = new Set(facts.map((f) => f.source));
    expect([...perSource].sort()).toEqual(readSources().map((s) => s.id).sort());
  });

  it('parses hand-checked rows into base units', () => {
    // 超50亿元 = 50 x 1e8 = 5e9 CNY, open above
    const bplus = fact('qb-stepfun-funding_amount-bplus');
    expect([bplus.value, bplus.low, bplus.high, bplus.currency, bplus.qualifier]).toEqual([5e9, 5e9, null, 'CNY', 'over']);
    // 321B = 321 x 1e9 parameters
    expect(fact('tmt-step-3-total_parameters').value).toBe(3.21e11);
    // 96.11% stays in percent
    expect(fact('qb-step-3.5-flash-score-matharena-overall').value).toBe(96.11);
    // 200-300亿元 = [2e10, 3e10], midpoint 2.5e10
    const val = fact('tmt-stepfun-valuation-post-bplus');
    expect([val.low, val.high, val.value]).toEqual([2e10, 3e10, 2.5e10]);
    // 5343.7萬美元 = 5343.7 x 1e4 = 53,437,000 USD exactly
    expect(fact('ne-minimax-revenue-2025-9m').value).toBe(53437000);
    // 突破3000亿港元: over 3000 x 1e8 HKD = [3e11, open)
    const cap = fact('qb-zhipu-market_cap');
    expect([cap.low, cap.high, cap.currency]).toEqual([3e11, null, 'HKD']);
    // 1元/百万token = 1e-6 CNY per token
    expect(fact('jz-step-2-mini-price_input').value).toBeCloseTo(1e-6, 15);
  });

  it.skipIf(ARTICLES.dir === null)(needsArticles('finds every evidence phrase verbatim in its article'), () => {
    const norm = (s: string): string => s.replace(/\s+/g, '');
    const missing = facts.filter((f) => !norm(readFileSync(path.join(ARTICLES.dir!, f.seed_file), 'utf8')).includes(norm(f.evidence)));
    expect(missing.map((f) => f.id)).toEqual([]);
  });

  it.runIf(existsSync(VERIFY))('passes the shared evidence checker on the facts export', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'benchval-facts-'));
    const file = path.join(dir, 'facts.json');
    writeFileSync(file, JSON.stringify(facts.map(factRecord)));
    const out = execFileSync(process.execPath, [VERIFY, file], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
    expect(out).toContain('196 passed, 0 failed');
  });
});
