/** sources.csv: the articles facts come from. */
import * as path from 'path';
import type { Source } from '../types';
import { readCsvTable } from './csv';
import { IssueList } from './errors';
import { FieldReader } from './fields';
import { displayPath } from './paths';
import { PLAIN_ID_RE, SOURCE_COLUMNS, TABLE_FILES } from './schema';
import { publishedProblem, yearProblem } from './checks/dates';

/**
 * Problem of a seed_file name; null when it is a plain file name (no folder part, not `.` or
 * `..`): the articles are read from inside the seeds folder only.
 */
export function seedFileProblem(name: string): string | null {
  if (/[\\/]/.test(name) || name === '.' || name === '..' || name.includes('\u0000')) {
    return `'${name}' is not a plain file name: seed_file names a file directly inside the articles folder`;
  }
  return null;
}

/**
 * Reads and checks sources.csv of `dataDir`; problems go to `issues`, bad rows are left out.
 * `allIds`, when given, receives the id of every row, valid or not.
 */
export function collectSources(dataDir: string, issues: IssueList, allIds?: Set<string>, status?: { readable: boolean }): Source[] {
  const abs = path.join(dataDir, TABLE_FILES.sources);
  const table = readCsvTable(abs, displayPath(abs), SOURCE_COLUMNS, issues);
  if (status) status.readable = table !== null;
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
    if (published !== null) {
      const why = yearProblem(published) ?? publishedProblem(published);
      if (why) f.fail('published', why);
    }
    const url = f.optional('url');
    if (url !== null && !/^https?:\/\/\S+$/.test(url)) f.fail('url', `'${url}' is not an http(s) URL`);
    const language = f.required('language');
    const seedFile = f.required('seed_file');
    const seedWhy = seedFile === '' ? null : seedFileProblem(seedFile);
    if (seedWhy) f.report('seed_file', seedWhy);
    const note = f.optional('note');
    if (f.ok) out.push({ id, outlet, title, published: published!, url, language, seed_file: seedFile, note });
  }
  return out;
}
