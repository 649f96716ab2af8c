/**
 * Font files for PNG rendering. Charts use Latin labels (English entity names), rendered
 * with DejaVu Sans; a CJK font is only loaded when a chart's text contains CJK characters.
 */
import { existsSync } from 'node:fs';

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

export function latinFontFiles(): string[] {
  const out: string[] = [];
  for (const name of LATIN) {
    const dir = FONT_DIRS.find((d) => existsSync(`${d}/${name}`));
    if (dir) out.push(`${dir}/${name}`);
  }
  return out;
}

export function cjkFontFile(): string | null {
  return CJK.find((p) => existsSync(p)) ?? null;
}
