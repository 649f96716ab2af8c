import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts';
import { auditReportMarkdown } from '../../src/report/auditReport';
import { factsCsv } from '../../src/report/exports';
import { escapeHtml } from '../../src/report/html';
import { dataAsOf, renderReportHtml } from '../../src/report/page';
import { fixtureContext, HOSTILE } from '../charts/fixtures';

function page(): string {
  const data = fixtureContext();
  const charts = CHARTS.map((c) => ({ name: c.name, title: c.title, spec: c.build(data) }));
  // stand-in library code: the page is checked here as text, the real builds in e2e.test.ts
  const scripts = [{ name: 'vega', path: 'vega.min.js', code: 'window.vega = {};' }];
  return renderReportHtml({ data, charts, scripts });
}

describe('renderReportHtml', () => {
  const html = page();

  it('escapes hostile text from the data everywhere', () => {
    // the fixture puts <script>alert(1)</script> in an evidence phrase, a derived note and a finding message
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // the only script elements are the one-line class switch in the head, the library, the chart specs and the report's own code
    expect(html.match(/<script\b/g)).toHaveLength(4);
    expect(html).toContain("<script>document.documentElement.classList.add('js');</script>");
  });

  it('embeds the chart specs as JSON that cannot close its script element', () => {
    const m = /<script type="application\/json" id="chart-specs">([\s\S]*?)<\/script>/.exec(html);
    expect(m).not.toBeNull();
    expect(m![1]).not.toContain('<');
    const payload = JSON.parse(m![1]) as { charts: { name: string }[]; themes: Record<string, unknown> };
    expect(payload.charts.map((s) => s.name)).toEqual(CHARTS.map((c) => c.name));
    // a vega theme per colour scheme
    expect(Object.keys(payload.themes).sort()).toEqual(['dark', 'light']);
    // the hostile evidence survives inside the spec data, as data
    expect(m![1]).toContain('\\u003cscript\\u003ealert(1)');
  });

  it('has a container per chart with its caption below it', () => {
    const data = fixtureContext();
    for (const c of CHARTS) {
      expect(html).toContain(`<div class="chart" id="chart-${c.name}" data-chart="${c.name}"></div>`);
      // the caption is the spec's description: title, reading note, method notes and every source
      const description = (c.build(data) as { description: string }).description;
      expect(html).toContain(`<figcaption class="caption">${escapeHtml(description)}</figcaption>`);
    }
  });

  it('says in its header what the data is as of, the counts, and the failing findings first', () => {
    const header = /<header>([\s\S]*?)<\/header>/.exec(html)![1];
    const data = fixtureContext();
    // the latest published date of the fixture's two sources
    expect(header).toContain(`Data as of ${dataAsOf(data)}`);
    expect(dataAsOf({ sources: [{ ...data.sources[0], published: '2026-01-26' }, { ...data.sources[0], published: '2026-02-27' }] })).toBe('2026-02-27');
    // 3 findings: 1 fail, 1 warn, 1 pass, in status order
    expect(header).toContain(`${data.facts.length} facts from ${data.sources.length} sources`);
    expect(header).toContain('3 audit findings (1 fail, 1 warn, 1 pass)');
    expect(header).toContain('<a href="#finding-claim-2">claim-2</a>');
    // the findings table lists the failing one first
    const ids = [...html.matchAll(/<tr id="finding-([^"]+)" data-status="([^"]+)">/g)].map((x) => x[2]);
    expect(ids).toEqual(['fail', 'warn', 'pass']);
  });

  it('links each fact value to its source row', () => {
    expect(html).toContain('<tr id="fact-a-stepfun-valuation" data-fact-id="a-stepfun-valuation">');
    // the value written by the formatting core (CNY 24.5bn = 245亿 = 2.45e10), right-aligned and sorted by the number
    expect(html).toMatch(/<td data-label="value" class="num" data-order="24500000000"><a class="fact-value" href="#source-src-a" data-source-id="src-a" data-fact-id="a-stepfun-valuation"[^>]*>CNY 24\.5bn<\/a><\/td>/);
    expect(html).toContain('<tr id="source-src-a" data-source-id="src-a">');
    expect(html).toContain('<tr id="source-src-b" data-source-id="src-b">');
  });

  it('shows derived inputs and finding inputs as links to facts, with the working', () => {
    expect(html).toContain('<a href="#fact-a-stepfun-funding-amount-b-plus">a-stepfun-funding-amount-b-plus</a>');
    expect(html).toMatch(/<tr id="finding-claim-2" data-status="fail">\n<td data-label="status" class="status-fail">fail<\/td>[\s\S]*?<td data-label="stated" class="long">100<\/td><td data-label="computed" class="long">90<\/td>/);
  });

  it('formats derived values with their unit and bounds, and keeps the row id under the metric', () => {
    const row = (id: string) => {
      const m = new RegExp(`<tr id="derived-${id}">([\\s\\S]*?)</tr>`).exec(html);
      expect(m, id).not.toBeNull();
      return m![1];
    };
    // d-stepfun-ps-ratio: low 21, high 28, value 24.5 (multiple) -> 21–28x (point 24.5x)
    const ps = row('d-stepfun-ps-ratio');
    expect(ps).toContain('<td data-label="value" class="value num" data-order="24.5">21–28x (point 24.5x)</td>');
    expect(ps).toContain('<td data-label="metric / id" class="metric"><strong>ps_ratio</strong><span class="row-id">d-stepfun-ps-ratio</span></td><td data-label="entity">stepfun</td>');
    // d-stepfun-funding-share: low 50, no high (percent) -> ≥ 50.0%
    expect(row('d-stepfun-funding-share')).toContain('<td data-label="value" class="value num" data-order="50">≥ 50.0%</td>');
    expect(html).toContain('<th scope="col">metric / id</th><th scope="col">entity</th><th scope="col" class="num">value</th>');
  });

  it('names a derived row by its label, with the short id below', () => {
    const data = fixtureContext();
    data.derived = [{ ...data.derived[0], id: 'market-cap-to-sales-zhipu-c0ae0f', label: 'Zhipu AI · market cap / annualized revenue · 2025 H1' }];
    const out = renderReportHtml({ data, charts: [], scripts: [] });
    expect(out).toContain('<strong>Zhipu AI · market cap / annualized revenue · 2025 H1</strong><span class="row-id">market-cap-to-sales-zhipu-c0ae0f</span>');
  });

  it('writes a derived amount with a scale word and its currency, never as a raw number', () => {
    const data = fixtureContext();
    // 71,249,333.33 USD / 1e6 = 71.2 -> USD 71.2m (3 significant digits); 703.664921466 multiple -> 704x
    data.derived = [
      { ...data.derived[0], id: 'd-run-rate', metric: 'annualized_revenue', value: 71249333.3333, low: 71249333.3333, high: 71249333.3333, unit: 'money', currency: 'USD' },
      { ...data.derived[0], id: 'd-cap-to-sales', metric: 'market_cap_to_sales', value: 703.664921466, low: 703.664921466, high: null, unit: 'multiple', currency: null },
    ];
    const out = renderReportHtml({ data, charts: [], scripts: [] });
    expect(out).toContain('<td data-label="value" class="value num" data-order="71249333.3333">USD 71.2m</td>');
    expect(out).toContain('<td data-label="value" class="value num" data-order="703.664921466">≥ 704x</td>');
    // full precision only in the sort keys (data-order), never in the text a reader sees
    const text = out.replace(/ data-order="[^"]*"/g, '');
    expect(text).not.toContain('71,249,333');
    expect(text).not.toContain('703.664921');
  });

  it('writes every table for the table library, with column headers and filters for its entity, metric and status', () => {
    // derived, findings, facts, sources, assumptions: 5 tables, each paginated by 25 rows
    expect(html.match(/<table class="data-table" id="table-[a-z-]+" data-name="[a-z ]+" data-per-page="25">/g)).toHaveLength(5);
    expect(html.match(/<th scope="col"/g)!.length).toBe(7 + 10 + 12 + 8 + 6);
    // the facts table filters its table, entity and metric columns (1, 2, 3); the findings table its status (0)
    expect(html).toMatch(/<label>Entity <select data-filter-for="table-facts" data-column="2">\n<option value="">all<\/option>(<option value="[^"]+">[^<]+<\/option>)*<option value="geely">geely<\/option>/);
    expect(html).toContain('<select data-filter-for="table-facts" data-column="3">');
    expect(html).toMatch(/<label>Status <select data-filter-for="table-audit-findings" data-column="0">\n<option value="">all<\/option><option value="fail">fail<\/option><option value="warn">warn<\/option><option value="pass">pass<\/option><\/select>/);
    // every cell names its column, for the card layout of narrow screens
    expect(html).toMatch(/<tr id="source-src-a" data-source-id="src-a">\n<td data-label="id">src-a<\/td><td data-label="outlet">/);
    expect(html).toMatch(/@media \(max-width: 640px\) \{[\s\S]*?table\.data-table tbody td::before \{ content: attr\(data-label\);/);
    // a wide table scrolls inside its own box
    expect(html).toMatch(/\.datatable-container \{ overflow-x: auto;/);
  });

  it('follows the colour scheme: dark colours under prefers-color-scheme', () => {
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toMatch(/@media \(prefers-color-scheme: dark\) \{\n  :root \{ --bg: #121316;/);
  });

  it('loads nothing from the network', () => {
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link\b/);
    // the policy sits in an attribute, so its quotes are written as &#39;
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;[^"]*connect-src &#39;none&#39;/);
  });

  it('is deterministic', () => {
    expect(page()).toBe(html);
  });
});

describe('exports', () => {
  it('facts.csv keeps numbers numeric and neutralises text', () => {
    const data = fixtureContext();
    data.facts[0] = { ...data.facts[0], note: '=1+1', value: -5.2 };
    const lines = factsCsv(data.facts).split('\n');
    expect(lines[0].split(',').slice(0, 6)).toEqual(['id', 'table', 'entity', 'metric', 'quantity', 'value']);
    expect(lines[1]).toContain(",-5.2,");
    expect(lines[1]).toContain(",'=1+1,");
  });

  it('audit report lists each status with its working', () => {
    const md = auditReportMarkdown(fixtureContext().findings);
    // 3 findings: 1 fail, 1 warn, 0 unverifiable, 1 pass
    expect(md).toContain('3 findings: 1 fail, 1 warn, 0 unverifiable, 1 pass.');
    expect(md).toMatch(/### claim-2\n\n- kind: derivation \(check: claim\)\n- stated: 100\n- computed: 90\n/);
  });
});
