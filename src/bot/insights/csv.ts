import type { InsightsReport } from './report.js';

/** The CSV's columns; every section fills the same five. */
export const CSV_COLUMNS = ['section', 'item', 'count', 'last_at', 'detail'] as const;

/**
 * The full report as CSV (RFC 4180), one row per item of every section, for a spreadsheet. Cells
 * hold member-typed text, so a cell that a spreadsheet would run as a formula (=, +, -, @ first)
 * is prefixed with an apostrophe.
 */
export function reportCsv(report: InsightsReport): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  const rows: Array<Array<string | number>> = [[...CSV_COLUMNS]];
  for (const g of report.unanswered)
    rows.push(['unanswered', g.example, g.count, iso(g.lastAsked), [`terms: ${g.terms.join(' ')}`, ...g.variants].join(' | ')]);
  for (const n of report.unknownNames) rows.push(['unknown-name', n.name, n.count, iso(n.lastAsked), '']);
  for (const d of report.downVoted) {
    const quotes = d.quotes.map((q) => `[${q.n}] ${q.source}${q.quote ? `: ${q.quote}` : ''}`).join(' | ');
    rows.push(['voted-down', d.question, d.votes, iso(d.lastVoted), quotes]);
  }
  for (const a of report.neverCited) rows.push(['never-cited', a.id, 0, '', a.title]);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
