/** The audit findings as a readable Markdown report: counts per status, then each finding with its working. */
import { FINDING_STATUSES, type Finding } from '../audit/findings';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function auditReportMarkdown(findings: readonly Finding[]): string {
  const lines: string[] = ['# Audit report', ''];
  const count = (s: string) => findings.filter((f) => f.status === s).length;
  const statuses = [...FINDING_STATUSES, ...new Set(findings.map((f) => f.status).filter((s) => !FINDING_STATUSES.includes(s)))];
  lines.push(`${findings.length} findings: ${statuses.map((s) => `${count(s)} ${s}`).join(', ')}.`, '');
  lines.push('| status | count |', '| --- | --- |', ...statuses.map((s) => `| ${s} | ${count(s)} |`), '');
  for (const status of statuses) {
    const mine = findings.filter((f) => f.status === status);
    if (mine.length === 0) continue;
    lines.push(`## ${status} (${mine.length})`, '');
    for (const f of mine) {
      lines.push(`### ${f.id}`, '');
      lines.push(`- kind: ${f.kind} (check: ${f.rule})`);
      if (f.stated) lines.push(`- stated: ${cell(f.stated.text)}`);
      if (f.computed) lines.push(`- computed: ${cell(f.computed.text)}`);
      lines.push(`- working: ${cell(f.message)}`);
      if (f.inputs.length) lines.push(`- inputs: ${f.inputs.join(', ')}`);
      if (f.entities.length) lines.push(`- entities: ${f.entities.join(', ')}`);
      if (f.sources.length) lines.push(`- sources: ${f.sources.join(', ')}`);
      lines.push('');
    }
  }
  return lines.join('\n');
}
