/**
 * `benchval metrics [--json] [--data-dir DIR]`: the derived table computed over the whole fact
 * base, as a readable table or as `{ "derived": [...] }`.
 */
import type { Command } from '../main';
import { readDataset, takeDataDirArg } from '../../data';
import { computeDerived, type Derived } from '../../metrics/derived';
import { formatInterval, formatNumber } from '../../units/format';

/** The stated value in its unit; "—" where the formula is undefined for the inputs (the note says why). */
function valueCell(d: Derived): string {
  return formatNumber(d.value, d.unit, d.currency);
}

/** The interval in its unit (`20–30x`, `≥ 704x`); "—" without bounds. */
function intervalCell(d: Derived): string {
  return d.low === null && d.high === null ? '—' : formatInterval(d, d.unit, d.currency);
}

/** Terminal width of text: CJK characters take two cells. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** The derived table for people: label, value and interval formatted in their unit, formula, inputs, note, id. */
export function formatDerivedTable(rows: readonly Derived[]): string {
  const header = ['metric', 'value', 'interval', 'formula', 'inputs', 'note', 'id'];
  const body = rows.map((d) => [
    d.label ?? `${d.entity} · ${d.metric}`, valueCell(d), intervalCell(d), d.formula, d.inputs.join(', '), d.note ?? '', d.id,
  ]);
  const widths = header.map((h, i) => Math.min(60, Math.max(width(h), ...body.map((r) => width(r[i])))));
  const line = (r: string[]): string => r.map((c, i) => c + ' '.repeat(Math.max(0, widths[i] - width(c)))).join('  ').trimEnd();
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
    const rows = computeDerived(ds.facts, ds.assumptions, undefined, ds.entities);
    process.stdout.write(json ? JSON.stringify({ derived: rows }, null, 2) + '\n' : formatDerivedTable(rows) + '\n');
    return 0;
  },
};
