/**
 * Font files for PNG rendering. Charts use Latin labels (English entity names), rendered
 * with DejaVu Sans; a CJK font is only loaded when a chart's text contains CJK characters.
 *
 * resvg-js (2.6, Node) takes fonts only as file paths and reads the whole file again for every
 * text run it shapes: 760 KB of DejaVuSans.ttf thousands of times per chart set. So the Latin
 * fonts are subset once to the characters charts draw (hb-subset via `subset-font`, the same
 * glyph outlines, so the same pixels) and the small subsets, about 20 KB, are what resvg reads.
 * Subsets are cached on disk under the temp folder, keyed by font file, size, mtime and
 * character set, so later runs reuse them; within a process each is built once. When subsetting
 * is unavailable or fails, the full files are used.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF', '/usr/local/share/fonts', '/Library/Fonts', 'C:\\Windows\\Fonts'];
const LATIN = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
const CJK = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
];

/** Han, kana, hangul, CJK punctuation and full-width forms. */
export const CJK_CHAR = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

let latinFiles: string[] | null = null;

/** The Latin font files found (looked up once per process). */
export function latinFontFiles(): string[] {
  if (!latinFiles) {
    latinFiles = [];
    for (const name of LATIN) {
      const dir = FONT_DIRS.find((d) => existsSync(`${d}/${name}`));
      if (dir) latinFiles.push(`${dir}/${name}`);
    }
  }
  return [...latinFiles];
}

let cjkFile: string | null | undefined;

export function cjkFontFile(): string | null {
  if (cjkFile === undefined) cjkFile = CJK.find((p) => existsSync(p)) ?? null;
  return cjkFile;
}

/**
 * Characters every subset holds: printable ASCII and the punctuation and signs chart
 * labels use (– — · × ≥ ≤ ≈ … − ± → ‰ …). Text drawing only these hits one cached subset.
 */
export const BASE_CHARS = (() => {
  let s = '';
  for (let c = 0x20; c < 0x7f; c++) s += String.fromCharCode(c);
  return s + '\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2030\u2032\u2033\u2190\u2191\u2192\u2193\u2212\u2248\u2260\u2264\u2265\u00d7\u00a0\u00b0\u00b1\u00b7\u2009\u202f';
})();

/** Folder of cached subsets (BENCHVAL_FONT_CACHE, else <tmp>/benchval-fonts). */
export function fontCacheDir(): string {
  return process.env.BENCHVAL_FONT_CACHE || join(tmpdir(), 'benchval-fonts');
}

/** The sorted distinct characters of `text` beyond BASE_CHARS (CJK left to the CJK font). */
function extraChars(text: string): string {
  const extra = new Set<string>();
  for (const ch of text) if (!BASE_CHARS.includes(ch) && !CJK_CHAR.test(ch)) extra.add(ch);
  return [...extra].sort().join('');
}

function subsetPath(file: string, chars: string): string {
  const st = statSync(file);
  const key = createHash('sha1').update(`${file}|${st.size}|${st.mtimeMs}|${chars}`).digest('hex').slice(0, 16);
  return join(fontCacheDir(), `${file.split(/[\\/]/).pop()!.replace(/\.ttf$/i, '')}-${key}.ttf`);
}

type SubsetFont = (buf: Buffer, text: string, opts: { targetFormat: 'truetype' }) => Promise<Buffer>;

const building = new Map<string, Promise<string>>();

async function buildSubset(file: string, chars: string, target: string): Promise<string> {
  const subsetFont = require('subset-font') as SubsetFont;
  const out = await subsetFont(readFileSync(file), chars, { targetFormat: 'truetype' });
  mkdirSync(fontCacheDir(), { recursive: true });
  // write then rename: a concurrent process never reads a half-written font
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, out);
  renameSync(tmp, target);
  return target;
}

/** The subset of `file` for `chars` (BASE_CHARS plus extras), built at most once; the full file on failure. */
function subsetOf(file: string, chars: string): Promise<string> {
  let target: string;
  try {
    target = subsetPath(file, chars);
  } catch {
    return Promise.resolve(file);
  }
  if (existsSync(target)) return Promise.resolve(target);
  let p = building.get(target);
  if (!p) {
    p = buildSubset(file, chars, target).catch(() => file);
    building.set(target, p);
  }
  return p;
}

/**
 * Latin font files for text `text`: cached subsets holding its characters, built when missing
 * (async, hb-subset); the full files when subsetting fails.
 */
export async function latinFontFilesFor(text: string): Promise<string[]> {
  const chars = BASE_CHARS + extraChars(text);
  return Promise.all(latinFontFiles().map((f) => subsetOf(f, chars)));
}

/** Like latinFontFilesFor, without building: cached subsets when on disk, else the full files. */
export function latinFontFilesForSync(text: string): string[] {
  const chars = BASE_CHARS + extraChars(text);
  return latinFontFiles().map((f) => {
    try {
      const target = subsetPath(f, chars);
      return existsSync(target) ? target : f;
    } catch {
      return f;
    }
  });
}
