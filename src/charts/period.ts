/** Short labels for reporting periods: 2024, 2025 H1, 2025 Q3, else "2025-01 to 2025-09". */
export function periodLabel(start: string | null, end: string | null): string {
  if (!start || !end) return start ?? end ?? 'undated';
  if (start === end) return start;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/;
  const s = m.exec(start);
  const e = m.exec(end);
  if (!s || !e) return `${start} to ${end}`;
  if (s[1] === e[1] && s[3] === '01') {
    const span = `${s[2]}-${e[2]}`;
    const named: Record<string, string> = { '01-12': '', '01-06': ' H1', '07-12': ' H2', '01-03': ' Q1', '04-06': ' Q2', '07-09': ' Q3', '10-12': ' Q4', '01-09': ' 9M' };
    if (span in named && isMonthEnd(end)) return `${s[1]}${named[span]}`;
  }
  return `${start.slice(0, 7)} to ${end.slice(0, 7)}`;
}

function isMonthEnd(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
}
