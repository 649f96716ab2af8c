/**
 * Plain loaders (no DataFrames): each reads the CSVs it needs from the data directory, checks
 * them and throws a DataValidationError listing every problem. Every table file is required: a
 * missing one is an error naming it. Nothing is cached; every call reads the files again.
 *
 * Checks across rows: fact ids are unique across tables, one metric has one unit across the
 * data set (./metricUnits), the FX rates agree after overrides (checkFxTriangles), and there is
 * a rate for every pair of currencies the money facts use (./checks/references).
 */
import { FACT_TABLES } from '../types';
import type { Assumption, Entity, Fact, FactTable, Source } from '../types';
import { applyOverrides, checkFxTriangles, readAssumptionRows } from './assumptions';
import type { AssumptionOverrides } from './assumptions';
import { collectEntities } from './entities';
import { DataValidationError, IssueList } from './errors';
import type { DataIssue } from './errors';
import { collectFactTable } from './facts';
import type { FactContext } from './facts';
import { checkMetricUnits } from './metricUnits';
import { checkFxCoverage } from './checks/references';
import { join } from 'path';
import { TABLE_FILES } from './schema';
import { displayPath, resolveDataDir } from './paths';
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
  /** fact tables read (all of FACT_TABLES, in that order) */
  tables: FactTable[];
}

function context(dataDir: string, issues: IssueList): FactContext & { sourceList: Source[]; entityList: Entity[]; unreadable: Set<string> } {
  const sourceIds = new Set<string>();
  const entityIds = new Set<string>();
  const sourcesRead = { readable: true };
  const entitiesRead = { readable: true };
  const sourceList = collectSources(dataDir, issues, sourceIds, sourcesRead);
  const entityList = collectEntities(dataDir, issues, entityIds, entitiesRead);
  return {
    unreadable: new Set([...(sourcesRead.readable ? [] : ['sources']), ...(entitiesRead.readable ? [] : ['entities'])]),
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

/** Assumptions with overrides applied and the FX rates checked against each other. */
function checkedAssumptions(dataDir: string, issues: IssueList, overrides: AssumptionOverrides = {}): Assumption[] {
  const rows = readAssumptionRows(dataDir, issues);
  const assumptions = applyOverrides(rows.assumptions, overrides);
  checkFxTriangles(rows, assumptions, new Set(Object.keys(overrides)), issues);
  return assumptions;
}

/** What inspectData finds: the valid rows, every problem, and the id of every fact row. */
export interface Inspection {
  dataset: Dataset;
  issues: DataIssue[];
  /** ids of every row of the fact tables, including rows with problems (left out of dataset.facts) */
  factRowIds: Set<string>;
  /**
   * reference tables that could not be read at all (`sources`, `entities`): references to them
   * are not checked, so one unreadable file gives one problem, not one per row
   */
  unreadable: ReadonlySet<string>;
}

/** Reads every table and returns what is valid together with every problem found. */
export function inspectData(opts: AssumptionOptions = {}): Inspection {
  const dataDir = resolveDataDir(opts);
  const issues = new IssueList();
  const ctx = context(dataDir, issues);
  const assumptions = checkedAssumptions(dataDir, issues, opts.overrides);
  const ids = new Map<string, string>();
  const facts = FACT_TABLES.flatMap((t) => collectFactTable(dataDir, t, ctx, issues, ids));
  checkMetricUnits(facts, issues);
  checkFxCoverage(facts, assumptions, displayPath(join(dataDir, TABLE_FILES.assumptions)), issues);
  const dataset = { dataDir, sources: ctx.sourceList, entities: ctx.entityList, assumptions, facts, tables: [...FACT_TABLES] };
  return { dataset, issues: issues.items, factRowIds: new Set(ids.keys()), unreadable: ctx.unreadable };
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

/** assumptions.csv, with `overrides` applied by id and the FX rates checked against each other. */
export function readAssumptions(opts: AssumptionOptions = {}): Assumption[] {
  const issues = new IssueList();
  const out = checkedAssumptions(resolveDataDir(opts), issues, opts.overrides);
  issues.throwIfAny();
  return out;
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
  const facts = collectFactTable(dataDir, t, ctx, issues, new Map());
  issues.throwIfAny();
  return facts;
}

/** Every fact of every fact table; a missing table file is an error. */
export function readFacts(opts: DataOptions = {}): Fact[] {
  const dataDir = resolveDataDir(opts);
  const issues = new IssueList();
  const ctx = context(dataDir, issues);
  const ids = new Map<string, string>();
  const facts = FACT_TABLES.flatMap((t) => collectFactTable(dataDir, t, ctx, issues, ids));
  checkMetricUnits(facts, issues);
  issues.throwIfAny();
  return facts;
}
