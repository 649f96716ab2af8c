/** Plain-text rendering of audit findings for the terminal. */
import { summarize, type Finding, type FindingKind, type FindingStatus } from './findings';

const MARK: Record<FindingStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', unverifiable: 'N/A ' };
const KINDS: readonly FindingKind[] = ['derivation', 'conflict', 'plausibility'];

/**
 * Which passes a listing shows: `true` all, `false` none, `'claims'` only those of the
 * derivation check (each claim of claims.csv then appears whatever its status).
 */
export type PassFilter = boolean | 'claims';

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

/** Whether `f` is listed under the pass filter. */
export function isShown(f: Finding, passes: PassFilter = true): boolean {
  if (f.status !== 'pass') return true;
  return passes === true || (passes === 'claims' && f.kind === 'derivation');
}

/** One block per finding: status, kind, id, then the message wrapped. Passes can be left out. */
export function formatFindings(findings: readonly Finding[], opts: { passes?: PassFilter; width?: number } = {}): string {
  const width = opts.width ?? 110;
  const shown = findings.filter((f) => isShown(f, opts.passes ?? true));
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

/**
 * Counts per kind of check and status, a total line, and how many passes the listing left out
 * (`passes` as given to formatFindings).
 */
export function formatSummaryTable(findings: readonly Finding[], passes: PassFilter = true): string {
  const lines = KINDS.map((k) => `${k.padEnd(13)} ${formatSummary(summarize(findings.filter((f) => f.kind === k)))}`);
  lines.push(`${'total'.padEnd(13)} ${formatSummary(summarize(findings))}`);
  const hidden = findings.filter((f) => !isShown(f, passes));
  if (hidden.length > 0) {
    const kinds = KINDS.filter((k) => hidden.some((f) => f.kind === k));
    lines.push(`(${hidden.length} passing ${kinds.join(' and ')} findings not listed; --all lists them)`);
  }
  return lines.join('\n');
}

