/** Partial ISO dates as the data uses them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */

const ISO_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** First day of the period a partial ISO date names, as UTC milliseconds; null when invalid. */
export function isoDateStart(text: string): number | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? 1 : Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  if (mo < 1 || mo > 12) return null;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t;
}

/** Whether text is a valid `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date. */
export function isIsoDate(text: string): boolean {
  return isoDateStart(text) !== null;
}

/** Last day of the period a partial ISO date names (`2026-01` -> 2026-01-31), as UTC milliseconds; null when invalid. */
export function isoDateEnd(text: string): number | null {
  const start = isoDateStart(text);
  if (start === null) return null;
  const d = new Date(start);
  const parts = text.split('-').length;
  if (parts === 3) return start;
  if (parts === 2) return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
  return Date.UTC(d.getUTCFullYear(), 11, 31);
}
