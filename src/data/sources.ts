/** sources.csv: the articles facts come from. */
import * as path from 'path';
import type { Source } from '../types';
import { readCsvTable } from './csv';
import { IssueList } from './errors';
import { FieldReader } from './fields';
import { displayPath } from './paths';
import { PLAIN_ID_RE, SOURCE_COLUMNS, TABLE_FILES } from './schema';

/**
 * Reads and checks sources.csv of `dataDir`; problems go to `issues`, bad rows are left out.
 * `allIds`, when given, receives the id of every row, valid or not.
 */
export function collectSources(dataDir: string, issues: IssueList, allIds?: Set<string>): Source[] {
  const abs = path.join(dataDir, TABLE_FILES.sources);
  const table = readCsvTable(abs, displayPath(abs), SOURCE_COLUMNS, issues);
  if (!table) return [];
  const out: Source[] = [];
  const seen = new Map<string, number>();
  for (const rec of table.records) {
    const f = new FieldReader(issues, table.file, rec);
    const id = f.matching('id', PLAIN_ID_RE, 'a lowercase id');
    if (id !== '') allIds?.add(id);
    if (id !== '' && seen.has(id)) f.fail('id', `duplicate source id '${id}' (first at line ${seen.get(id)})`);
    else if (id !== '') seen.set(id, rec.line);
    const outlet = f.required('outlet');
    const title = f.required('title');
    const published = f.date('published', true);
    const url = f.optional('url');
    if (url !== null && !/^https?:\/\/\S+$/.test(url)) f.fail('url', `'${url}' is not an http(s) URL`);
    const language = f.required('language');
    const seedFile = f.required('seed_file');
    const note = f.optional('note');
    if (f.ok) out.push({ id, outlet, title, published: published!, url, language, seed_file: seedFile, note });
  }
  return out;
}
