/**
 * What a chart is built from: the whole fact base plus derived rows and audit findings.
 * Charts pick their rows by table / entity / metric from here; nothing is hard-coded.
 */
import type { Derived } from '../metrics/derived';
import type { Assumption, Entity, Fact, FactTable, Source } from '../types';

/** The fields of a derived metric row (see src/metrics) that charts use. */
export type ChartDerived = Pick<Derived, 'id' | 'metric' | 'entity' | 'value' | 'low' | 'high' | 'unit' | 'formula' | 'inputs' | 'assumptions' | 'note'>;

/** The fields of an audit finding (see src/audit) that charts use. */
export interface ChartFinding {
  id: string;
  kind: string;
  status: string;
  entities: string[];
  sources: string[];
  /** fact and assumption ids the check used; when absent, fact ids are read from the id and message */
  inputs?: string[];
  /** the audit rule that made the finding (claim, scale-mismatch, memory-vs-parameters, ...) */
  rule?: string;
  message: string;
}

export interface ChartContext {
  facts: Fact[];
  entities: Entity[];
  sources: Source[];
  assumptions: Assumption[];
  derived: ChartDerived[];
  findings: ChartFinding[];
}

export interface FactQuery {
  table?: FactTable | FactTable[];
  metric?: string | string[] | RegExp;
  entity?: string | string[];
}

function matches(value: string, want: string | string[] | RegExp | undefined): boolean {
  if (want === undefined) return true;
  if (want instanceof RegExp) return want.test(value);
  return Array.isArray(want) ? want.includes(value) : value === want;
}

/** Facts matching every given criterion, sorted by id so output never depends on file order. */
export function selectFacts(ctx: Pick<ChartContext, 'facts'>, q: FactQuery): Fact[] {
  return ctx.facts
    .filter((f) => matches(f.table, q.table) && matches(f.metric, q.metric) && matches(f.entity, q.entity))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const indexes = new WeakMap<readonly { id: string }[], Map<string, unknown>>();

/** Rows of a list by id, built once per list: lookups stay constant-time however many facts a chart draws. */
export function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  let m = indexes.get(rows) as Map<string, T> | undefined;
  if (!m) {
    m = new Map();
    for (const r of rows) if (!m.has(r.id)) m.set(r.id, r);
    indexes.set(rows, m);
  }
  return m;
}

/**
 * Display name of an entity. Charts use the English name so that labels render with
 * Latin fonts everywhere (no missing-glyph boxes where no CJK font is installed).
 */
export function entityLabel(ctx: Pick<ChartContext, 'entities'>, id: string): string {
  const e = byId(ctx.entities).get(id);
  if (!e) throw new Error(`chart: entity '${id}' is not in entities.csv`);
  return e.name_en;
}

export function sourceOf(ctx: Pick<ChartContext, 'sources'>, id: string): Source {
  const s = byId(ctx.sources).get(id);
  if (!s) throw new Error(`chart: source '${id}' is not in sources.csv`);
  return s;
}

/** "Sources: QbitAI (qbitai-20260227); ..." for the sources the given facts cite. */
export function sourceNote(ctx: Pick<ChartContext, 'sources'>, sourceIds: Iterable<string>): string {
  const ids = [...new Set(sourceIds)].sort();
  if (ids.length === 0) return 'Sources: none';
  return 'Sources: ' + ids.map((id) => `${sourceOf(ctx, id).outlet} (${id})`).join('; ');
}

/** The assumption with the given id; throws naming the id when it is missing. */
export function assumptionValue(ctx: Pick<ChartContext, 'assumptions'>, id: string): number {
  const a = ctx.assumptions.find((x) => x.id === id);
  if (!a) throw new Error(`chart: assumption '${id}' is not in assumptions.csv`);
  return a.value;
}

/** The entity and every entity below it (parent chain), e.g. StepFun and its models and products. */
export function entityFamily(ctx: Pick<ChartContext, 'entities'>, id: string): Set<string> {
  entityLabel(ctx, id);
  const parentOf = new Map(ctx.entities.map((e) => [e.id, e.parent]));
  const inFamily = (e: string): boolean => {
    const seen = new Set<string>();
    for (let cur: string | null | undefined = e; cur && !seen.has(cur); cur = parentOf.get(cur)) {
      if (cur === id) return true;
      seen.add(cur);
    }
    return false;
  };
  return new Set(ctx.entities.map((e) => e.id).filter(inFamily));
}

/** Characters a fact id is made of; an id is only found where it is not part of a longer one. */
const ID_CHAR = /[A-Za-z0-9_.-]/;

function mentions(text: string, id: string): boolean {
  for (let i = text.indexOf(id); i >= 0; i = text.indexOf(id, i + 1)) {
    if (!ID_CHAR.test(text[i - 1] ?? ' ') && !ID_CHAR.test(text[i + id.length] ?? ' ')) return true;
  }
  return false;
}

/** Which findings count in factsInFindings: their status (one or several) and optionally their kind and rule. */
export interface FindingFilter {
  status?: string | string[];
  kind?: string | string[];
  rule?: string | string[];
}

/**
 * Fact id -> ids of the findings with the given status (default fail) that use the fact,
 * for the given facts. A finding's `inputs` name its facts; a finding without `inputs`
 * counts for the facts its id or message names. `filter` may also be an object giving
 * several statuses and the kinds and rules of finding that count.
 */
export function factsInFindings(ctx: Pick<ChartContext, 'findings'>, factIds: Iterable<string>, filter: string | FindingFilter = 'fail'): Map<string, string[]> {
  const f0 = typeof filter === 'string' ? { status: filter } : filter;
  const statuses = [f0.status ?? 'fail'].flat();
  const kinds = f0.kind === undefined ? null : [f0.kind].flat();
  const rules = f0.rule === undefined ? null : [f0.rule].flat();
  const out = new Map<string, string[]>();
  const findings = ctx.findings
    .filter((f) => statuses.includes(f.status) && (kinds === null || kinds.includes(f.kind)) && (rules === null || (f.rule !== undefined && rules.includes(f.rule))))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // findings that list their inputs are indexed by input in one pass; only the others are searched by text
  const byInput = new Map<string, string[]>();
  for (const f of findings) {
    for (const i of new Set(f.inputs ?? [])) {
      const list = byInput.get(i);
      if (list) list.push(f.id);
      else byInput.set(i, [f.id]);
    }
  }
  const unlisted = findings.filter((f) => !f.inputs);
  for (const id of factIds) {
    const listed = byInput.get(id) ?? [];
    const named = unlisted.filter((f) => mentions(`${f.id} ${f.message}`, id)).map((f) => f.id);
    const hits = named.length ? [...listed, ...named].sort() : listed;
    if (hits.length) out.set(id, hits);
  }
  return out;
}
