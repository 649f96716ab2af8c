/**
 * `benchval metrics [--json] [--data-dir DIR]`: the derived table computed over the whole fact
 * base, as a readable table or as `{ "derived": [...] }`.
 */
import type { Command } from '../main';
import { readDataset, takeDataDirArg } from '../../data';
import { computeDerived, type Derived } from '../../metrics/derived';
import { interval, formatInterval } from '../../metrics/interval';

/** "—" where the formula is undefined for the inputs (the note says why). */
function valueCell(d: Derived): string {
  return d.value === null ? '—' : String(d.value);
}

function intervalCell(d: Derived): string {
  return d.value === null && d.low === null && d.high === null ? '—' : formatInterval(interval(d.low, d.high));
}

export function formatDerivedTable(rows: readonly Derived[]): string {
  const header = ['metric', 'entity', 'value', 'interval', 'unit', 'formula', 'inputs', 'note'];
  const body = rows.map((d) => [
    d.metric, d.entity, valueCell(d), intervalCell(d), d.currency ? `${d.unit} ${d.currency}` : d.unit, d.formula, d.inputs.join(', '), d.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...body.map((r) => r[i].length))));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export const command: Command = {
  summary: 'derived metrics (P/S, growth, loss ratios, shares, model sizes) over all facts',
  run(argv) {
    const { dataDir, rest } = takeDataDirArg(argv);
    const json = rest.includes('--json');
    const unknown = rest.filter((a) => a !== '--json');
    if (unknown.length) {
      process.stderr.write(`benchval metrics: unknown option(s) ${unknown.join(' ')}\nusage: benchval metrics [--json] [--data-dir DIR]\n`);
      return 2;
    }
    const ds = readDataset({ dataDir });
    const rows = computeDerived(ds.facts, ds.assumptions);
    process.stdout.write(json ? JSON.stringify({ derived: rows }, null, 2) + '\n' : formatDerivedTable(rows) + '\n');
    return 0;
  },
};
