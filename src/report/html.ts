/** Escaping for the HTML report: text and attributes, and JSON inside <script> elements. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value safe to place in HTML (element content or a quoted attribute). */
export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * JSON that can sit inside a <script> element: `<`, `>` and `&` are written as \\u escapes
 * (so neither `</script` nor `<!--` can appear), and U+2028 / U+2029 as well.
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error('jsonForScript: value cannot be written as JSON');
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** An href for an external URL: only http(s), anything else gives null. */
export function safeExternalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : null;
}
