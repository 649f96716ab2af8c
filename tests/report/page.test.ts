import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts';
import { auditReportMarkdown } from '../../src/report/auditReport';
import { factsCsv } from '../../src/report/exports';
import { renderReportHtml } from '../../src/report/page';
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
    // the only script elements are the library, the chart specs and the embed code
    expect(html.match(/<script\b/g)).toHaveLength(3);
  });

  it('embeds the chart specs as JSON that cannot close its script element', () => {
    const m = /<script type="application\/json" id="chart-specs">([\s\S]*?)<\/script>/.exec(html);
    expect(m).not.toBeNull();
    expect(m![1]).not.toContain('<');
    const specs = JSON.parse(m![1]) as { name: string }[];
    expect(specs.map((s) => s.name)).toEqual(CHARTS.map((c) => c.name));
    // the hostile evidence survives inside the spec data, as data
    expect(m![1]).toContain('\\u003cscript\\u003ealert(1)');
  });

  it('has a container per chart', () => {
    for (const c of CHARTS) expect(html).toContain(`<div class="chart" id="chart-${c.name}" data-chart="${c.name}"></div>`);
  });

  it('links each fact value to its source row', () => {
    expect(html).toContain('<tr id="fact-a-stepfun-valuation" data-fact-id="a-stepfun-valuation">');
    expect(html).toMatch(/<a class="fact-value" href="#source-src-a" data-source-id="src-a" data-fact-id="a-stepfun-valuation"[^>]*>24,500,000,000<\/a>/);
    expect(html).toContain('<tr id="source-src-a" data-source-id="src-a">');
    expect(html).toContain('<tr id="source-src-b" data-source-id="src-b">');
  });

  it('shows derived inputs and finding inputs as links to facts, with the working', () => {
    expect(html).toContain('<a href="#fact-a-stepfun-funding-amount-b-plus">a-stepfun-funding-amount-b-plus</a>');
    expect(html).toMatch(/<tr id="finding-claim-2" data-status="fail">[\s\S]*?<td>100<\/td><td>90<\/td>/);
  });

  it('formats derived values with their unit and bounds, and keeps the row id under the metric', () => {
    const row = (id: string) => {
      const m = new RegExp(`<tr id="derived-${id}">([\\s\\S]*?)</tr>`).exec(html);
      expect(m, id).not.toBeNull();
      return m![1];
    };
    // d-stepfun-ps-ratio: low 21, high 28, value 24.5 (multiple) -> 21–28x (point 24.5x)
    const ps = row('d-stepfun-ps-ratio');
    expect(ps).toContain('<td class="value">21–28x (point 24.5x)</td>');
    expect(ps).toContain('<td class="metric"><strong>ps_ratio</strong> · stepfun<span class="row-id">d-stepfun-ps-ratio</span></td>');
    // d-stepfun-funding-share: low 50, no high (percent) -> ≥ 50.0%
    expect(row('d-stepfun-funding-share')).toContain('<td class="value">≥ 50.0%</td>');
    expect(html).toContain('<th>metric · entity / id</th><th>value</th>');
  });

  it('writes a derived amount with a scale word and its currency, never as a raw number', () => {
    const data = fixtureContext();
    // 71,249,333.33 USD / 1e6 = 71.2 -> USD 71.2m (3 significant digits); 703.664921466 multiple -> 704x
    data.derived = [
      { ...data.derived[0], id: 'd-run-rate', metric: 'annualized_revenue', value: 71249333.3333, low: 71249333.3333, high: 71249333.3333, unit: 'money', currency: 'USD' },
      { ...data.derived[0], id: 'd-cap-to-sales', metric: 'market_cap_to_sales', value: 703.664921466, low: 703.664921466, high: null, unit: 'multiple', currency: null },
    ];
    const out = renderReportHtml({ data, charts: [], scripts: [] });
    expect(out).toContain('<td class="value">USD 71.2m</td>');
    expect(out).toContain('<td class="value">≥ 704x</td>');
    expect(out).not.toContain('71,249,333');
    expect(out).not.toContain('703.664921');
  });

  it('puts every table in its own scroll box and keeps anchored rows clear of the sticky header', () => {
    // derived, findings, facts, sources, assumptions: 5 tables, 5 boxes
    expect(html.match(/<table>/g)).toHaveLength(5);
    expect(html.match(/<div class="table-wrap"><table>/g)).toHaveLength(5);
    expect(html).toMatch(/\.table-wrap \{[^}]*overflow: auto;/);
    expect(html).toMatch(/th \{[^}]*position: sticky; top: 0;/);
    expect(html).toMatch(/tr\[id\] \{ scroll-margin-top: 3rem; \}/);
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
