/**
 * data/claims.csv: arithmetic statements of the articles, one per row.
 *
 * Columns: id, source, type, claim, evidence, stated, unit, expression, tolerance, note.
 * - id: kebab-case, unique (`tmt-stepfun-ps-ratio`).
 * - source: a sources.csv id; evidence: the shortest verbatim phrase of that article holding
 *   the stated number.
 * - type: `statement` when the article itself states the arithmetic; `cross-check` when an
 *   analyst relates figures the article prints without relating them (audited by the
 *   cross-check rule of ./derivation: never a plain pass when metrics or periods differ).
 * - claim: a short English paraphrase.
 * - stated: the claimed result as written, or a normalised form parseQuantity reads, or the id
 *   of the fact that states it (see ./stated).
 * - unit: unit of stated and of the expression's result (multiple, percent, bytes, ...).
 * - expression: arithmetic over fact ids and assumption ids (see ./expression, ./evaluate).
 * - tolerance: optional override of the qualifier tolerance (`10%`, `±0.5`, `0`).
 * - note: why the claim was read this way.
 * Analysts add rows; no code changes are needed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import { DataValidationError, IssueList } from '../data/errors';
import { displayPath, resolveDataDir, type DataOptions } from '../data/paths';
import type { Source } from '../types';
import { parseExpression, ExpressionError } from './expression';
import { checkExpression, type EvalEnv } from './evaluate';
import { isStatedFactId, statedInterval, parseTolerance } from './stated';

export const CLAIM_COLUMNS = ['id', 'source', 'type', 'claim', 'evidence', 'stated', 'unit', 'expression', 'tolerance', 'note'] as const;
const CLAIM_ID_RE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

export const CLAIM_TYPES = ['statement', 'cross-check'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export interface Claim {
  id: string;
  source: string;
  type: ClaimType;
  claim: string;
  evidence: string;
  stated: string;
  unit: string;
  expression: string;
  tolerance: string | null;
  note: string | null;
  file: string;
  line: number;
}

/** Parses claims CSV text; problems go to `issues` with file, line and column. */
export function parseClaims(text: string, file: string, issues: IssueList): Claim[] {
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof rows;
  } catch (e) {
    issues.add(file, (e as { lines?: number }).lines ?? 0, null, `malformed CSV: ${(e as Error).message}`);
    return [];
  }
  if (rows.length === 0) { issues.add(file, 0, null, 'empty file (needs a header row)'); return []; }
  const header = rows[0].record.map((h) => h.trim());
  const missing = CLAIM_COLUMNS.filter((c) => !header.includes(c));
  const extra = header.filter((h) => !(CLAIM_COLUMNS as readonly string[]).includes(h));
  if (missing.length || extra.length) {
    issues.add(file, 1, null, `header must be ${CLAIM_COLUMNS.join(',')}${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; unknown ${extra.join(', ')}` : ''}`);
    return [];
  }
  const claims: Claim[] = [];
  const seen = new Map<string, number>();
  for (const row of rows.slice(1)) {
    const line = row.info.lines;
    if (row.record.length !== header.length) {
      issues.add(file, line, null, `expected ${header.length} fields, found ${row.record.length}`);
      continue;
    }
    const v: Record<string, string> = {};
    header.forEach((h, i) => { v[h] = row.record[i].trim(); });
    let ok = true;
    const bad = (col: string, msg: string): void => { issues.add(file, line, col, msg); ok = false; };
    for (const col of ['id', 'source', 'type', 'claim', 'evidence', 'stated', 'unit', 'expression']) {
      if (v[col] === '') bad(col, 'empty');
    }
    if (v.type && !(CLAIM_TYPES as readonly string[]).includes(v.type)) bad('type', `'${v.type}' is not one of ${CLAIM_TYPES.join(', ')}`);
    if (v.id && !CLAIM_ID_RE.test(v.id)) bad('id', `'${v.id}' is not a lowercase kebab-case id`);
    if (v.id && seen.has(v.id)) bad('id', `duplicate id '${v.id}' (first on line ${seen.get(v.id)})`);
    if (v.id) seen.set(v.id, line);
    if (v.stated && !isStatedFactId(v.stated)) {
      try { statedInterval(v.stated, v.tolerance || null); } catch (e) { bad('stated', (e as Error).message); }
    }
    if (v.tolerance) {
      try { parseTolerance(v.tolerance); } catch (e) { bad('tolerance', (e as Error).message); }
    }
    if (v.expression) {
      try { parseExpression(v.expression); } catch (e) { bad('expression', (e as Error).message); }
    }
    if (!ok) continue;
    claims.push({
      id: v.id, source: v.source, type: v.type as ClaimType, claim: v.claim, evidence: v.evidence, stated: v.stated, unit: v.unit,
      expression: v.expression, tolerance: v.tolerance || null, note: v.note || null, file, line,
    });
  }
  return claims;
}

/** Path of claims.csv in the data directory. */
export function claimsPath(opts: DataOptions = {}): string {
  return path.join(resolveDataDir(opts), 'claims.csv');
}

/** Reads and checks data/claims.csv; throws DataValidationError listing every problem. */
export function readClaims(opts: DataOptions & { file?: string } = {}): Claim[] {
  const abs = opts.file ?? claimsPath(opts);
  const file = displayPath(abs);
  const issues = new IssueList();
  let text = '';
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    issues.add(file, 0, null, `cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const claims = text ? parseClaims(text, file, issues) : [];
  issues.throwIfAny();
  return claims;
}

/**
 * Checks claim sources, stated fact ids and the ids of their expressions against the data;
 * throws DataValidationError.
 */
export function checkClaimReferences(claims: readonly Claim[], env: EvalEnv, sources: readonly Source[]): void {
  const issues = new IssueList();
  const sourceIds = new Set(sources.map((s) => s.id));
  for (const c of claims) {
    if (!sourceIds.has(c.source)) issues.add(c.file, c.line, 'source', `unknown source '${c.source}'`);
    if (isStatedFactId(c.stated) && !env.facts.has(c.stated)) {
      issues.add(c.file, c.line, 'stated', `'${c.stated}' is neither a quantity nor a fact id`);
    }
    try {
      checkExpression(c.expression, env);
    } catch (e) {
      issues.add(c.file, c.line, 'expression', e instanceof ExpressionError ? e.message : String(e));
    }
  }
  issues.throwIfAny();
}

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/**
 * Claims whose evidence does not occur verbatim (white space aside) in the article text of
 * their source; `seedDir` holds the captured articles named by sources.csv `seed_file`.
 */
export function claimsWithoutEvidence(claims: readonly Claim[], sources: readonly Source[], seedDir: string): Claim[] {
  const texts = new Map<string, string>();
  for (const s of sources) {
    const p = path.join(seedDir, s.seed_file);
    if (fs.existsSync(p)) texts.set(s.id, squash(fs.readFileSync(p, 'utf8')));
  }
  return claims.filter((c) => {
    const t = texts.get(c.source);
    return t === undefined || !t.includes(squash(c.evidence));
  });
}

export { DataValidationError };
