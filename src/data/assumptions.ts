/**
 * assumptions.csv: analyst inputs that are in no article (FX rates). Code may override values
 * by id: `readAssumptions({ overrides: { 'usd-cny-2026-01': 7.2 } })`.
 */
import * as path from 'path';
import type { Assumption } from '../types';
import { readCsvTable } from './csv';
import { IssueList } from './errors';
import { FieldReader } from './fields';
import { displayPath } from './paths';
import { ASSUMPTION_COLUMNS, PLAIN_ID_RE, TABLE_FILES } from './schema';

/** Assumption values replacing the file's, by assumption id. */
export type AssumptionOverrides = Record<string, number>;

const NUMBER_RE = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** Reads and checks assumptions.csv of `dataDir`; problems go to `issues`, bad rows are left out. */
export function collectAssumptions(dataDir: string, issues: IssueList): Assumption[] {
  const abs = path.join(dataDir, TABLE_FILES.assumptions);
  const table = readCsvTable(abs, displayPath(abs), ASSUMPTION_COLUMNS, issues);
  if (!table) return [];
  const out: Assumption[] = [];
  const seen = new Map<string, number>();
  for (const rec of table.records) {
    const f = new FieldReader(issues, table.file, rec);
    const id = f.matching('id', PLAIN_ID_RE, 'a lowercase id');
    if (id !== '' && seen.has(id)) f.fail('id', `duplicate assumption id '${id}' (first at line ${seen.get(id)})`);
    else if (id !== '') seen.set(id, rec.line);
    const name = f.required('name');
    const text = f.required('value');
    if (text !== '' && !NUMBER_RE.test(text)) f.fail('value', `'${text}' is not a number`);
    const unit = f.required('unit');
    const asOf = f.date('as_of', true);
    const rationale = f.required('rationale');
    const reference = f.optional('reference');
    if (f.ok) out.push({ id, name, value: Number(text), unit, as_of: asOf!, rationale, reference });
  }
  return out;
}

/** Applies overrides by id; an id that no assumption has is an error. */
export function applyOverrides(assumptions: Assumption[], overrides: AssumptionOverrides = {}): Assumption[] {
  const ids = new Set(assumptions.map((a) => a.id));
  for (const [id, v] of Object.entries(overrides)) {
    if (!ids.has(id)) throw new Error(`override for unknown assumption id '${id}'`);
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`override for '${id}' is not a finite number: ${v}`);
  }
  return assumptions.map((a) => (Object.prototype.hasOwnProperty.call(overrides, a.id) ? { ...a, value: overrides[a.id] } : a));
}
