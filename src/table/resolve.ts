/**
 * Model and company names of a benchmark table resolved to entity ids, the way article names
 * resolve: an entity matches on its id, English name, Chinese name and, when the entity list
 * has them, its aliases (a `;`-separated string or a list), compared in the normal form of
 * src/data/resolveEntity (simplified script, no case, spaces or punctuation) with dots dropped
 * too ("Step 3.5 Flash", "step-3.5-flash" and "STEP3.5FLASH" are one key). Only whole names
 * match, by a map lookup per distinct value: a name that two entities claim is ambiguous and
 * resolves to nothing rather than to either.
 */

import { normalizeEntityName } from '../data/resolveEntity';

/** What resolution needs of an entity; `aliases` is optional. */
export interface NamedEntity {
  id: string;
  name_en?: string | null;
  name_zh?: string | null;
  aliases?: string | readonly string[] | null;
}

/**
 * The comparison key of a name: the normal form article names are matched in
 * (normalizeEntityName: simplified script, lower case, no white space or punctuation), with dots
 * dropped too, since table columns write version numbers as `3.5`, `3-5` or `35`.
 */
export function nameKey(name: string): string {
  return normalizeEntityName(name).replace(/\./g, '');
}

function aliasList(a: NamedEntity['aliases']): string[] {
  if (!a) return [];
  return typeof a === 'string' ? a.split(';').map((s) => s.trim()).filter(Boolean) : [...a];
}

/** A resolver over `entities`: name -> entity id, or null when unknown or ambiguous. */
export function entityResolver(entities: readonly NamedEntity[]): (name: string | null | undefined) => string | null {
  const index = new Map<string, string | null>();
  for (const e of entities) {
    const names = [e.id, e.name_en ?? '', e.name_zh ?? '', ...aliasList(e.aliases)];
    for (const k of new Set(names.map(nameKey).filter(Boolean))) {
      const seen = index.get(k);
      index.set(k, seen === undefined || seen === e.id ? e.id : null);
    }
  }
  return (name) => (name == null ? null : index.get(nameKey(String(name))) ?? null);
}
