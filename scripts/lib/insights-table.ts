import type { InsightsReport } from '../../src/bot/insights/report.js';
import { bold, dim } from './style.js';

/** Widest a text cell gets in the terminal; the CSV and JSON formats keep everything. */
const CELL = 70;

/** The insights report as aligned plain-text tables, one per section, for a person at a terminal. */
export function insightsTables(r: InsightsReport, stream?: NodeJS.WriteStream): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  const o = r.outcomes;
  const asked = o.answered + o['not-covered'];
  const pct = asked > 0 ? ` (${Math.round((100 * o['not-covered']) / asked)}%)` : '';
  const out = [
    bold(`casefile insights: the last ${r.days} days (${day(r.since)} to ${day(r.until)} UTC)`, stream),
    r.logEnabled
      ? `${o.answered + o['not-covered'] + o.refused + o.error} questions: ${o.answered} answered, ${o['not-covered']} not covered${pct}, ${o.refused} refused, ${o.error} failed`
      : 'The question log is off (QUESTION_LOG_DAYS=0): only votes are reported.',
    '',
    table(
      'Top unanswered questions',
      ['count', 'last asked', 'question', 'key terms'],
      r.unanswered.map((g) => [g.count, day(g.lastAsked), g.example, g.terms.join(' ')]),
      stream,
    ),
    table(
      'Names asked about that no article mentions',
      ['count', 'last asked', 'name'],
      r.unknownNames.map((n) => [n.count, day(n.lastAsked), n.name]),
      stream,
    ),
    table(
      'Answers voted 👎',
      ['votes', 'last vote', 'question', 'quotes'],
      r.downVoted.map((d) => [d.votes, day(d.lastVoted), d.question, d.quotes.map((q) => `[${q.n}] ${q.quote ?? q.source}`).join(' ')]),
      stream,
    ),
    table(
      'Articles never cited',
      ['article', 'title'],
      r.neverCited.map((a) => [a.id, a.title]),
      stream,
    ),
  ];
  return out.join('\n');
}

function table(title: string, columns: string[], rows: Array<Array<string | number>>, stream?: NodeJS.WriteStream): string {
  if (rows.length === 0) return `${bold(title, stream)}\n${dim('  none', stream)}\n`;
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : clip(c.replace(/\s+/g, ' ').trim()))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    '  ' +
    r
      .map((c, i) => (typeof rows[0]![i] === 'number' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [`${bold(title, stream)} (${rows.length})`, dim(line(columns), stream), ...cells.map(line), ''].join('\n');
}

function clip(text: string): string {
  return text.length > CELL ? `${text.slice(0, CELL - 1)}…` : text;
}
