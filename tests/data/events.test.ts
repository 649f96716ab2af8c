import { describe, expect, it } from 'vitest';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { derivedEventKey, eventOf, groupByEvent } from '../../src/data/events';
import { DEFAULT_DATA_DIR } from '../../src/data/paths';
import { readFacts, inspectData } from '../../src/data/dataset';
import type { Fact } from '../../src/types';

type Ev = Parameters<typeof derivedEventKey>[0] & { event?: string };

const base: Ev = {
  table: 'financials', entity: 'zhipu', metric: 'revenue', qualifier: 'exact',
  as_of: null, period_start: '2025-01-01', period_end: '2025-06-30',
};

describe('event keys', () => {
  it('keys a flow by entity, metric and period', () => {
    expect(derivedEventKey(base)).toBe('zhipu|revenue||2025-01-01..2025-06-30|');
  });

  it('keys a named funding round by its name, whatever its date', () => {
    const a: Ev = { ...base, table: 'funding_rounds', metric: 'funding_amount', period_start: null, period_end: null, as_of: '2026-01-26', round: 'B+' };
    const b: Ev = { ...a, as_of: '2026-02-27' };
    expect(derivedEventKey(a)).toBe('zhipu|funding_amount|B+||');
    expect(derivedEventKey(b)).toBe(derivedEventKey(a));
  });

  it('keys a stock by its month and keeps targets apart', () => {
    const s: Ev = { ...base, table: 'deployments', metric: 'installs', period_start: null, period_end: null, as_of: '2026-02-27' };
    expect(derivedEventKey(s)).toBe('zhipu|installs||2026-02|');
    expect(derivedEventKey({ ...s, as_of: '2026-02' })).toBe(derivedEventKey(s));
    expect(derivedEventKey({ ...s, as_of: '2026-01-26' })).not.toBe(derivedEventKey(s));
    expect(derivedEventKey({ ...s, qualifier: 'target' })).toBe('zhipu|installs||2026-02|goal');
  });

  it('keys a benchmark score by benchmark and variant, not by date', () => {
    const b: Ev = { ...base, table: 'benchmarks', metric: 'score', period_start: null, period_end: null, as_of: '2026-02-27', benchmark: 'AIME 2025', variant: null };
    expect(derivedEventKey(b)).toBe('zhipu|score|AIME 2025/||');
  });

  it('lets the event column override the derived key', () => {
    expect(eventOf({ ...base, event: 'stepfun-installs-2026' })).toBe('stepfun-installs-2026');
    const groups = groupByEvent([{ ...base }, { ...base, entity: 'minimax' }, { ...base }]);
    expect([...groups.values()].map((g) => g.length)).toEqual([2, 1]);
  });

  it('sets event on every loaded fact and reads the optional column', () => {
    const facts = readFacts({});
    expect(facts.every((f: Fact) => typeof f.event === 'string' && f.event !== '')).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-events-'));
    for (const f of fs.readdirSync(DEFAULT_DATA_DIR)) if (f.endsWith('.csv')) fs.copyFileSync(path.join(DEFAULT_DATA_DIR, f), path.join(dir, f));
    const file = path.join(dir, 'market.csv');
    const lines = fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '').split(/\r?\n/);
    lines[0] += ',event';
    for (let i = 1; i < lines.length; i++) lines[i] += i === 1 ? ',stepfun-devices:2026' : ',';
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const first = readFacts({ dataDir: dir }).find((f) => f.file.endsWith('market.csv') && f.line === 2)!;
    expect(first.event).toBe('stepfun-devices:2026');
    expect(first.event_set).toBe(true);
    lines[1] = lines[1].replace(/,stepfun-devices:2026$/, ',Bad Key');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const r = inspectData({ dataDir: dir });
    expect(r.issues.map((i) => `${i.line}:${i.column}`)).toContain('2:event');
  });
});
