/**
 * The HTML report: one self-contained page (vega, vega-lite, vega-embed and simple-datatables
 * inlined, no network access: a Content-Security-Policy forbids it). A header says what the data
 * is as of, counts facts, sources and findings and lists the failing findings first; every chart
 * fits its container's width at any screen size, follows the light or dark colour scheme and has
 * its caption (method notes, sources) below it and its action menu (SVG / PNG export, source);
 * the derived metrics, audit findings (failing first), facts (anchor #fact-<id>, the number
 * linking to its source row #source-<id>), sources and assumptions are sortable, searchable,
 * filterable and paginated tables with numbers formatted by src/units/format and right-aligned.
 * Wide tables scroll sideways in their own box, so the page keeps the window's width; see
 * client.ts for the browser side. All text from the data is escaped; JSON inside <script> is
 * written with jsonForScript.
 */
import type { TopLevelSpec } from 'vega-lite';
import { FINDING_STATUSES, type FindingValue } from '../audit/findings';
import { chartCaption } from '../charts/spec';
import { CHART_THEMES } from '../charts/theme';
import { formatRange, formatValue } from '../units/format';
import type { Fact } from '../types';
import type { VendorScript } from './assets';
import { CLIENT_SCRIPT } from './client';
import type { ReportData } from './data';
import { escapeHtml as h, jsonForScript, safeExternalUrl } from './html';

export interface ReportChart {
  name: string;
  title: string;
  spec: TopLevelSpec;
}

export interface ReportPageInput {
  data: ReportData;
  charts: ReportChart[];
  /** inlined in order; see readVendorScripts */
  scripts: VendorScript[];
  /** the table library's stylesheet (readTableStyle) */
  tableStyle?: string;
  title?: string;
}

const CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * Light and dark colours as custom properties (the dark set follows prefers-color-scheme); a
 * fluid layout with no fixed widths, so the page never scrolls sideways: charts fit their
 * container, wide tables scroll inside their own box.
 */
const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1d1d1f; --muted: #595959; --border: #d0d0d0; --head: #f1f3f5;
  --link: #0b57d0; --fail: #b00020; --warn: #8a4b00; --pass: #1b6e1b; --target: #fff3b0; --target-line: #c99400; --card: #fafafa; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #121316; --fg: #e8e8e8; --muted: #b4b4b4; --border: #3b3d42; --head: #1e2024;
    --link: #8ab4f8; --fail: #ff8a80; --warn: #ffcc80; --pass: #8fd694; --target: #3d3200; --target-line: #e0b400; --card: #1a1b1f; }
}
* { box-sizing: border-box; }
/* with scripts on, tables stay out of layout until the table library has taken them over: it reads every cell's text, which is fast only on a table that is not laid out */
html.js:not(.tables-ready) table.data-table { display: none; }
html { background: var(--bg); color: var(--fg); }
body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 0 auto; max-width: 1400px; padding: 1rem clamp(.75rem, 3vw, 2rem); background: var(--bg); color: var(--fg); line-height: 1.45; }
a { color: var(--link); }
h1 { margin: 0 0 .3rem; font-size: clamp(1.4rem, 4vw, 2rem); } h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--border); }
h3 { margin: 0 0 .3rem; font-size: 1.05rem; }
header .counts { margin: .2rem 0; }
header .failing { margin: .4rem 0 .8rem; padding: .5rem .8rem; border-left: 4px solid var(--fail); background: var(--card); }
header .failing ul { margin: .3rem 0 0; padding-left: 1.2rem; }
nav { display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
.muted { color: var(--muted); font-size: .85rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.chart-block { margin: 1rem 0 2rem; padding: .6rem; border: 1px solid var(--border); border-radius: 6px; background: var(--card); min-width: 0; }
.chart { width: 100%; min-height: 120px; overflow: hidden; }
.chart .vega-embed { display: block; max-width: 100%; }
.chart svg { max-width: 100%; height: auto; }
figcaption.caption { font-size: .85rem; color: var(--muted); margin-top: .4rem; }
.vega-embed summary { background: var(--bg) !important; color: var(--fg) !important; }
.vega-embed .vega-actions { background: var(--bg) !important; border-color: var(--border) !important; }
.vega-embed .vega-actions a { color: var(--fg) !important; }
.vega-embed .vega-actions a:hover, .vega-embed .vega-actions a:focus { background: var(--head) !important; }
.filters { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: .4rem 0; }
.filters label { display: flex; gap: .4rem; align-items: center; font-size: .9rem; }
select, input { background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 4px; padding: 4px 6px; max-width: 100%; }
.datatable-wrapper { max-width: 100%; }
.datatable-container { overflow-x: auto; border: 1px solid var(--border) !important; }
.datatable-top, .datatable-bottom { padding: 6px 0; }
.datatable-input { min-width: 12rem; }
.datatable-info { color: var(--muted); font-size: .85rem; }
.datatable-pagination a, .datatable-pagination button { color: var(--fg) !important; }
.datatable-pagination .datatable-active a, .datatable-pagination .datatable-active button { background: var(--head) !important; }
table { border-collapse: collapse; font-size: 12.5px; width: 100%; }
th, td { border: 1px solid var(--border); padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: break-word; }
th { white-space: nowrap; }
td.id, td.long { overflow-wrap: anywhere; min-width: 9em; }
thead th { background: var(--head); }
.datatable-sorter { color: var(--fg); }
.datatable-sorter::before { border-top-color: var(--fg) !important; } .datatable-sorter::after { border-bottom-color: var(--fg) !important; }
tr[id] { scroll-margin-top: 1rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; overflow-wrap: normal; }
tr:target { background: var(--target); outline: 2px solid var(--target-line); }
.status-fail { color: var(--fail); font-weight: bold; } .status-warn { color: var(--warn); font-weight: bold; }
.status-pass { color: var(--pass); } .status-unverifiable { color: var(--muted); }
.evidence { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; }
.row-id { display: block; color: var(--muted); font-family: "DejaVu Sans Mono", monospace; font-size: 11px; overflow-wrap: anywhere; }
@media (max-width: 640px) {
  .datatable-input { min-width: 0; width: 100%; }
  /* on a phone the header lists the failing findings by id; each links to its row with the working */
  header .failing .msg { display: none; }
  /* narrow screens: each row a card, each cell a line "column: value"; the header row wraps into sort buttons */
  table.data-table, table.data-table tbody, table.data-table tr, table.data-table td { display: block; width: 100%; }
  table.data-table thead tr { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: .5rem; }
  table.data-table thead th { display: block; border-radius: 4px; padding: 2px 6px; }
  table.data-table thead th:not([data-sortable="true"]):not(:has(button)) { display: none; }
  table.data-table tbody tr { border: 1px solid var(--border); border-radius: 6px; margin: 0 0 .6rem; padding: .3rem .5rem; background: var(--card); }
  table.data-table tbody td { border: none; padding: 2px 0; display: grid; grid-template-columns: minmax(6.5em, 30%) minmax(0, 1fr); gap: .5rem; text-align: left; min-width: 0; overflow-wrap: anywhere; }
  table.data-table tbody td::before { content: attr(data-label); color: var(--muted); font: bold 12.5px "DejaVu Sans", system-ui, sans-serif; overflow-wrap: anywhere; }
  table.data-table tbody td:empty { display: none; }
  .datatable-container { border: none !important; }
}
`;

/** Rows per page of the tables. */
export const ROWS_PER_PAGE = 25;

/** A filter above a table: a select of the distinct values of one column (its index). */
interface Filter { label: string; column: number; values: string[] }

/**
 * A table that simple-datatables enhances (sort, search, pagination) with its filters above it.
 * Without scripts it is a plain table in a box that scrolls sideways.
 */
function table(name: string, head: string, rows: readonly string[], filters: Filter[] = []): string {
  const id = `table-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
  const selects = filters.map((f) => `<label>${h(f.label)} <select data-filter-for="${id}" data-column="${f.column}">
<option value="">all</option>${f.values.map((v) => `<option value="${h(v)}">${h(v)}</option>`).join('')}</select></label>`);
  // each cell names its column, for the card layout of narrow screens (td::before)
  const labels = [...head.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
  const labelled = rows.map((r) => {
    let i = 0;
    return r.replace(/<td\b/g, () => `<td data-label="${labels[i++] ?? ''}"`);
  });
  return `${selects.length ? `<div class="filters" role="group" aria-label="${h(name)} filters">${selects.join('\n')}</div>\n` : ''}<table class="data-table" id="${id}" data-name="${h(name)}" data-per-page="${ROWS_PER_PAGE}"><thead><tr>${head}</tr></thead>
<tbody>
${labelled.join('\n')}
</tbody></table>`;
}

/** Distinct values, sorted. */
function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((v) => v !== '').sort();
}

function sourceLink(id: string): string {
  return `<a class="source-link" href="#source-${h(id)}" data-source-id="${h(id)}">${h(id)}</a>`;
}

function refLink(id: string, factIds: Set<string>, assumptionIds: Set<string>): string {
  if (factIds.has(id)) return `<a href="#fact-${h(id)}">${h(id)}</a>`;
  if (assumptionIds.has(id)) return `<a href="#assumption-${h(id)}">${h(id)}</a>`;
  return h(id);
}

function valueText(v: FindingValue | null): string {
  if (!v) return '';
  return h(v.text);
}

function chartsSection(charts: ReportChart[]): string {
  const blocks = charts.map((c) => `<figure class="chart-block" id="figure-${h(c.name)}" aria-labelledby="title-${h(c.name)}">
<h3 class="visually-hidden" id="title-${h(c.name)}">${h(c.title)}</h3>
<div class="chart" id="chart-${h(c.name)}" data-chart="${h(c.name)}"></div>
<figcaption class="caption">${h(chartCaption(c.spec as { description?: string }))}</figcaption></figure>`);
  return `<section id="charts" aria-labelledby="charts-title"><h2 id="charts-title">Charts</h2>
<p class="muted">Hover a mark for its reports, sources and evidence. Each chart's menu (…) saves it as SVG or PNG and shows its vega-lite source.</p>
${blocks.join('\n')}
</section>`;
}

/** Sort key of a number cell, so a column sorts by value rather than by its text. */
function order(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '' : ` data-order="${v}"`;
}

/**
 * One row per derived metric: its label (`Zhipu AI · market cap / annualized revenue · 2025 H1`,
 * the metric name when a row has none) with the short row id below in small type, entity, the
 * value with its unit and bounds as the notebooks print it (formatRange: `≥ 704x`,
 * `20–30x (point 25.0x)`), formula, inputs, assumptions and the method.
 */
function derivedSection(data: ReportData, factIds: Set<string>, assumptionIds: Set<string>): string {
  const rows = data.derived.map((d) => `<tr id="derived-${h(d.id)}">
<td class="metric"><strong>${h(d.label ?? d.metric)}</strong><span class="row-id">${h(d.id)}</span></td><td>${h(d.entity)}</td>
<td class="value num"${order(d.value ?? d.low ?? d.high)}>${h(formatRange(d))}</td><td class="long">${h(d.formula)}</td>
<td class="long">${d.inputs.map((i) => refLink(i, factIds, assumptionIds)).join('<br>')}</td>
<td>${d.assumptions.map((i) => refLink(i, factIds, assumptionIds)).join('<br>')}</td>
<td class="note">${h(d.method ?? '')}${d.method && d.note ? '<br>' : ''}${h(d.note ?? '')}</td></tr>`);
  return `<section id="derived" aria-labelledby="derived-title"><h2 id="derived-title">Derived metrics (${data.derived.length})</h2>
<p class="muted">Value with its unit; a range shows low – high and the point the stated inputs give, ≥ / ≤ a bound open on the other side.</p>
${table('derived metrics', '<th scope="col">metric / id</th><th scope="col">entity</th><th scope="col" class="num">value</th><th scope="col">formula</th><th scope="col">inputs</th><th scope="col">assumptions</th><th scope="col">method / note</th>', rows, [
    { label: 'Entity', column: 1, values: distinct(data.derived.map((d) => d.entity)) },
  ])}</section>`;
}

/** fail, warn, unverifiable, pass: the failing findings first. */
function statusRank(status: string): number {
  const i = (FINDING_STATUSES as readonly string[]).indexOf(status);
  return i < 0 ? FINDING_STATUSES.length : i;
}

function sortedFindings(data: ReportData) {
  return [...data.findings].sort((a, b) => statusRank(a.status) - statusRank(b.status) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function findingsSection(data: ReportData, factIds: Set<string>, assumptionIds: Set<string>): string {
  const findings = sortedFindings(data);
  const rows = findings.map((f) => `<tr id="finding-${h(f.id)}" data-status="${h(f.status)}">
<td class="status-${h(f.status)}">${h(f.status)}</td><td class="id">${h(f.id)}</td><td>${h(f.kind)}</td><td>${h(f.rule)}</td>
<td class="long">${valueText(f.stated)}</td><td class="long">${valueText(f.computed)}</td><td class="long">${h(f.message)}</td>
<td class="long">${f.inputs.map((i) => refLink(i, factIds, assumptionIds)).join('<br>')}</td>
<td>${f.entities.map(h).join('<br>')}</td><td>${f.sources.map(sourceLink).join('<br>')}</td></tr>`);
  return `<section id="findings" aria-labelledby="findings-title"><h2 id="findings-title">Audit findings (${data.findings.length})</h2>
<p class="muted">${statusSummary(data) || 'no findings'}; failing findings first.</p>
${table('audit findings', '<th scope="col">status</th><th scope="col">id</th><th scope="col">kind</th><th scope="col">check</th><th scope="col">stated</th><th scope="col">computed</th><th scope="col">working</th><th scope="col">inputs</th><th scope="col">entities</th><th scope="col">sources</th>', rows, [
    { label: 'Status', column: 0, values: distinct(findings.map((f) => f.status)).sort((a, b) => statusRank(a) - statusRank(b)) },
    { label: 'Kind', column: 2, values: distinct(findings.map((f) => f.kind)) },
    { label: 'Entity', column: 8, values: distinct(findings.flatMap((f) => f.entities)) },
  ])}</section>`;
}

function factExtra(f: Fact): string {
  const parts: string[] = [];
  if (f.benchmark) parts.push(`benchmark: ${f.benchmark}`);
  if (f.variant) parts.push(`variant: ${f.variant}`);
  if (f.round) parts.push(`round: ${f.round}`);
  if (f.investors) parts.push(`investors: ${f.investors}`);
  if (f.basis) parts.push(`basis: ${f.basis}`);
  if (f.note) parts.push(f.note);
  return parts.map(h).join('<br>');
}

/** The fact's range when it is not a single number: `≥ 50亿 CNY`, `200亿 CNY – 300亿 CNY (point 250亿 CNY)`. */
function factRange(f: Fact): string {
  if (f.low !== null && f.high !== null && f.low === f.high) return '';
  return formatRange({ value: f.value, low: f.low, high: f.high, unit: f.unit, currency: f.currency });
}

function factsSection(data: ReportData): string {
  const rows = data.facts.map((f) => `<tr id="fact-${h(f.id)}" data-fact-id="${h(f.id)}">
<td class="id">${h(f.id)}</td><td>${h(f.table)}</td><td>${h(f.entity)}</td><td>${h(f.metric)}</td><td class="evidence">${h(f.quantity)}</td>
<td class="num"${order(f.value)}><a class="fact-value" href="#source-${h(f.source)}" data-source-id="${h(f.source)}" data-fact-id="${h(f.id)}" title="${h(f.evidence)}">${h(formatValue(f.value, f.unit, f.currency))}</a></td>
<td class="num"${order(f.low ?? f.high)}>${h(factRange(f))}</td><td>${h(f.qualifier)}</td>
<td>${h(f.period_start && f.period_end ? `${f.period_start} to ${f.period_end}` : f.as_of ?? '')}</td>
<td>${sourceLink(f.source)}</td><td class="evidence">${h(f.evidence)}</td><td>${factExtra(f)}</td></tr>`);
  return `<section id="facts" aria-labelledby="facts-title"><h2 id="facts-title">Facts (${data.facts.length})</h2>
<p class="muted">Each value links to its source; the evidence column is the phrase of the article that states it.</p>
${table('facts', '<th scope="col">id</th><th scope="col">table</th><th scope="col">entity</th><th scope="col">metric</th><th scope="col">as written</th><th scope="col" class="num">value</th><th scope="col" class="num">range</th><th scope="col">qualifier</th><th scope="col">date / period</th><th scope="col">source</th><th scope="col">evidence</th><th scope="col">details</th>', rows, [
    { label: 'Table', column: 1, values: distinct(data.facts.map((f) => f.table)) },
    { label: 'Entity', column: 2, values: distinct(data.facts.map((f) => f.entity)) },
    { label: 'Metric', column: 3, values: distinct(data.facts.map((f) => f.metric)) },
  ])}</section>`;
}

function sourcesSection(data: ReportData): string {
  const rows = data.sources.map((s) => {
    const url = safeExternalUrl(s.url);
    return `<tr id="source-${h(s.id)}" data-source-id="${h(s.id)}">
<td>${h(s.id)}</td><td>${h(s.outlet)}</td><td class="evidence">${h(s.title)}</td><td>${h(s.published)}</td>
<td>${url ? `<a href="${h(url)}" rel="noopener noreferrer">${h(url)}</a>` : h(s.url ?? '')}</td><td>${h(s.language)}</td><td>${h(s.seed_file)}</td><td>${h(s.note ?? '')}</td></tr>`;
  });
  return `<section id="sources" aria-labelledby="sources-title"><h2 id="sources-title">Sources (${data.sources.length})</h2>
${table('sources', '<th scope="col">id</th><th scope="col">outlet</th><th scope="col">title</th><th scope="col">published</th><th scope="col">url</th><th scope="col">language</th><th scope="col">capture</th><th scope="col">note</th>', rows)}</section>`;
}

function assumptionsSection(data: ReportData): string {
  const rows = data.assumptions.map((a) => `<tr id="assumption-${h(a.id)}">
<td>${h(a.id)}</td><td>${h(a.name)}</td><td class="num"${order(a.value)}>${h(formatValue(a.value, a.unit))}</td><td>${h(a.as_of)}</td><td>${h(a.rationale)}</td><td>${h(a.reference ?? '')}</td></tr>`);
  return `<section id="assumptions" aria-labelledby="assumptions-title"><h2 id="assumptions-title">Assumptions (${data.assumptions.length})</h2>
${table('assumptions', '<th scope="col">id</th><th scope="col">name</th><th scope="col" class="num">value</th><th scope="col">as of</th><th scope="col">rationale</th><th scope="col">reference</th>', rows)}</section>`;
}

/** "2 fail, 1 warn, 3 pass" in status order. */
function statusSummary(data: ReportData): string {
  const counts = new Map<string, number>();
  for (const f of data.findings) counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => statusRank(a[0]) - statusRank(b[0]) || (a[0] < b[0] ? -1 : 1)).map(([st, n]) => `${n} ${h(st)}`).join(', ');
}

/** The latest publication date of the sources: what the data is as of. */
export function dataAsOf(data: Pick<ReportData, 'sources'>): string | null {
  const dates = data.sources.map((s) => s.published).filter((d) => /^\d{4}(-\d{2}){0,2}$/.test(d ?? '')).sort();
  return dates.length ? dates[dates.length - 1] : null;
}

/** Failing findings listed in the header, at most this many (the rest are counted). */
export const HEADER_FAILURES = 8;

function headerSection(data: ReportData, title: string): string {
  const asOf = dataAsOf(data);
  const failing = sortedFindings(data).filter((f) => f.status === 'fail');
  const shown = failing.slice(0, HEADER_FAILURES);
  const failures = failing.length ? `<div class="failing" role="note" aria-label="failing findings"><strong class="status-fail">${failing.length} failing ${failing.length === 1 ? 'finding' : 'findings'}</strong>
<ul>${shown.map((f) => `<li><a href="#finding-${h(f.id)}">${h(f.id)}</a><span class="msg">: ${h(f.message.length > 110 ? `${f.message.slice(0, 107)}…` : f.message)}</span></li>`).join('\n')}</ul>${failing.length > shown.length ? `<p class="muted">${failing.length - shown.length} more in <a href="#findings">the audit table</a>.</p>` : ''}</div>` : '';
  return `<header><h1>${h(title)}</h1>
<p class="counts"><strong>Data as of ${h(asOf ?? 'unknown')}</strong> (latest article) · ${data.facts.length} facts from ${data.sources.length} sources · ${data.derived.length} derived metrics · ${data.findings.length} audit findings (${statusSummary(data) || 'none'})</p>
${failures}
<p class="muted">Works offline: every script is inlined. Follows the system's light or dark mode.</p>
<nav aria-label="sections"><a href="#charts">Charts</a><a href="#derived">Derived metrics</a><a href="#findings">Audit findings</a><a href="#facts">Facts</a><a href="#sources">Sources</a><a href="#assumptions">Assumptions</a></nav>
</header>`;
}

export function renderReportHtml(input: ReportPageInput): string {
  const { data, charts, scripts } = input;
  const title = input.title ?? 'benchval report';
  const factIds = new Set(data.facts.map((f) => f.id));
  const assumptionIds = new Set(data.assumptions.map((a) => a.id));
  const payload = { themes: CHART_THEMES, charts: charts.map((c) => ({ name: c.name, spec: c.spec })) };
  const vendor = scripts.map((s) => `<script data-lib="${h(s.name)}">\n${s.code}\n</script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${h(title)}</title>
<script>document.documentElement.classList.add('js');</script>
<style>${input.tableStyle ?? ''}
${STYLE}</style>
</head>
<body>
${headerSection(data, title)}
<main>
${chartsSection(charts)}
${derivedSection(data, factIds, assumptionIds)}
${findingsSection(data, factIds, assumptionIds)}
${factsSection(data)}
${sourcesSection(data)}
${assumptionsSection(data)}
</main>
${vendor}
<script type="application/json" id="chart-specs">${jsonForScript(payload)}</script>
<script>
${CLIENT_SCRIPT}
</script>
</body>
</html>
`;
}
