/**
 * The analyst's dataset: sources, entities, facts, assumptions, derived metrics and audit
 * findings as typed arrays, each also a danfojs-node DataFrame on request (`ds.frame('facts')`).
 * Derived metrics and findings are computed on first use; danfojs-node is loaded on the first
 * `frame()` call, so opening the data costs about as much as reading the CSVs.
 *
 * A scenario (`ds.scenario({ fx: { USDCNY: 7.2 } })`) is a new dataset over the same facts
 * with other assumptions; everything derived from them is recomputed.
 */
import type { DataFrame } from 'danfojs-node';
import { consistentFxOverrides, fxPairOverrides, applyOverrides, FxScenarioError, type AssumptionOverrides, type FxOverride, type FxPairName } from '../data/assumptions';
import { readDataset } from '../data/dataset';
import { assumptionsToFrame, entitiesToFrame, factsToFrame, rowsToFrame, sourcesToFrame } from '../data/frames';
import { computeDerived, shortPeriod, type Derived } from '../metrics/derived';
import { readClaims, type Claim } from '../audit/claims';
import { runAudit } from '../audit/run';
import type { Finding } from '../audit/findings';
import type { Assumption, Entity, Fact, Source } from '../types';
import type { ChartContext } from '../charts/context';
import { buildComps, type CompsOptions, type CompsRow } from './comps';
import { CompsTable } from './compsTable';
import { sensitivity, type SensitivityGrid, type SensitivitySelector, type SensitivityTable } from './sensitivity';
import { compareDatasets, type Comparison } from './compare';

/** One value or any of several. */
export type Many<T = string> = T | readonly T[];

export interface FactFilter {
  entity?: Many;
  metric?: Many;
  table?: Many;
  source?: Many;
  /** `2025`, `2025 H1`, `2025-06`, ...: matches the fact's short period or the start of its date */
  period?: string;
}

export interface DerivedFilter {
  entity?: Many;
  metric?: Many;
  id?: Many;
  /** matches a period in the label (`2025 H1`) */
  period?: string;
}

export interface FindingFilter {
  status?: Many;
  kind?: Many;
  entity?: Many;
}

/** What a scenario changes. */
export interface ScenarioSpec {
  /** market-convention FX rates: `{ USDCNY: 7.2 }` = 7.2 CNY per USD; cross rates follow (HKD via the peg) */
  fx?: Partial<Record<FxPairName, number>>;
  /** only the FX assumptions of this date (default: every date) */
  fxAsOf?: string;
  /** the analyst's own inputs by assumption id: `{ 'target-ps-multiple': 40, 'revenue-growth-rate': 80 }` */
  inputs?: Record<string, number>;
  /** any assumption by id (FX rates included; cross rates are kept consistent) */
  overrides?: AssumptionOverrides;
}

export type TableName = 'sources' | 'entities' | 'facts' | 'assumptions' | 'derived' | 'findings' | 'comps';
export const TABLE_NAMES: readonly TableName[] = ['sources', 'entities', 'facts', 'assumptions', 'derived', 'findings', 'comps'];

/** What every scenario of one data directory shares. */
interface Base {
  dataDir: string;
  sources: Source[];
  entities: Entity[];
  facts: Fact[];
  /** assumptions as in the file */
  fileAssumptions: Assumption[];
  claims?: Claim[];
}

function many(want: Many | undefined, value: string | null | undefined): boolean {
  if (want === undefined) return true;
  if (value === null || value === undefined) return false;
  return typeof want === 'string' ? want === value : (want as readonly string[]).includes(value);
}

/** The analyst's overrides as FX-consistent assumption overrides (names what was set in errors). */
export function resolveScenario(fileAssumptions: readonly Assumption[], spec: ScenarioSpec): AssumptionOverrides {
  const given: FxOverride[] = [];
  for (const [id, value] of Object.entries(spec.overrides ?? {})) given.push({ id, value, given: `overrides['${id}'] = ${value}` });
  for (const [id, value] of Object.entries(spec.inputs ?? {})) {
    if (!fileAssumptions.some((a) => a.id === id)) {
      throw new Error(`inputs['${id}']: no such assumption; analyst inputs: ${fileAssumptions.filter((a) => !a.unit.includes('/')).map((a) => a.id).join(', ')}`);
    }
    given.push({ id, value, given: `inputs['${id}'] = ${value}` });
  }
  given.push(...fxPairOverrides(fileAssumptions, spec.fx ?? {}, spec.fxAsOf));
  return consistentFxOverrides(fileAssumptions, given);
}

/** Merges two scenario specs, the second winning. */
function mergeSpecs(a: ScenarioSpec, b: ScenarioSpec): ScenarioSpec {
  const fx = { ...a.fx, ...b.fx };
  return {
    fx: Object.keys(fx).length ? fx : undefined,
    fxAsOf: b.fxAsOf ?? a.fxAsOf,
    inputs: { ...a.inputs, ...b.inputs },
    overrides: { ...a.overrides, ...b.overrides },
  };
}

export class Dataset {
  /** data directory read */
  readonly dataDir: string;
  readonly sources: readonly Source[];
  readonly entities: readonly Entity[];
  /** assumptions in use (the file's, with this scenario's overrides) */
  readonly assumptions: readonly Assumption[];
  /** what this scenario set, as given */
  readonly spec: ScenarioSpec;
  /** assumption values replaced, by id (FX cross rates included) */
  readonly overrides: Readonly<AssumptionOverrides>;
  private readonly base: Base;
  private derivedRows?: Derived[];
  private findingRows?: Finding[];
  private readonly frames = new Map<TableName, DataFrame>();

  /** Use `open()`; this constructor takes data already read. */
  constructor(base: Base, spec: ScenarioSpec = {}) {
    this.base = base;
    this.dataDir = base.dataDir;
    this.sources = base.sources;
    this.entities = base.entities;
    this.spec = spec;
    this.overrides = resolveScenario(base.fileAssumptions, spec);
    this.assumptions = applyOverrides(base.fileAssumptions, this.overrides);
  }

  /** Reads and checks a data directory (throws DataValidationError listing every problem). */
  static read(dataDir?: string, spec: ScenarioSpec = {}): Dataset {
    const ds = readDataset({ dataDir });
    return new Dataset({ dataDir: ds.dataDir, sources: ds.sources, entities: ds.entities, facts: ds.facts, fileAssumptions: ds.assumptions }, spec);
  }

  /** Facts, all or those matching every given criterion. */
  facts(filter: FactFilter = {}): Fact[] {
    return this.base.facts.filter((f) => many(filter.entity, f.entity) && many(filter.metric, f.metric) && many(filter.table, f.table)
      && many(filter.source, f.source) && (filter.period === undefined || matchesPeriod(f, filter.period)));
  }

  /** Derived metrics (computed on first use), all or those matching the filter. */
  derived(filter: DerivedFilter = {}): Derived[] {
    this.derivedRows ??= computeDerived(this.base.facts, this.assumptions, undefined, this.base.entities);
    return this.derivedRows.filter((d) => many(filter.entity, d.entity) && many(filter.metric, d.metric) && many(filter.id, d.id)
      && (filter.period === undefined || (d.label ?? '').includes(filter.period)));
  }

  /** Audit findings (the claims audit, conflicts and plausibility; computed on first use). */
  findings(filter: FindingFilter = {}): Finding[] {
    if (!this.findingRows) {
      this.base.claims ??= readClaims({ dataDir: this.dataDir });
      this.findingRows = runAudit({
        dataDir: this.dataDir, facts: this.base.facts, assumptions: [...this.assumptions], sources: this.base.sources, claims: this.base.claims,
      }).findings;
    }
    return this.findingRows.filter((f) => many(filter.status, f.status) && many(filter.kind, f.kind)
      && (filter.entity === undefined || f.entities.some((e) => many(filter.entity, e))));
  }

  /** An assumption in use by id. */
  assumption(id: string): Assumption {
    const a = this.assumptions.find((x) => x.id === id);
    if (!a) throw new Error(`no assumption '${id}'; ids: ${this.assumptions.map((x) => x.id).join(', ')}`);
    return a;
  }

  /** English name of an entity (the id when unknown). */
  name(entity: string): string {
    return this.entities.find((e) => e.id === entity)?.name_en ?? entity;
  }

  /**
   * A table as a danfojs-node DataFrame, built once per dataset from the arrays. Its `query`
   * can be chained (`ds.frame('facts').query(...).query(...)`, see data/frames.queryable).
   */
  frame(name: TableName): DataFrame {
    let df = this.frames.get(name);
    if (!df) {
      switch (name) {
        case 'sources': df = sourcesToFrame(this.sources); break;
        case 'entities': df = entitiesToFrame(this.entities); break;
        case 'facts': df = factsToFrame(this.base.facts); break;
        case 'assumptions': df = assumptionsToFrame(this.assumptions); break;
        case 'derived': df = rowsToFrame(this.derived()); break;
        case 'findings': df = rowsToFrame(this.findings().map((f) => ({
          ...f, stated: f.stated?.text ?? null, computed: f.computed?.text ?? null,
        }))); break;
        case 'comps': df = rowsToFrame(this.comps().rows); break;
        default: throw new Error(`unknown table '${String(name)}'; tables: ${TABLE_NAMES.join(', ')}`);
      }
      this.frames.set(name, df);
    }
    return df;
  }

  /**
   * A new dataset with other assumptions (on top of this one's): `{ fx: { USDCNY: 7.2 } }`
   * moves every USD/CNY rate and, through the HKD peg, every HKD/CNY rate; derived metrics and
   * findings are recomputed. Contradictory FX overrides throw FxScenarioError naming them.
   */
  scenario(spec: ScenarioSpec): Dataset {
    return new Dataset(this.base, mergeSpecs(this.spec, spec));
  }

  /**
   * The selected derived metrics for every value of one parameter: `{ USDCNY: [6.8, 7.4, 0.1] }`
   * (from, to, step), `{ USDCNY: { values: [6.8, 7.2] } }`, or an input id
   * (`{ 'target-ps-multiple': [20, 40, 5] }`). See ./sensitivity.
   */
  sensitivity(select: SensitivitySelector, grid: SensitivityGrid): SensitivityTable {
    return sensitivity(this, select, grid);
  }

  /** Derived metrics and findings that differ between this dataset and `other`. */
  compare(other: Dataset): Comparison {
    return compareDatasets(this, other);
  }

  /** What the chart builders take (src/charts): the data with this scenario's derived rows and findings. */
  chartContext(): ChartContext {
    return {
      facts: [...this.base.facts], entities: [...this.entities], sources: [...this.sources], assumptions: [...this.assumptions],
      derived: this.derived(),
      findings: this.findings().map((f) => ({
        id: f.id, kind: f.kind, status: f.status, entities: f.entities, sources: f.sources, inputs: f.inputs, rule: f.rule,
        stated: f.stated ? f.stated.text : null, computed: f.computed ? f.computed.text : null, message: f.message,
      })),
    };
  }

  /** The comparables table (one row per company, money in one currency); see ./comps. */
  comps(opts: CompsOptions = {}): CompsTable {
    const rows: CompsRow[] = buildComps({ facts: this.base.facts, entities: this.entities, assumptions: this.assumptions }, opts);
    return new CompsTable(rows);
  }
}

function matchesPeriod(f: Fact, period: string): boolean {
  const short = shortPeriod(f);
  const date = f.as_of ?? f.period_end ?? '';
  return short === period || date.startsWith(period) || (short !== null && short.startsWith(`${period} `));
}

export { FxScenarioError };
