/**
 * The HTML report: one self-contained page (vega, vega-lite and vega-embed inlined, no
 * network access: a Content-Security-Policy forbids it) with every chart interactive, the
 * derived metrics, the audit findings with their working, every fact (anchor #fact-<id>,
 * its number linking to its source row #source-<id>) and the sources and assumptions.
 * Each table scrolls in its own box, so the page keeps the window's width, and a followed
 * link puts its row below the table's sticky header (scroll-margin-top).
 * All text from the data is escaped; JSON inside <script> is written with jsonForScript.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { FindingValue } from '../audit/findings';
import { formatRange } from '../units/format';
import type { Fact } from '../types';
import type { VendorScript } from './assets';
import type { ReportData } from './data';
import { formatBounds, formatNumber } from './format';
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
  title?: string;
}

const CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'";

const STYLE = `
body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 0 auto; max-width: 1280px; padding: 1rem 2rem; color: #222; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
nav a { margin-right: 1rem; }
.table-wrap { overflow: auto; max-height: 85vh; margin: .5rem 0; border: 1px solid #ddd; }
table { border-collapse: collapse; font-size: 12px; width: 100%; }
th, td { border: 1px solid #ddd; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #f3f3f3; position: sticky; top: 0; white-space: nowrap; }
tr[id] { scroll-margin-top: 3rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr:target { background: #fff3b0; outline: 2px solid #e0a800; }
.chart { margin: .5rem 0 1.5rem; min-height: 120px; }
.status-fail { color: #b00020; font-weight: bold; } .status-warn { color: #b35c00; font-weight: bold; }
.status-pass { color: #1b7a1b; } .status-unverifiable { color: #666; }
.evidence { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; }
.muted { color: #666; font-size: 12px; }
td.metric { min-width: 24em; }
td.note { min-width: 24em; }
.row-id { display: block; color: #555; font-family: "DejaVu Sans Mono", monospace; font-size: 11px; overflow-wrap: anywhere; }
td.value { min-width: 10em; }
`;

/**
 * A table in its own scroll box: wide tables scroll sideways inside the box instead of widening
 * the page, and the sticky header stays on top of the box while its rows scroll.
 */
function table(head: string, rows: readonly string[]): string {
  return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`;
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
  const blocks = charts.map((c) => `<section class="chart-block"><h3>${h(c.title)}</h3>
<div class="chart" id="chart-${h(c.name)}" data-chart="${h(c.name)}"></div></section>`);
  return `<section id="charts"><h2>Charts</h2>\n${blocks.join('\n')}\n</section>`;
}

/**
 * One row per derived metric. The first cell names the metric and entity, with the row id
 * below in small type (ids join the input ids, up to ~140 characters, so the cell is wide and
 * breaks them anywhere rather than at every hyphen); the value cell shows the value with its
 * unit and bounds as the notebooks print it (formatRange: `≥ 703.6649x`, `20x – 30x (point 25x)`).
 */
function derivedSection(data: ReportData, factIds: Set<string>, assumptionIds: Set<string>): string {
  const rows = data.derived.map((d) => `<tr id="derived-${h(d.id)}">
<td class="metric"><strong>${h(d.metric)}</strong> · ${h(d.entity)}<span class="row-id">${h(d.id)}</span></td>
<td class="value">${h(formatRange(d))}</td><td>${h(d.formula)}</td>
<td>${d.inputs.map((i) => refLink(i, factIds, assumptionIds)).join('<br>')}</td>
<td>${d.assumptions.map((i) => refLink(i, factIds, assumptionIds)).join('<br>')}</td>
<td class="note">${h(d.method ?? '')}${d.method && d.note ? '<br>' : ''}${h(d.note ?? '')}</td></tr>`);
  return `<section id="derived"><h2>Derived metrics (${data.derived.length})</h2>
<p class="muted">Value with its unit; a range shows low – high and the point the stated inputs give, ≥ / ≤ a bound open on the other side.</p>
${table('<th>metric · entity / id</th><th>value</th><th>formula</th><th>inputs</th><th>assumptions</th><th>method / note</th>', rows)}</section>`;
}

function findingsSection(data: ReportData, factIds: Set<string>, assumptionIds: Set<string>): string {
  const counts = new Map<string, number>();
  for (const f of data.findings) counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
  const summary = [...counts.entries()].sort().map(([s, n]) => `${h(s)}: ${n}`).join(', ');
  const rows = data.findings.map((f) => `<tr id="finding-${h(f.id)}" data-status="${h(f.status)}">
<td>${h(f.id)}</td><td>${h(f.kind)}</td><td>${h(f.rule)}</td><td class="status-${h(f.status)}">${h(f.status)}</td>
<td>${valueText(f.stated)}</td><td>${valueText(f.computed)}</td><td>${h(f.message)}</td>
<td>${f.inputs.map((i) => refLink(i, factIds, assumptionIds)).join('<br>')}</td>
<td>${f.entities.map(h).join('<br>')}</td><td>${f.sources.map(sourceLink).join('<br>')}</td></tr>`);
  return `<section id="findings"><h2>Audit findings (${data.findings.length})</h2>
<p class="muted">${summary || 'no findings'}</p>
${table('<th>id</th><th>kind</th><th>check</th><th>status</th><th>stated</th><th>computed</th><th>working</th><th>inputs</th><th>entities</th><th>sources</th>', rows)}</section>`;
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

function factsSection(data: ReportData): string {
  const rows = data.facts.map((f) => `<tr id="fact-${h(f.id)}" data-fact-id="${h(f.id)}">
<td>${h(f.id)}</td><td>${h(f.table)}</td><td>${h(f.entity)}</td><td>${h(f.metric)}</td><td class="evidence">${h(f.quantity)}</td>
<td class="num"><a class="fact-value" href="#source-${h(f.source)}" data-source-id="${h(f.source)}" data-fact-id="${h(f.id)}" title="${h(f.evidence)}">${h(formatNumber(f.value))}</a></td>
<td class="num">${h(formatBounds(f.low, f.high))}</td><td>${h(f.unit)}${f.currency ? ' ' + h(f.currency) : ''}</td><td>${h(f.qualifier)}</td>
<td>${h(f.period_start && f.period_end ? `${f.period_start} to ${f.period_end}` : f.as_of ?? '')}</td>
<td>${sourceLink(f.source)}</td><td class="evidence">${h(f.evidence)}</td><td>${factExtra(f)}</td></tr>`);
  return `<section id="facts"><h2>Facts (${data.facts.length})</h2>
<p class="muted">Each value links to its source; the evidence column is the phrase of the article that states it.</p>
${table('<th>id</th><th>table</th><th>entity</th><th>metric</th><th>as written</th><th class="num">value</th><th class="num">range</th><th>unit</th><th>qualifier</th><th>date / period</th><th>source</th><th>evidence</th><th>details</th>', rows)}</section>`;
}

function sourcesSection(data: ReportData): string {
  const rows = data.sources.map((s) => {
    const url = safeExternalUrl(s.url);
    return `<tr id="source-${h(s.id)}" data-source-id="${h(s.id)}">
<td>${h(s.id)}</td><td>${h(s.outlet)}</td><td class="evidence">${h(s.title)}</td><td>${h(s.published)}</td>
<td>${url ? `<a href="${h(url)}" rel="noopener noreferrer">${h(url)}</a>` : h(s.url ?? '')}</td><td>${h(s.language)}</td><td>${h(s.seed_file)}</td><td>${h(s.note ?? '')}</td></tr>`;
  });
  return `<section id="sources"><h2>Sources (${data.sources.length})</h2>
${table('<th>id</th><th>outlet</th><th>title</th><th>published</th><th>url</th><th>language</th><th>capture</th><th>note</th>', rows)}</section>`;
}

function assumptionsSection(data: ReportData): string {
  const rows = data.assumptions.map((a) => `<tr id="assumption-${h(a.id)}">
<td>${h(a.id)}</td><td>${h(a.name)}</td><td class="num">${h(formatNumber(a.value))}</td><td>${h(a.unit)}</td><td>${h(a.as_of)}</td><td>${h(a.rationale)}</td><td>${h(a.reference ?? '')}</td></tr>`);
  return `<section id="assumptions"><h2>Assumptions (${data.assumptions.length})</h2>
${table('<th>id</th><th>name</th><th class="num">value</th><th>unit</th><th>as of</th><th>rationale</th><th>reference</th>', rows)}</section>`;
}

/** Embeds every chart with the SVG renderer; marks each container data-rendered="true" or "error". */
const EMBED_SCRIPT = `(function () {
  var charts = JSON.parse(document.getElementById('chart-specs').textContent);
  var jobs = charts.map(function (c) {
    var el = document.getElementById('chart-' + c.name);
    return vegaEmbed(el, c.spec, { renderer: 'svg', actions: false }).then(function () {
      el.setAttribute('data-rendered', 'true');
    }, function (err) {
      el.setAttribute('data-rendered', 'error');
      console.error('chart ' + c.name + ': ' + err);
    });
  });
  Promise.all(jobs).then(function () { document.body.setAttribute('data-charts-ready', 'true'); });
})();`;

export function renderReportHtml(input: ReportPageInput): string {
  const { data, charts, scripts } = input;
  const title = input.title ?? 'benchval report';
  const factIds = new Set(data.facts.map((f) => f.id));
  const assumptionIds = new Set(data.assumptions.map((a) => a.id));
  const specs = charts.map((c) => ({ name: c.name, spec: c.spec }));
  const vendor = scripts.map((s) => `<script data-lib="${h(s.name)}">\n${s.code}\n</script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${h(title)}</h1>
<p class="muted">${data.facts.length} facts from ${data.sources.length} sources, ${data.derived.length} derived metrics, ${data.findings.length} audit findings. Works offline: every script is inlined.</p>
<nav><a href="#charts">Charts</a><a href="#derived">Derived metrics</a><a href="#findings">Audit findings</a><a href="#facts">Facts</a><a href="#sources">Sources</a><a href="#assumptions">Assumptions</a></nav>
</header>
<main>
${chartsSection(charts)}
${derivedSection(data, factIds, assumptionIds)}
${findingsSection(data, factIds, assumptionIds)}
${factsSection(data)}
${sourcesSection(data)}
${assumptionsSection(data)}
</main>
${vendor}
<script type="application/json" id="chart-specs">${jsonForScript(specs)}</script>
<script>
${EMBED_SCRIPT}
</script>
</body>
</html>
`;
}
