/** The nbconvert template of the notebooks' HTML: written to disk, then used by nbconvert on a small notebook. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findJupyter, HTML_TEMPLATE_NAME, writeHtmlTemplate } from '../../src/notebooks';
import { itNeedsJupyter } from './jupyterGate';

// a chart-like SVG: one mark, one label, a non-ASCII character
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><path d="M0,0h10v10h-10Z" fill="#4c78a8"/><text x="12" y="10">估值</text></svg>';

describe('writeHtmlTemplate', () => {
  it('writes a template folder extending nbconvert\'s lab template', () => {
    const dir = mkdtempSync(join(tmpdir(), 'benchval-tpl-'));
    const t = writeHtmlTemplate(dir);
    expect(t).toEqual({ name: HTML_TEMPLATE_NAME, baseDir: join(dir, 'nbconvert', 'templates') });
    const conf = JSON.parse(readFileSync(join(t.baseDir, HTML_TEMPLATE_NAME, 'conf.json'), 'utf8'));
    expect(conf.base_template).toBe('lab');
    const index = readFileSync(join(t.baseDir, HTML_TEMPLATE_NAME, 'index.html.j2'), 'utf8');
    expect(index.startsWith("{%- extends 'lab/index.html.j2' -%}")).toBe(true);
  });
});

describe('the template in nbconvert', () => {
  itNeedsJupyter('embeds an SVG output as a base64 image, unchanged, and loads no scripts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'benchval-tplrun-'));
    const t = writeHtmlTemplate(join(dir, 'jupyter'));
    const nb = {
      nbformat: 4, nbformat_minor: 5, metadata: {},
      cells: [
        { cell_type: 'markdown', metadata: {}, source: '# title' },
        {
          cell_type: 'code', metadata: {}, execution_count: 1, source: 'chart()',
          outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/svg+xml': SVG, 'text/plain': 'chart: a <test>' } }],
        },
      ],
    };
    writeFileSync(join(dir, 'small.ipynb'), JSON.stringify(nb));
    const r = spawnSync(findJupyter()!.command, [
      'nbconvert', '--to', 'html', '--template', t.name, `--TemplateExporter.extra_template_basedirs=${t.baseDir}`,
      '--output-dir', dir, join(dir, 'small.ipynb'),
    ], { encoding: 'utf8', cwd: dir });
    expect(r.stderr).not.toMatch(/Traceback/);
    expect(r.status).toBe(0);
    const html = readFileSync(join(dir, 'small.html'), 'utf8');
    const images = [...html.matchAll(/<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)">/g)];
    expect(images.length).toBe(1);
    expect(Buffer.from(images[0][1], 'base64').toString('utf8')).toBe(SVG);
    expect(images[0][2]).toBe('chart: a &lt;test&gt;');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toContain('file://');
    expect(html).not.toContain('MathJax');
  }, 60_000);
});
