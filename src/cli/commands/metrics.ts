/**
 * `benchval metrics [--json] [--money=code|chinese] [--data-dir DIR]`: the derived table computed
 * over the whole fact base, as a readable table (money as `USD 2.94bn`, or `29.4亿美元` with
 * --money=chinese) or as `{ "derived": [...] }` with full precision.
 */
import type { Command } from '../main';
import { readDataset, takeDataDirArg } from '../../data';
import { computeDerived, type Derived } from '../../metrics/derived';
import { columnScale, formatInterval, formatNumber, type FormatOptions } from '../../units/format';

/** The stated value in its unit; "—" where the formula is undefined for the inputs (the note says why). */
function valueCell(d: Derived, opts: FormatOptions): string {
  return formatNumber(d.value, d.unit, d.currency, opts);
}

/** The interval in its unit (`20–30x`, `≥ 704x`); "—" without bounds. */
function intervalCell(d: Derived, opts: FormatOptions): string {
  return d.low === null && d.high === null ? '—' : formatInterval(d, d.unit, d.currency, opts);
}

/** Terminal width of text: CJK characters take two cells. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** The derived table for people: label, value and interval formatted in their unit, formula, inputs, note, id. */
export function formatDerivedTable(rows: readonly Derived[], style: FormatOptions = {}): string {
  const header = ['metric', 'value', 'interval', 'formula', 'inputs', 'note', 'id'];
  // money in one scale for the whole table (never m next to bn)
  const money = rows.filter((d) => d.unit === 'money');
  const scale = columnScale(money.flatMap((d) => [d.value, d.low, d.high]), 'money', style);
  const opts = (d: Derived): FormatOptions => (d.unit === 'money' ? { ...style, scale } : style);
  const body = rows.map((d) => [
    d.label ?? `${d.entity} · ${d.metric}`, valueCell(d, opts(d)), intervalCell(d, opts(d)), d.formula, d.inputs.join(', '), d.note ?? '', d.id,
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
    const chinese = rest.includes('--money=chinese');
    const unknown = rest.filter((a) => a !== '--json' && a !== '--money=chinese' && a !== '--money=code');
    if (unknown.length) {
      process.stderr.write(`benchval metrics: unknown option(s) ${unknown.join(' ')}\nusage: benchval metrics [--json] [--money=code|chinese] [--data-dir DIR]\n`);
      return 2;
    }
    const ds = readDataset({ dataDir });
    const rows = computeDerived(ds.facts, ds.assumptions, undefined, ds.entities);
    process.stdout.write(json ? JSON.stringify({ derived: rows }, null, 2) + '\n' : formatDerivedTable(rows, { money: chinese ? 'chinese' : 'code' }) + '\n');
    return 0;
  },
};
