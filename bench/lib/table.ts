/** A small table for the terminal report. */
export interface Table {
  title: string;
  columns: string[];
  rows: Array<Array<string | number | null | undefined>>;
}

/** Formats a cell: numbers get at most `digits` decimals and thousands separators; blanks become "–". */
export function cell(value: string | number | null | undefined, digits = 3): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** Renders `table` as aligned plain text: text columns left-aligned, numeric ones right-aligned. */
export function renderTable(table: Table): string {
  const body = table.rows.map((r) => table.columns.map((_, i) => cell(r[i])));
  const numeric = table.columns.map((_, i) => table.rows.length > 0 && table.rows.every((r) => typeof r[i] !== 'string'));
  const widths = table.columns.map((c, i) => Math.max(c.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [table.title, line(table.columns), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
