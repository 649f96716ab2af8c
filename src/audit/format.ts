/** Plain-text rendering of audit findings for the terminal. */
import type { Finding, FindingStatus } from './findings';

const MARK: Record<FindingStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', unverifiable: 'N/A ' };

function wrap(text: string, width: number): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && cur.length + 1 + w.length > width) { lines.push(cur); cur = w; } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** One block per finding: status, kind, id, then the message wrapped. Passes can be left out. */
export function formatFindings(findings: readonly Finding[], opts: { passes?: boolean; width?: number } = {}): string {
  const width = opts.width ?? 110;
  const shown = findings.filter((f) => opts.passes !== false || f.status !== 'pass');
  const idWidth = Math.min(48, Math.max(2, ...shown.map((f) => f.id.length)));
  const lines: string[] = [`${'status'.padEnd(6)} ${'kind'.padEnd(12)} ${'id'.padEnd(idWidth)}`, '-'.repeat(Math.min(width, 20 + idWidth))];
  for (const f of shown) {
    lines.push(`${MARK[f.status].padEnd(6)} ${f.kind.padEnd(12)} ${f.id}`);
    for (const l of wrap(f.message, width - 8)) lines.push(`       ${l}`);
  }
  return lines.join('\n');
}

export function formatSummary(summary: Record<FindingStatus, number>): string {
  return `${summary.pass} pass, ${summary.warn} warn, ${summary.fail} fail, ${summary.unverifiable} unverifiable`;
}
