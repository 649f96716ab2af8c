/** Number text for the report tables: fixed locale (en-US), so output is the same on every machine. */
const NUMBER = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 10 });

export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  if (!Number.isFinite(n)) return String(n);
  return NUMBER.format(n);
}

/** An interval as text: "5,000,000,000 to open", "20 to 30", or the single value. */
export function formatBounds(low: number | null, high: number | null): string {
  if (low === null && high === null) return '';
  if (low !== null && high !== null && low === high) return formatNumber(low);
  return `${low === null ? 'open' : formatNumber(low)} to ${high === null ? 'open' : formatNumber(high)}`;
}
