import * as fs from 'fs';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { command as extract } from '../../src/cli/commands/extract';
import { runCommand } from './capture';
import { cleanupIngestScratch, ingestScratch } from './ingest-fixture';

afterAll(cleanupIngestScratch);
const run = (argv: string[]) => runCommand(extract, argv);

describe('benchval extract', () => {
  it('prints candidates as JSON with the facts-export fields plus entity_text, confidence and reasons', async () => {
    const s = ingestScratch();
    const r = await run([s.article, '--published', '2025-09-01', '--json', '--data-dir', s.dataDir]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(rows.map((x) => x.quantity)).toEqual(['1.909亿元', '29.58万元', '约20亿美元']);
    expect(Object.keys(rows[0]).slice(0, 18)).toEqual([
      'id', 'table', 'entity', 'metric', 'quantity', 'value', 'low', 'high', 'unit', 'currency', 'qualifier',
      'as_of', 'period_start', 'period_end', 'source', 'seed_file', 'evidence', 'note',
    ]);
    expect(rows[0]).toMatchObject({ entity: 'zhipu', metric: 'revenue', value: 190900000, period_start: '2025-01-01', period_end: '2025-06-30' });
    expect(rows[2]).toMatchObject({ entity: null, entity_text: 'QuarkLab', metric: 'valuation', qualifier: 'approx' });
    expect(typeof rows[0].confidence).toBe('number');
    expect(Array.isArray(rows[0].reasons)).toBe(true);
    // no side effects
    expect(fs.readdirSync(s.dataDir).sort()).toEqual(fs.readdirSync(path.resolve(__dirname, '../../data')).filter((f) => f.endsWith('.csv')).sort());
  });

  it('prints a readable table and CSV', async () => {
    const s = ingestScratch();
    const t = await run([s.article, '--published', '2025-09-01', '--data-dir', s.dataDir]);
    expect(t.out).toContain('CNY 190.9m'); // 1.909亿元 keeps its four written digits
    expect(t.out).toMatch(/3 candidates; published 2025-09-01; main subject zhipu; names not in entities.csv: QuarkLab/);
    const c = await run([s.article, '--published', '2025-09-01', '--csv', '--data-dir', s.dataDir]);
    expect(c.out.split('\n')[0]).toMatch(/^id,table,entity,metric,quantity,/);
  });

  it('shows a release or founding date written to the month as the month, not its midpoint day', async () => {
    const s = ingestScratch();
    const file = path.join(path.dirname(s.article), 'dates.txt');
    fs.writeFileSync(file, '阶跃星辰2023年4月成立于上海。Step 3于2025年7月31日正式发布。\n');
    const t = await run([file, '--published', '2026-01-20', '--data-dir', s.dataDir]);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/founding_date\s+2023-04\s/); // 2023年4月: the whole month, not day 2023-04-16
    expect(t.out).toMatch(/release_date\s+2025-07-31\s/);
  });

  it('needs a publication date when the article has none, and rejects bad files', async () => {
    const s = ingestScratch();
    const r = await run([s.article, '--data-dir', s.dataDir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--published/);
    fs.writeFileSync(s.article, Buffer.from([0xe8, 0x90, 0xa5, 0xff]));
    const bad = await run([s.article, '--published', '2025-09-01', '--data-dir', s.dataDir]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/not UTF-8: invalid byte 0xff at byte offset 3/);
    expect((await run(['--json'])).code).toBe(2);
  });
});
