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
 * - unit: unit of stated and of the expression's result, from the closed list of src/data/units;
 *   it must agree with the unit the stated value is written in (`约25倍` is a multiple).
 * - expression: arithmetic over fact ids and assumption ids (see ./expression, ./evaluate).
 * - tolerance: optional override of the qualifier tolerance (`10%`, `±0.5`, `0`).
 * - note: why the claim was read this way.
 * Analysts add rows; no code changes are needed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseCsvTable, readCsvTable, type CsvTable } from '../data/csv';
import { DataValidationError, IssueList } from '../data/errors';
import { squashWhiteSpace } from '../data/evidence';
import { FieldReader } from '../data/fields';
import { displayPath, resolveDataDir, type DataOptions } from '../data/paths';
import { TABLE_FILES } from '../data/schema';
import { isUnitName, unknownUnitMessage } from '../data/units';
import type { Source } from '../types';
import { parseQuantity } from '../units/parse';
import { unitsCompatible } from '../units/unit-words';
import { parseExpression, ExpressionError, expressionRefs, type Node } from './expression';
import { EXPRESSION_FUNCTIONS, type EvalEnv } from './evaluate';
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

const CMP_PREFIX_RE = /^(?:>=|<=|>|<|≥|≤)\s*/;

/** Unit the stated text is written in (`约25倍` -> multiple, `>0` -> none); null when none or unreadable. */
function statedUnit(stated: string): string | null {
  try {
    return parseQuantity(stated.trim().replace(CMP_PREFIX_RE, '')).unit;
  } catch {
    return null;
  }
}

/** Checks one claims.csv row; returns the claim, or null (problems reported) when it is not valid. */
function readClaimRow(f: FieldReader, seen: Map<string, number>): Claim | null {
  const id = f.required('id');
  if (id !== '' && !CLAIM_ID_RE.test(id)) f.fail('id', `'${id}' is not a lowercase kebab-case id`);
  if (id !== '' && seen.has(id)) f.fail('id', `duplicate id '${id}' (first on line ${seen.get(id)})`);
  else if (id !== '') seen.set(id, f.line);
  const source = f.required('source');
  const type = f.oneOf('type', CLAIM_TYPES);
  const claim = f.required('claim');
  const evidence = f.required('evidence');
  const stated = f.required('stated');
  const unit = f.required('unit');
  const expression = f.required('expression');
  const tolerance = f.optional('tolerance');
  const note = f.optional('note');
  if (unit !== '' && !isUnitName(unit)) f.fail('unit', unknownUnitMessage(unit));
  if (stated !== '' && !isStatedFactId(stated)) {
    let readable = true;
    try { statedInterval(stated, tolerance); } catch (e) { f.fail('stated', (e as Error).message); readable = false; }
    const written = readable ? statedUnit(stated) : null;
    if (written !== null && isUnitName(unit) && !unitsCompatible(written, unit)) {
      f.fail('unit', `'${unit}' conflicts with the stated value '${stated}', which reads as ${written}`);
    }
  }
  if (tolerance !== null) {
    try { parseTolerance(tolerance); } catch (e) { f.fail('tolerance', (e as Error).message); }
  }
  if (expression !== '') {
    try { parseExpression(expression); } catch (e) { f.fail('expression', (e as Error).message); }
  }
  if (!f.ok) return null;
  return { id, source, type, claim, evidence, stated, unit, expression, tolerance, note, file: f.file, line: f.line };
}

function claimsOf(table: CsvTable | null, issues: IssueList): Claim[] {
  if (!table) return [];
  const seen = new Map<string, number>();
  const out: Claim[] = [];
  for (const rec of table.records) {
    const c = readClaimRow(new FieldReader(issues, table.file, rec), seen);
    if (c) out.push(c);
  }
  return out;
}

/**
 * Parses claims CSV text; problems go to `issues` with file, line and column: the header, empty
 * required cells, ids, types, units outside src/data/units (and units that contradict the unit
 * the stated value is written in: `percent` with `约25倍`), stated values, tolerances and the
 * syntax of expressions. References to facts, assumptions and sources are checked by
 * checkClaimReferences.
 */
export function parseClaims(text: string, file: string, issues: IssueList): Claim[] {
  return claimsOf(parseCsvTable(text, file, CLAIM_COLUMNS, issues), issues);
}

/** Path of claims.csv in the data directory. */
export function claimsPath(opts: DataOptions = {}): string {
  return path.join(resolveDataDir(opts), TABLE_FILES.claims);
}

/** Reads and checks a claims file (default: claims.csv of the data directory); problems go to `issues`. */
export function collectClaims(opts: DataOptions & { file?: string }, issues: IssueList): Claim[] {
  const abs = opts.file ?? claimsPath(opts);
  return claimsOf(readCsvTable(abs, displayPath(abs), CLAIM_COLUMNS, issues), issues);
}

/** Reads and checks data/claims.csv; throws DataValidationError listing every problem. */
export function readClaims(opts: DataOptions & { file?: string } = {}): Claim[] {
  const issues = new IssueList();
  const claims = collectClaims(opts, issues);
  issues.throwIfAny();
  return claims;
}

function unknownFunctions(tree: Node): Array<{ name: string; pos: number }> {
  const out: Array<{ name: string; pos: number }> = [];
  const walk = (n: Node): void => {
    if (n.kind === 'call') {
      if (!(EXPRESSION_FUNCTIONS as readonly string[]).includes(n.name)) out.push({ name: n.name, pos: n.pos });
      n.args.forEach(walk);
    }
    if (n.kind === 'neg') walk(n.arg);
    if (n.kind === 'bin') { walk(n.left); walk(n.right); }
  };
  walk(tree);
  return out;
}

/**
 * Checks claim sources, stated fact ids (and that the stated fact's unit agrees with the
 * claim's) and every id and function of the expressions against the data; problems go to
 * `issues`. `factRowIds`, when given, holds the ids of every fact row including rows with
 * problems (and rows a parse error left out): a reference to such a row is not reported again,
 * since the row's own problem is.
 */
export function collectClaimReferenceIssues(
  claims: readonly Claim[], env: EvalEnv, sources: readonly Source[], issues: IssueList, factRowIds?: ReadonlySet<string>,
): void {
  const sourceIds = new Set(sources.map((s) => s.id));
  const assumptionIds = new Set(env.assumptions.map((a) => a.id));
  const broken = (id: string): boolean => !env.facts.has(id) && (factRowIds?.has(id) ?? false);
  for (const c of claims) {
    if (!sourceIds.has(c.source)) issues.add(c.file, c.line, 'source', `unknown source '${c.source}'`);
    if (isStatedFactId(c.stated)) {
      const fact = env.facts.get(c.stated);
      if (broken(c.stated)) { /* reported at the fact's own row */ } else if (!fact) issues.add(c.file, c.line, 'stated', `'${c.stated}' is neither a quantity nor a fact id`);
      else if (!unitsCompatible(fact.unit, c.unit)) {
        issues.add(c.file, c.line, 'unit', `'${c.unit}' conflicts with the stated fact '${c.stated}', which is in '${fact.unit}'`);
      }
    }
    const tree = parseExpression(c.expression);
    const names = new Set(expressionRefs(tree).filter((r) => !r.missing).map((r) => r.name));
    for (const name of names) {
      if (env.facts.has(name) || assumptionIds.has(name) || broken(name)) continue;
      const why = `unknown fact or assumption id '${name}'`;
      issues.add(c.file, c.line, 'expression', new ExpressionError(c.expression, c.expression.indexOf(name), why).message);
    }
    for (const fn of unknownFunctions(tree)) {
      const why = `unknown function '${fn.name}' (known: ${EXPRESSION_FUNCTIONS.join(', ')})`;
      issues.add(c.file, c.line, 'expression', new ExpressionError(c.expression, fn.pos, why).message);
    }
  }
}

/**
 * Checks claim sources, stated fact ids and the ids of their expressions against the data;
 * throws DataValidationError.
 */
export function checkClaimReferences(claims: readonly Claim[], env: EvalEnv, sources: readonly Source[]): void {
  const issues = new IssueList();
  collectClaimReferenceIssues(claims, env, sources, issues);
  issues.throwIfAny();
}

/**
 * Claims whose evidence does not occur verbatim (white space aside) in the article text of
 * their source; `seedDir` holds the captured articles named by sources.csv `seed_file`.
 */
export function claimsWithoutEvidence(claims: readonly Claim[], sources: readonly Source[], seedDir: string): Claim[] {
  const texts = new Map<string, string>();
  for (const s of sources) {
    const p = path.join(seedDir, s.seed_file);
    if (fs.existsSync(p)) texts.set(s.id, squashWhiteSpace(fs.readFileSync(p, 'utf8')));
  }
  return claims.filter((c) => {
    const t = texts.get(c.source);
    return t === undefined || !t.includes(squashWhiteSpace(c.evidence));
  });
}

export { DataValidationError };
