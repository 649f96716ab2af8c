/**
 * The audit findings as a readable Markdown report: counts per status, then each finding with its
 * working. Every text from the data is escaped (markdownText).
 */
import { FINDING_STATUSES, type Finding } from '../audit/findings';

/**
 * A text from the data as Markdown: `<` and `&` escaped (a Markdown viewer renders raw HTML, so
 * `<img onerror=...>` in a claim must stay text; `>` alone opens no tag and stays readable, as in
 * `>1`), table pipes escaped, one line.
 */
export function markdownText(text: string): string {
  return text
    .replace(/&/g, '&amp;').replace(/</g, '&lt;')
    .replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

const cell = markdownText;

export function auditReportMarkdown(findings: readonly Finding[]): string {
  const lines: string[] = ['# Audit report', ''];
  const count = (s: string) => findings.filter((f) => f.status === s).length;
  const statuses = [...FINDING_STATUSES, ...new Set(findings.map((f) => f.status).filter((s) => !FINDING_STATUSES.includes(s)))];
  lines.push(`${findings.length} findings: ${statuses.map((s) => `${count(s)} ${cell(s)}`).join(', ')}.`, '');
  lines.push('| status | count |', '| --- | --- |', ...statuses.map((s) => `| ${cell(s)} | ${count(s)} |`), '');
  for (const status of statuses) {
    const mine = findings.filter((f) => f.status === status);
    if (mine.length === 0) continue;
    lines.push(`## ${cell(status)} (${mine.length})`, '');
    for (const f of mine) {
      lines.push(`### ${cell(f.id)}`, '');
      lines.push(`- kind: ${cell(f.kind)} (check: ${cell(f.rule)})`);
      if (f.stated) lines.push(`- stated: ${cell(f.stated.text)}`);
      if (f.computed) lines.push(`- computed: ${cell(f.computed.text)}`);
      lines.push(`- working: ${cell(f.message)}`);
      if (f.inputs.length) lines.push(`- inputs: ${cell(f.inputs.join(', '))}`);
      if (f.entities.length) lines.push(`- entities: ${cell(f.entities.join(', '))}`);
      if (f.sources.length) lines.push(`- sources: ${cell(f.sources.join(', '))}`);
      lines.push('');
    }
  }
  return lines.join('\n');
}
