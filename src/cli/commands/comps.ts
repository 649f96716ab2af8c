/**
 * `benchval comps [--currency USD|CNY|HKD] [--money=code|chinese] [--usdcny R] [--json]
 * [--csv F] [--xlsx F] [--parquet F] [--data-dir DIR]`: the comparables table (src/api/comps),
 * one row per company with money in one currency, as a readable table or `{ "comps": [...] }`
 * with full precision; the export options also write the table to files.
 */
import type { Command } from '../main';
import { takeDataDirArg } from '../../data';
import { openSync } from '../../api';
import type { Currency } from '../../types';

const USAGE = 'usage: benchval comps [--currency USD|CNY|HKD] [--money=code|chinese] [--usdcny RATE] [--json] [--csv FILE] [--xlsx FILE] [--parquet FILE] [--data-dir DIR]';

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Records as an aligned text table. */
export function textTable(rows: ReadonlyArray<Record<string, string>>): string {
  const head = Object.keys(rows[0] ?? {});
  const widths = head.map((h) => Math.max(width(h), ...rows.map((r) => width(r[h]))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(Math.max(0, widths[i] - width(c)))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(head.map((h) => r[h])))].join('\n');
}

export const command: Command = {
  summary: 'the comparables table: valuation, revenue and P/S per company in one currency (+ CSV/xlsx/Parquet)',
  async run(argv) {
    if (argv.includes('-h') || argv.includes('--help')) { process.stdout.write(USAGE + '\n'); return 0; }
    const { dataDir, rest } = takeDataDirArg(argv);
    let currency: Currency = 'USD';
    let money: 'code' | 'chinese' = 'code';
    let usdcny: number | undefined;
    let json = false;
    const files: { csv?: string; xlsx?: string; parquet?: string } = {};
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      const value = (): string => {
        const v = rest[++i];
        if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
        return v;
      };
      try {
        if (a === '--json') json = true;
        else if (a === '--money=chinese' || a === '--money=code') money = a.slice(8) as 'code' | 'chinese';
        else if (a === '--currency') {
          const c = value();
          if (!['USD', 'CNY', 'HKD'].includes(c)) throw new Error(`unknown currency '${c}' (USD, CNY, HKD)`);
          currency = c as Currency;
        } else if (a === '--usdcny') {
          usdcny = Number(value());
          if (!(usdcny > 0)) throw new Error(`--usdcny needs a positive rate (CNY per USD), got '${rest[i]}'`);
        } else if (a === '--csv' || a === '--xlsx' || a === '--parquet') files[a.slice(2) as 'csv' | 'xlsx' | 'parquet'] = value();
        else throw new Error(`unknown option '${a}'`);
      } catch (e) {
        process.stderr.write(`benchval comps: ${(e as Error).message}\n${USAGE}\n`);
        return 2;
      }
    }
    const ds = openSync({ dataDir, fx: usdcny ? { USDCNY: usdcny } : undefined });
    const comps = ds.comps({ currency });
    process.stdout.write(json ? JSON.stringify({ comps: comps.rows }, null, 2) + '\n' : textTable(comps.format({ money })) + '\n');
    if (files.csv) process.stderr.write(`wrote ${comps.toCsv(files.csv)}\n`);
    if (files.xlsx) process.stderr.write(`wrote ${await comps.toXlsx(files.xlsx)}\n`);
    if (files.parquet) process.stderr.write(`wrote ${await comps.toParquet(files.parquet)}\n`);
    return 0;
  },
};
