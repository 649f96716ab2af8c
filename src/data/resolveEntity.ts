/**
 * One entity-name resolver for the whole project. Names are compared in a normal form:
 * traditional script converted to simplified (opencc-js), lower case, no white space and no
 * punctuation except the dot inside version numbers (`Step 3.5 Flash`, `step-3.5-flash` and
 * `STEP3.5FLASH` are one name). Every entity is known by its id, `name_en`, `name_zh` and its
 * `aliases`.
 *
 * `resolve(name)`: an exact match of the normal form first, else the entity whose longest
 * name occurs inside the given one (`智谱华章科技公司` → zhipu).
 * `mentions(text)`: every place a name occurs in a text, longest match first, with offsets into
 * the text as given (the text is converted one character for one, so offsets survive).
 */
import type { Entity } from '../types';

type Converter = (s: string) => string;
let converter: Converter | null = null;

/** Traditional → simplified Chinese (opencc-js, loaded on first use). Keeps the length when it can. */
export function toSimplifiedScript(text: string): string {
  if (converter === null) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const OpenCC = require('opencc-js') as { Converter(o: { from: string; to: string }): Converter };
    converter = OpenCC.Converter({ from: 't', to: 'cn' });
  }
  const out = converter(text);
  if (out.length === text.length) return out;
  // a phrase rule changed the length: convert one character at a time so offsets stay valid
  let s = '';
  for (const ch of text) {
    const c = converter(ch);
    s += c.length === ch.length ? c : ch;
  }
  return s;
}

/** Characters dropped from names before comparing them. */
const DROP = /[\s\-_·•・'"“”‘’()（）[\]【】《》「」,，、:：;；!！?？/\\|]/;

/** The normal form of a name: simplified script, lower case, no spaces or punctuation (dots kept). */
export function normalizeEntityName(name: string): string {
  return normalizeWithMap(toSimplifiedScript(name.normalize('NFKC'))).text;
}

/** Normal form of an already converted text, and for each of its characters the offset it came from. */
function normalizeWithMap(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (DROP.test(ch)) continue;
    out += ch.toLowerCase();
    at.push(i);
  }
  return { text: out, at };
}

/** A place in a text where an entity is named. */
export interface EntityMention {
  entity: Entity;
  /** offsets into the text as given: [start, end) */
  start: number;
  end: number;
  /** the name as written */
  text: string;
}

const LATIN_OR_DIGIT = /[a-z0-9]/;

export class EntityResolver {
  /** normal form of a name → entity */
  private readonly byName = new Map<string, Entity>();
  /** normal forms, longest first */
  private readonly names: string[];

  constructor(readonly entities: readonly Entity[]) {
    for (const e of entities) {
      for (const n of [e.id, e.name_en, e.name_zh, ...(e.aliases ?? [])]) {
        const key = normalizeEntityName(n);
        if (key === '') continue;
        // the first entity to claim a name keeps it (ids and names before aliases of others)
        if (!this.byName.has(key)) this.byName.set(key, e);
      }
    }
    this.names = [...this.byName.keys()].sort((a, b) => b.length - a.length);
  }

  /** The entity a name refers to: exact match of the normal form, else the longest name contained in it. */
  resolve(name: string): Entity | null {
    const key = normalizeEntityName(name);
    if (key === '') return null;
    const exact = this.byName.get(key);
    if (exact) return exact;
    for (const n of this.names) {
      if (n.length >= 2 && key.includes(n)) return this.byName.get(n)!;
    }
    return null;
  }

  /**
   * Every entity name in `text` (any script), left to right; overlapping names keep the longest.
   * A name that starts or ends with a Latin letter or digit must not continue a longer Latin
   * word or number (`Step 3` is not found in `Step 3.5`, `GLM` not in `GLMX`).
   * `converted`: the text already converted to simplified script (same length), if at hand.
   */
  mentions(text: string, converted?: string): EntityMention[] {
    const simp = converted ?? toSimplifiedScript(text);
    const norm = normalizeWithMap(simp);
    const found: Array<{ s: number; e: number; name: string }> = [];
    for (const n of this.names) {
      if (n.length < 2) continue;
      let from = 0;
      for (;;) {
        const i = norm.text.indexOf(n, from);
        if (i < 0) break;
        from = i + 1;
        const j = i + n.length;
        if (!this.boundaryOk(simp, norm.at, i, j, n)) continue;
        found.push({ s: i, e: j, name: n });
      }
    }
    // longest first, then leftmost; keep those that do not overlap a kept one
    found.sort((a, b) => (b.e - b.s) - (a.e - a.s) || a.s - b.s);
    const taken: Array<[number, number]> = [];
    const kept: typeof found = [];
    for (const f of found) {
      if (taken.some(([s, e]) => f.s < e && s < f.e)) continue;
      taken.push([f.s, f.e]);
      kept.push(f);
    }
    kept.sort((a, b) => a.s - b.s);
    return kept.map((f) => {
      const start = norm.at[f.s];
      const end = norm.at[f.e - 1] + 1;
      return { entity: this.byName.get(f.name)!, start, end, text: text.slice(start, end) };
    });
  }

  private boundaryOk(simp: string, at: number[], i: number, j: number, n: string): boolean {
    const before = at[i] > 0 ? simp[at[i] - 1].toLowerCase() : '';
    const after = at[j - 1] + 1 < simp.length ? simp[at[j - 1] + 1].toLowerCase() : '';
    if (LATIN_OR_DIGIT.test(n[0]) && before !== '' && LATIN_OR_DIGIT.test(before)) return false;
    const last = n[n.length - 1];
    if (LATIN_OR_DIGIT.test(last)) {
      if (after !== '' && LATIN_OR_DIGIT.test(after)) return false;
      // a version number goes on: `step3` in `Step 3.5`
      const rest = simp.slice(at[j - 1] + 1, at[j - 1] + 4);
      if (/^[.\-\s]?\d/.test(rest) && /\d$/.test(n)) return false;
    }
    return true;
  }
}
