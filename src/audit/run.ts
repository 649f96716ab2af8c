/**
 * runAudit: the three checks (derivation of claims, conflicts between rows, plausibility
 * rules) over the data directory, or over facts / claims passed in. The plausibility kind
 * includes the analytical guards: mixed valuation bases (./valuationBases), launch-period run
 * rates (./launchRunRate), part of a whole (./partOfWhole) and stale FX (./staleFx).
 */
import type { Assumption, Entity, Fact, Source } from '../types';
import { readDataset } from '../data/dataset';
import type { AssumptionOverrides } from '../data/assumptions';
import { computeDerived, DERIVED_RULES, type Derived } from '../metrics/derived';
import { checkClaimReferences, readClaims, type Claim } from './claims';
import { checkConflicts } from './conflicts';
import { checkDerivations } from './derivation';
import type { EvalEnv } from './evaluate';
import { FINDING_STATUSES, summarize, type Finding, type FindingKind, type FindingStatus } from './findings';
import { checkPlausibility } from './plausibility';
import { checkValuationBases } from './valuationBases';
import { checkLaunchRunRates } from './launchRunRate';
import { checkPartOfWhole } from './partOfWhole';
import { checkStaleFx } from './staleFx';

export interface AuditOptions {
  dataDir?: string;
  /** claims file (default: <dataDir>/claims.csv) */
  claimsFile?: string;
  /** assumption values overridden by id (FX sensitivity) */
  overrides?: AssumptionOverrides;
  /** use these instead of reading the data directory */
  facts?: readonly Fact[];
  assumptions?: readonly Assumption[];
  sources?: readonly Source[];
  /** entities for the scope of part-of-whole checks (read with the data when facts are not passed) */
  entities?: readonly Entity[];
  claims?: readonly Claim[];
  /** only these kinds of check (default all) */
  kinds?: readonly FindingKind[];
}

export interface AuditResult {
  findings: Finding[];
  summary: Record<FindingStatus, number>;
  derived: Derived[];
}

const KIND_ORDER: Record<FindingKind, number> = { derivation: 0, conflict: 1, plausibility: 2 };

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
    || FINDING_STATUSES.indexOf(a.status) - FINDING_STATUSES.indexOf(b.status) || a.id.localeCompare(b.id));
}

export function runAudit(opts: AuditOptions = {}): AuditResult {
  let facts = opts.facts;
  let assumptions = opts.assumptions;
  let sources = opts.sources;
  let entities = opts.entities;
  if (!facts || !assumptions || !sources) {
    const ds = readDataset({ dataDir: opts.dataDir, overrides: opts.overrides });
    facts ??= ds.facts;
    assumptions ??= ds.assumptions;
    sources ??= ds.sources;
    entities ??= ds.entities;
  }
  const claims = opts.claims ?? readClaims({ dataDir: opts.dataDir, file: opts.claimsFile });
  const env: EvalEnv = { facts: new Map(facts.map((f) => [f.id, f] as const)), assumptions };
  checkClaimReferences(claims, env, sources);
  // labels name entities in English when the entities are at hand (`Zhipu AI · ...`)
  const derived = computeDerived(facts, assumptions, DERIVED_RULES, entities ?? []);
  const kinds = new Set<FindingKind>(opts.kinds ?? ['derivation', 'conflict', 'plausibility']);
  const findings: Finding[] = [];
  if (kinds.has('derivation')) findings.push(...checkDerivations(claims, env));
  if (kinds.has('conflict')) findings.push(...checkConflicts(facts, assumptions));
  if (kinds.has('plausibility')) {
    findings.push(...checkPlausibility({ facts, assumptions, derived, claims }));
    findings.push(...checkValuationBases(claims, derived, facts));
    findings.push(...checkLaunchRunRates(claims, derived, facts));
    findings.push(...checkPartOfWhole(claims, derived, facts, entities));
    findings.push(...checkStaleFx(claims, derived, facts, assumptions));
  }
  const sorted = sortFindings(findings);
  return { findings: sorted, summary: summarize(sorted), derived };
}
