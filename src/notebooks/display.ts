/**
 * Rich output for the tslab notebooks: a chart is sent as ONE display_data message holding the
 * vega-lite spec (rendered natively by JupyterLab), an SVG fallback (shown by nbconvert HTML and
 * code hosts) and a text summary; tables go out as HTML plus aligned text.
 */
import { escapeHtml } from '../report/html';

export const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';

export type MimeBundle = Record<string, unknown>;
export type DisplaySink = (bundle: MimeBundle) => void;

interface TslabJupyter {
  lastWriteDisplayData: ((msg: { data: MimeBundle; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void) | null;
}

/**
 * Sends a MIME bundle to the running tslab kernel. tslab's public `display.raw` sends one MIME
 * type per message, so the kernel's current display writer is used to send all types together.
 * Outside a kernel the text/plain part is printed instead.
 */
export const tslabSink: DisplaySink = (bundle) => {
  let jupyter: TslabJupyter | null = null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    jupyter = require('tslab/dist/jupyter') as TslabJupyter;
  } catch {
    jupyter = null;
  }
  const write = jupyter?.lastWriteDisplayData;
  if (!write) {
    process.stdout.write(String(bundle['text/plain'] ?? '') + '\n');
    return;
  }
  write({ data: bundle, metadata: {}, transient: {} }, false);
};

export interface ChartBundleInput {
  /** vega-lite v5 spec (JSON-serialisable) */
  spec: object;
  /** the same chart rendered to SVG */
  svg: string;
  /** short text shown where neither can be rendered */
  text?: string;
}

export function chartBundle({ spec, svg, text }: ChartBundleInput): MimeBundle {
  if (!svg.includes('<svg')) throw new Error('chartBundle: svg fallback does not contain an <svg> element');
  const title = (spec as { title?: unknown }).title;
  const titleText = typeof title === 'string' ? title : (title as { text?: unknown } | undefined)?.text;
  const label = text ?? (typeof titleText === 'string' ? `chart: ${titleText}` : 'chart (vega-lite v5)');
  return { [VEGALITE_MIME]: JSON.parse(JSON.stringify(spec)) as object, 'image/svg+xml': svg, 'text/plain': label };
}

export function displayChart(input: ChartBundleInput, sink: DisplaySink = tslabSink): void {
  sink(chartBundle(input));
}

/** Anything with columns and row values: a danfojs DataFrame, or a plain table. */
export interface TableLike {
  columns: string[];
  values: unknown[][] | unknown[];
}

export interface TableOptions {
  /** at most this many rows (default 50); the rest are counted in a footer */
  maxRows?: number;
  caption?: string;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isNaN(v) ? '' : String(v);
  return String(v);
}

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

export function tableRows(table: TableLike | Record<string, unknown>[]): { columns: string[]; rows: string[][] } {
  if (Array.isArray(table)) {
    const columns: string[] = [];
    for (const r of table) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
    return { columns, rows: table.map((r) => columns.map((c) => cellText(r[c]))) };
  }
  const rows = (table.values as unknown[]).map((r) => (Array.isArray(r) ? r.map(cellText) : [cellText(r)]));
  return { columns: [...table.columns], rows };
}

export function tableBundle(table: TableLike | Record<string, unknown>[], opts: TableOptions = {}): MimeBundle {
  const { columns, rows } = tableRows(table);
  const max = opts.maxRows ?? 50;
  const shown = rows.slice(0, max);
  const more = rows.length - shown.length;
  const footer = more > 0 ? `... ${more} more rows (${rows.length} in all)` : `${rows.length} rows`;
  const widths = columns.map((c, i) => Math.max(width(c), ...shown.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i])).join('  ').trimEnd();
  const text = [
    ...(opts.caption ? [opts.caption] : []),
    line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...shown.map(line), footer,
  ].join('\n');
  const html = [
    '<table class="benchval-table">',
    opts.caption ? `<caption>${escapeHtml(opts.caption)}</caption>` : '',
    `<thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...shown.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`),
    '</tbody></table>',
    `<p><small>${escapeHtml(footer)}</small></p>`,
  ].join('\n');
  return { 'text/html': html, 'text/plain': text };
}

export function displayTable(table: TableLike | Record<string, unknown>[], opts: TableOptions = {}, sink: DisplaySink = tslabSink): void {
  sink(tableBundle(table, opts));
}
