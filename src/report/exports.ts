/**
 * Plain-file exports of the main job: the facts (JSON + CSV), the derived metrics
 * (JSON + CSV) and the audit findings (JSON + a readable Markdown report).
 * CSV goes through ./csv (formula neutralisation; numbers stay numbers); the CSV files start
 * with a UTF-8 byte order mark so spreadsheet programs read the Chinese text as UTF-8.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../audit/findings';
import { DERIVED_COLUMNS, type Derived } from '../metrics/derived';
import type { Fact } from '../types';
import { toCsv, UTF8_BOM, type CsvCell } from './csv';
import { auditReportMarkdown } from './auditReport';
import { writeFileAtomic } from './writeFile';

/** Columns of facts.csv: common columns, table-specific ones, then where the row came from. */
export const FACT_EXPORT_COLUMNS = [
  'id', 'table', 'entity', 'metric', 'quantity', 'value', 'low', 'high', 'unit', 'currency', 'qualifier', 'as_of',
  'period_start', 'period_end', 'source', 'seed_file', 'evidence', 'note', 'benchmark', 'variant', 'round', 'investors',
  'basis', 'file', 'line',
] as const;

function writeText(path: string, text: string, written: string[]): void {
  writeFileAtomic(path, text);
  written.push(path);
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

export function factsCsv(facts: readonly Fact[]): string {
  return toCsv(FACT_EXPORT_COLUMNS, facts as unknown as Record<string, CsvCell>[]);
}

export function derivedCsv(rows: readonly Derived[]): string {
  return toCsv(DERIVED_COLUMNS, rows as unknown as Record<string, CsvCell>[]);
}

/** out/data/facts.json and facts.csv */
export function writeFactsExport(facts: readonly Fact[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  writeText(join(dir, 'facts.json'), json(facts), written);
  writeText(join(dir, 'facts.csv'), UTF8_BOM + factsCsv(facts), written);
  return written;
}

/** out/metrics/derived.json and derived.csv */
export function writeDerivedExport(rows: readonly Derived[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  writeText(join(dir, 'derived.json'), json(rows), written);
  writeText(join(dir, 'derived.csv'), UTF8_BOM + derivedCsv(rows), written);
  return written;
}

/** out/audit/findings.json and report.md */
export function writeAuditExport(findings: readonly Finding[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  writeText(join(dir, 'findings.json'), json(findings), written);
  writeText(join(dir, 'report.md'), auditReportMarkdown(findings), written);
  return written;
}
