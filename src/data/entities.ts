/**
 * entities.csv: companies, models, products and markets with canonical ids. Parents must exist,
 * form no cycle and be of a kind the child may belong to (./checks/references).
 */
import * as path from 'path';
import type { Entity } from '../types';
import { readCsvTable } from './csv';
import { IssueList } from './errors';
import { FieldReader } from './fields';
import { displayPath } from './paths';
import { ENTITY_COLUMNS, ENTITY_ID_RE, ENTITY_KINDS, ENTITY_OPTIONAL_COLUMNS, TABLE_FILES } from './schema';
import { checkEntityParents } from './checks/references';

/**
 * The `aliases` column: other names, `;`-separated (`智谱AI;智譜;Zhipu`). An empty item
 * (`a;;b`, a trailing `;`) is an error; so is an alias given twice in one row.
 */
function readAliases(f: FieldReader): string[] {
  const raw = f.raw('aliases');
  if (raw === '') return [];
  const items = raw.split(';').map((a) => a.trim());
  if (items.some((a) => a === '')) {
    f.fail('aliases', `empty alias in '${raw}' (aliases are separated by ';')`);
    return items.filter((a) => a !== '');
  }
  const seen = new Set<string>();
  for (const a of items) {
    if (seen.has(a)) f.fail('aliases', `alias '${a}' given twice`);
    seen.add(a);
  }
  return items;
}

/**
 * Reads and checks entities.csv of `dataDir`; problems go to `issues`, bad rows are left out.
 * `allIds`, when given, receives the id of every row, valid or not (so that references to a
 * row with a problem are not reported a second time).
 */
export function collectEntities(dataDir: string, issues: IssueList, allIds?: Set<string>, status?: { readable: boolean }): Entity[] {
  const abs = path.join(dataDir, TABLE_FILES.entities);
  const table = readCsvTable(abs, displayPath(abs), ENTITY_COLUMNS, issues, ENTITY_OPTIONAL_COLUMNS);
  if (status) status.readable = table !== null;
  if (!table) return [];
  const rows: Array<{ entity: Entity; line: number; f: FieldReader }> = [];
  const seen = new Map<string, number>();
  for (const rec of table.records) {
    const f = new FieldReader(issues, table.file, rec);
    const id = f.matching('id', ENTITY_ID_RE, 'a lowercase kebab-case id');
    if (id !== '' && seen.has(id)) f.fail('id', `duplicate entity id '${id}' (first at line ${seen.get(id)})`);
    else if (id !== '') seen.set(id, rec.line);
    const kind = f.oneOf('kind', ENTITY_KINDS);
    const nameEn = f.required('name_en');
    const nameZh = f.required('name_zh');
    const parent = f.optional('parent');
    if (parent !== null && parent === id) f.fail('parent', `entity '${id}' is its own parent`);
    const note = f.optional('note');
    const aliases = readAliases(f);
    rows.push({ entity: { id, kind, name_en: nameEn, name_zh: nameZh, parent, note, aliases }, line: rec.line, f });
  }
  const ids = new Set(rows.map((r) => r.entity.id));
  for (const id of ids) allIds?.add(id);
  for (const r of rows) {
    const p = r.entity.parent;
    if (p !== null && p !== r.entity.id && !ids.has(p)) r.f.fail('parent', `unknown parent entity '${p}'`);
  }
  const valid = rows.filter((r) => r.f.ok);
  // parent problems stay with the entity's row: the facts about it are not reported again
  checkEntityParents(valid, table.file, issues);
  return valid.map((r) => r.entity);
}
