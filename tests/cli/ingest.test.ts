import * as fs from 'fs';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { command as ingest } from '../../src/cli/commands/ingest';
import { readSources } from '../../src/data';
import { readInbox } from '../../src/extract/inbox';
import { runCommand } from './capture';
import { cleanupIngestScratch, ingestScratch } from './ingest-fixture';

afterAll(cleanupIngestScratch);
const run = (argv: string[]) => runCommand(ingest, argv);
const args = (s: { dataDir: string; article: string }, id = 'test-zhipu-2025') =>
  [s.article, '--source-id', id, '--outlet', 'Test Wire', '--published', '2025-09-01', '--data-dir', s.dataDir];

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) out[f] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

describe('benchval ingest', () => {
  it('adds the source, keeps the article in data/articles and writes the inbox, with a cross-check summary', async () => {
    const s = ingestScratch();
    const r = await run(args(s));
    expect(r.code).toBe(0);
    const src = readSources({ dataDir: s.dataDir }).find((x) => x.id === 'test-zhipu-2025');
    expect(src).toMatchObject({ outlet: 'Test Wire', published: '2025-09-01', seed_file: 'zhipu-update.txt', language: 'zh-Hans' });
    expect(fs.readFileSync(path.join(s.dataDir, 'articles', 'zhipu-update.txt'), 'utf8')).toBe(fs.readFileSync(s.article, 'utf8'));
    const rows = readInbox(path.join(s.dataDir, 'inbox', 'test-zhipu-2025.csv'));
    expect(rows.map((x) => [x.table, x.entity, x.metric, x.quantity])).toEqual([
      ['financials', 'zhipu', 'revenue', '1.909亿元'],
      ['financials', 'zhipu', 'net_loss', '29.58万元'],
      ['valuations', '', 'valuation', '约20亿美元'],
    ]);
    expect(r.out).toContain('3 candidates: financials 2, valuations 1');
    expect(r.out).toContain('names not in entities.csv');
    expect(r.out).toContain('QuarkLab');
    // 1.909亿元 agrees with the base's 1.91亿元 (2025 H1); 29.58万元 is 1e4 below 29.58亿元 (2024)
    expect(r.out).toMatch(/pass\s+test-zhipu-2025-zhipu-revenue-2025-h1 1\.909亿元 .*ne-zhipu-revenue-2025-h1/);
    expect(r.out).toMatch(/fail\s+test-zhipu-2025-zhipu-net-loss-2024 29\.58万元 .*ne-zhipu-net_loss-2024/);
  });

  it('keeps the article in the seeds folder given by --seeds', async () => {
    const s = ingestScratch();
    const seeds = path.join(s.root, 'seeds');
    fs.mkdirSync(seeds);
    const r = await run([...args(s), '--seeds', seeds]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(seeds, 'zhipu-update.txt'))).toBe(true);
    expect(fs.existsSync(path.join(s.dataDir, 'articles'))).toBe(false);
  });

  it('refuses a source id that exists, writing nothing', async () => {
    const s = ingestScratch();
    const before = snapshot(s.dataDir);
    const r = await run(args(s, 'qbitai-20260227'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/source id 'qbitai-20260227' already exists/);
    expect(r.err).toContain('nothing written');
    expect(snapshot(s.dataDir)).toEqual(before);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /empty file/],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), /binary file \(NUL byte at byte offset 4\)/],
    ['a file that is not UTF-8', Buffer.concat([Buffer.from('智谱营收', 'utf8'), Buffer.from([0xb5, 0xc4])]), /not UTF-8: invalid byte 0xb5 at byte offset 12/],
  ])('refuses %s, writing nothing', async (_what, bytes, message) => {
    const s = ingestScratch();
    fs.writeFileSync(s.article, bytes);
    const before = snapshot(s.dataDir);
    const r = await run(args(s));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(snapshot(s.dataDir)).toEqual(before);
  });

  it('needs --source-id, --outlet and --published', async () => {
    const s = ingestScratch();
    expect((await run([s.article, '--outlet', 'X', '--published', '2025-01-01', '--data-dir', s.dataDir])).err).toMatch(/--source-id is required/);
    expect((await run([s.article, '--source-id', 'Bad Id', '--outlet', 'X', '--published', '2025-01-01'])).code).toBe(2);
  });
});
