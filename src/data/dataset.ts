/**
 * Plain loaders (no DataFrames): each reads the CSVs it needs from the data directory, checks
 * them and throws a DataValidationError listing every problem. Nothing is cached; every call
 * reads the files again.
 */
import * as path from 'path';
import { FACT_TABLES } from '../types';
import type { Assumption, Entity, Fact, FactTable, Source } from '../types';
import { applyOverrides, collectAssumptions } from './assumptions';
import type { AssumptionOverrides } from './assumptions';
import { collectEntities } from './entities';
import { DataValidationError, IssueList } from './errors';
import type { DataIssue } from './errors';
import { collectFactTable, factTableExists } from './facts';
import type { FactContext } from './facts';
import { displayPath, resolveDataDir } from './paths';
import { factTableFile } from './schema';
import type { DataOptions } from './paths';
import { collectSources } from './sources';

export interface AssumptionOptions extends DataOptions {
  /** replacement values by assumption id */
  overrides?: AssumptionOverrides;
}

/** Everything in a data directory. */
export interface Dataset {
  dataDir: string;
  sources: Source[];
  entities: Entity[];
  assumptions: Assumption[];
  facts: Fact[];
  /** fact tables whose CSV exists, in FACT_TABLES order */
  tables: FactTable[];
}

function context(dataDir: string, issues: IssueList): FactContext & { sourceList: Source[]; entityList: Entity[] } {
  const sourceIds = new Set<string>();
  const entityIds = new Set<string>();
  const sourceList = collectSources(dataDir, issues, sourceIds);
  const entityList = collectEntities(dataDir, issues, entityIds);
  return {
    sourceList,
    entityList,
    sourceIds,
    entityIds,
    sources: new Map(sourceList.map((s) => [s.id, s])),
    entities: new Map(entityList.map((e) => [e.id, e])),
  };
}

function checkTable(table: string): FactTable {
  if (!(FACT_TABLES as readonly string[]).includes(table)) {
    throw new Error(`unknown fact table '${table}' (tables: ${FACT_TABLES.join(', ')})`);
  }
  return table as FactTable;
}

/** Reads every table and returns what is valid together with every problem found. */
export function inspectData(opts: AssumptionOptions = {}): { dataset: Dataset; issues: DataIssue[] } {
  const dataDir = resolveDataDir(opts);
  const issues = new IssueList();
  const ctx = context(dataDir, issues);
  const assumptions = applyOverrides(collectAssumptions(dataDir, issues), opts.overrides);
  const tables = FACT_TABLES.filter((t) => factTableExists(dataDir, t));
  const ids = new Map<string, string>();
  const facts = tables.flatMap((t) => collectFactTable(dataDir, t, ctx, issues, ids));
  const dataset = { dataDir, sources: ctx.sourceList, entities: ctx.entityList, assumptions, facts, tables };
  return { dataset, issues: issues.items };
}

/** Every problem of the data directory; empty when the data is valid. */
export function validateData(opts: DataOptions = {}): DataIssue[] {
  return inspectData(opts).issues;
}

/** The whole data directory; throws DataValidationError when anything is invalid. */
export function readDataset(opts: AssumptionOptions = {}): Dataset {
  const { dataset, issues } = inspectData(opts);
  if (issues.length > 0) throw new DataValidationError(issues);
  return dataset;
}

/** sources.csv. */
export function readSources(opts: DataOptions = {}): Source[] {
  const issues = new IssueList();
  const out = collectSources(resolveDataDir(opts), issues);
  issues.throwIfAny();
  return out;
}

/** entities.csv. */
export function readEntities(opts: DataOptions = {}): Entity[] {
  const issues = new IssueList();
  const out = collectEntities(resolveDataDir(opts), issues);
  issues.throwIfAny();
  return out;
}

/** assumptions.csv, with `overrides` applied by id. */
export function readAssumptions(opts: AssumptionOptions = {}): Assumption[] {
  const issues = new IssueList();
  const out = collectAssumptions(resolveDataDir(opts), issues);
  issues.throwIfAny();
  return applyOverrides(out, opts.overrides);
}

/**
 * One fact table (checked against sources.csv and entities.csv, whose problems are reported
 * too). A table whose CSV does not exist is an error.
 */
export function readFactTable(table: FactTable, opts: DataOptions = {}): Fact[] {
  const t = checkTable(table);
  const dataDir = resolveDataDir(opts);
  const issues = new IssueList();
  const ctx = context(dataDir, issues);
  if (!factTableExists(dataDir, t)) {
    issues.add(displayPath(path.join(dataDir, factTableFile(t))), 0, null, 'no such fact table file');
    issues.throwIfAny();
  }
  const facts = collectFactTable(dataDir, t, ctx, issues, new Map());
  issues.throwIfAny();
  return facts;
}

/** Every fact of every fact table present (missing table files count as empty tables). */
export function readFacts(opts: DataOptions = {}): Fact[] {
  const dataDir = resolveDataDir(opts);
  const issues = new IssueList();
  const ctx = context(dataDir, issues);
  const ids = new Map<string, string>();
  const facts = FACT_TABLES.filter((t) => factTableExists(dataDir, t))
    .flatMap((t) => collectFactTable(dataDir, t, ctx, issues, ids));
  issues.throwIfAny();
  return facts;
}
