import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as path from 'path';
import { IssueList } from '../../src/data/errors';
import { claimsWithoutEvidence, parseClaims, readClaims } from '../../src/audit/claims';
import { readDataset } from '../../src/data';
import { runAudit } from '../../src/audit/run';

const HEADER = 'id,source,claim,evidence,stated,unit,expression,tolerance,note';
const SEEDS = process.env.BENCHVAL_SEEDS_DIR ?? path.resolve(__dirname, '../../../shared/seeds');

describe('claims.csv parsing', () => {
  it('reads rows and reports bad cells with line and column', () => {
    const issues = new IssueList();
    const claims = parseClaims([
      HEADER,
      'ok,s,P/S,约为 25 倍,约25倍,multiple,a / b,,',
      'bad-expr,s,x,y,25倍,multiple,a / (b,,',
      'bad-stated,s,x,y,lots,multiple,a,,',
      'ok,s,dup,y,1,multiple,a,,',
    ].join('\n'), 'claims.csv', issues);
    expect(claims.map((c) => c.id)).toEqual(['ok']);
    const where = issues.items.map((i) => `${i.line}:${i.column}`);
    expect(where).toEqual(['3:expression', '4:stated', '5:id']);
  });
  it('rejects a wrong header', () => {
    const issues = new IssueList();
    parseClaims('id,source\nx,y', 'claims.csv', issues);
    expect(issues.items[0].message).toMatch(/header must be/);
  });
});

const hasData = fs.existsSync(path.resolve(__dirname, '../../data/claims.csv'));

describe.runIf(hasData)('claims on the real data', () => {
  it('every evidence phrase occurs verbatim in its article', () => {
    const ds = readDataset();
    const claims = readClaims();
    expect(claims.length).toBeGreaterThanOrEqual(40);
    if (fs.existsSync(SEEDS)) expect(claimsWithoutEvidence(claims, ds.sources, SEEDS).map((c) => c.id)).toEqual([]);
  });
  it('the StepFun P/S claim passes with computed [20, 30] (200亿/10亿 = 20, 300亿/10亿 = 30)', () => {
    const { findings } = runAudit();
    const f = findings.find((x) => x.id === 'tmt-stepfun-ps-about-25x');
    expect(f?.status).toBe('pass');
    expect([f?.computed?.low, f?.computed?.high]).toEqual([20, 30]);
    // 约25倍 -> 25 +/- 10%
    expect([f?.stated?.low, f?.stated?.high]).toEqual([22.5, 27.5]);
  });
  it('flags the known slips: 3890B, 5GB at int8, 23.5x outside 10-20x', () => {
    const { findings } = runAudit();
    const status = (id: string) => findings.find((x) => x.id === id)?.status;
    expect(status('bl-hunyuan-large-3890b')).toBe('fail'); // 3890亿 = 389B, not 3890B
    expect(status('tmt-step-3-int8-memory')).toBe('fail'); // 321B x 1 byte = 321GB
    expect(status('tmt-step3-vl-10b-vs-qwen3-vl')).toBe('fail'); // 235 / 10 = 23.5
    expect(status('tmt-step-3-parameter-efficiency')).toBe('pass'); // 321 / 38 = 8.447
  });
});
