import * as fs from 'fs';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { command as ingest } from '../../src/cli/commands/ingest';
import { command as accept } from '../../src/cli/commands/accept';
import { command as inbox } from '../../src/cli/commands/inbox';
import { runValidation } from '../../src/cli/commands/validate';
import { readFacts } from '../../src/data';
import { formatInbox, readInbox } from '../../src/extract/inbox';
import { runCommand } from './capture';
import { cleanupIngestScratch, ingestScratch } from './ingest-fixture';

afterAll(cleanupIngestScratch);

async function ingested() {
  const s = ingestScratch();
  const r = await runCommand(ingest, [s.article, '--source-id', 'test-zhipu-2025', '--outlet', 'Test Wire', '--published', '2025-09-01', '--data-dir', s.dataDir]);
  expect(r.code).toBe(0);
  return { ...s, inboxFile: path.join(s.dataDir, 'inbox', 'test-zhipu-2025.csv') };
}

describe('benchval inbox and accept', () => {
  it('lists what waits for review', async () => {
    const s = await ingested();
    const r = await runCommand(inbox, ['--data-dir', s.dataDir]);
    expect(r.out).toMatch(/^test-zhipu-2025: 3 rows, confidence \d\.\d\d–\d\.\d\d/);
  });

  it('moves valid rows into their tables with stable ids and leaves failing rows with the error', async () => {
    const s = await ingested();
    const before = readFacts({ dataDir: s.dataDir }).length;
    const r = await runCommand(accept, ['test-zhipu-2025', '--data-dir', s.dataDir]);
    // the valuation row has no entity (QuarkLab is unknown): it stays with the error
    expect(r.code).toBe(1);
    expect(r.out).toContain('accepted 2 rows: financials 2');
    expect(r.out).toMatch(/left in inbox: .*test-zhipu-2025\.csv:4: column 'entity': empty \('QuarkLab' is not in entities\.csv/);
    const facts = readFacts({ dataDir: s.dataDir });
    expect(facts.length).toBe(before + 2);
    const rev = facts.find((f) => f.id === 'test-zhipu-2025-zhipu-revenue-2025-h1');
    expect(rev).toMatchObject({ table: 'financials', entity: 'zhipu', value: 190900000, source: 'test-zhipu-2025', period_end: '2025-06-30' });
    // the note records how the row was extracted
    expect(rev?.note).toMatch(/^extracted \(confidence 0\.\d+\): metric revenue: cue '营收'/);
    const left = readInbox(s.inboxFile);
    expect(left.map((x) => x.quantity)).toEqual(['约20亿美元']);
    expect(left[0].error).toMatch(/entity/);
    // the data still validates, the new article's evidence included
    expect(runValidation({ dataDir: s.dataDir }).issues).toEqual([]);
  });

  it('leaves rows in the inbox when they would make rows already in the data invalid', async () => {
    const s = await ingested();
    // `businesses_using` has one row in the data, in 'count'; the two financial rows renamed to it
    // are money: two new rows would outvote the existing one's unit, so the problem would land on
    // the existing row. Both new rows stay in the inbox with the problem; nothing else changes.
    const rows = readInbox(s.inboxFile).map(({ __line, ...r }) => r);
    const edited = rows.map((r) => (r.table === 'financials' ? { ...r, metric: 'businesses_using' } : r));
    fs.writeFileSync(s.inboxFile, formatInbox(edited));
    const before = readFacts({ dataDir: s.dataDir }).length;
    const r = await runCommand(accept, ['test-zhipu-2025', '--data-dir', s.dataDir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('accepted 0 rows');
    expect(r.out.match(/column 'metric': the existing rows of 'businesses_using' would become invalid: .*one metric takes one unit/g)).toHaveLength(2);
    expect(readFacts({ dataDir: s.dataDir }).length).toBe(before);
    expect(readInbox(s.inboxFile)).toHaveLength(3);
    expect(runValidation({ dataDir: s.dataDir }).issues).toEqual([]);
  });

  it('takes the analyst\'s edits and deletions, and removes the inbox once empty', async () => {
    const s = await ingested();
    const rows = readInbox(s.inboxFile).map(({ __line, ...r }) => r);
    // drop the net-loss row, fix the valuation row's entity
    const kept = rows.filter((r) => r.metric !== 'net_loss').map((r) => (r.metric === 'valuation' ? { ...r, entity: 'zhipu' } : r));
    fs.writeFileSync(s.inboxFile, formatInbox(kept));
    const r = await runCommand(accept, ['test-zhipu-2025', '--data-dir', s.dataDir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('accepted 2 rows: valuations 1, financials 1');
    expect(fs.existsSync(s.inboxFile)).toBe(false);
    expect(readFacts({ dataDir: s.dataDir }).some((f) => f.metric === 'net_loss' && f.source === 'test-zhipu-2025')).toBe(false);
  });

  it('keeps the article where validate finds it, even without a seeds folder', async () => {
    const s = await ingested();
    await runCommand(accept, ['test-zhipu-2025', '--data-dir', s.dataDir]);
    const noSeeds = { dataDir: s.dataDir, defaultSeedsDir: path.join(s.root, 'no-seeds-here') };
    expect(runValidation(noSeeds).issues).toEqual([]);
    // an accepted row whose evidence is not in data/articles/<seed_file> is reported at its line
    const file = path.join(s.dataDir, 'financials.csv');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('智谱2024年净亏损29.58万元', '智谱2024年净亏损29.58万元整'));
    const issues = runValidation(noSeeds).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ column: 'evidence' });
    expect(issues[0].message).toMatch(/does not occur in the article of 'test-zhipu-2025'/);
  });

  it('leaves rows below --min-confidence in the inbox', async () => {
    const s = await ingested();
    const r = await runCommand(accept, ['test-zhipu-2025', '--min-confidence', '1', '--data-dir', s.dataDir]);
    expect(r.out).toContain('accepted 0 rows');
    expect(readInbox(s.inboxFile)).toHaveLength(3);
  });

  it('rejects an unknown source id, writing nothing', async () => {
    const s = await ingested();
    const before = fs.readFileSync(path.join(s.dataDir, 'financials.csv'), 'utf8');
    const r = await runCommand(accept, ['no-such-source', '--data-dir', s.dataDir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unknown source id 'no-such-source'.*waiting for review: test-zhipu-2025/);
    expect(fs.readFileSync(path.join(s.dataDir, 'financials.csv'), 'utf8')).toBe(before);
  });
});
