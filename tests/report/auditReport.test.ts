import { describe, expect, it } from 'vitest';
import { auditReportMarkdown, markdownText } from '../../src/report/auditReport';
import type { Finding } from '../../src/audit/findings';

const PAYLOAD = '<img src=x onerror=alert(1)>';

function finding(over: Partial<Finding>): Finding {
  return {
    id: 'c1', kind: 'claim', rule: 'claim', status: 'pass', entities: ['e'], sources: ['s'], inputs: ['a'],
    stated: { text: '>1', low: 1, high: null, unit: null }, computed: null, message: 'ok', ...over,
  } as Finding;
}

describe('audit report.md', () => {
  it('escapes HTML in every text copied from the data', () => {
    const md = auditReportMarkdown([finding({
      id: `id${PAYLOAD}`, message: `working ${PAYLOAD}`, inputs: [PAYLOAD], entities: [PAYLOAD], sources: [PAYLOAD],
      stated: { text: PAYLOAD, low: null, high: null, unit: null }, computed: { text: PAYLOAD, low: null, high: null, unit: null },
    })]);
    expect(md).not.toContain('<img');
    // id, stated, computed, working, inputs, entities, sources: 7 escaped copies
    expect(md.split('&lt;img src=x onerror=alert(1)>').length - 1).toBe(7);
  });

  it('keeps > readable, escapes & and table pipes, and joins lines', () => {
    expect(markdownText('>1 & a|b\nc')).toBe('>1 &amp; a\\|b c');
    expect(auditReportMarkdown([finding({})])).toContain('- stated: >1');
  });
});
