import type { Citation } from '../types.js';

/**
 * Quotes a reply shows before *Show passages* (Discord) or `--json` (terminal). The engine may cite
 * more; a short reply that leads with the best quote reads better than five similar ones.
 */
export const SHOWN_QUOTES = 3;

/** The citations a reply shows: the best ones, in the engine's order. */
export function shownCitations(citations: readonly Citation[]): Citation[] {
  return citations.slice(0, SHOWN_QUOTES);
}

/** The marks to put around a quote so that the shown text has balanced quotation marks. */
export interface QuoteMarks {
  open: string;
  close: string;
}

const OPENERS = new Set(['“', '"']);
const CLOSERS = new Set(['”', '"']);

/**
 * Which marks to show around `text` (already shortened for display), never touching the text itself.
 * A quote that starts or ends with its own double quotation mark gets no extra one there (no `““`);
 * a quote whose own marks are unbalanced ("“We will act." cut from a longer quote) gets the missing
 * mark as a wrapper; otherwise it is wrapped in “ ”. Single quotation marks are left alone: they are
 * a different mark from the wrapper, and ’ is also the apostrophe.
 */
export function quoteMarks(text: string): QuoteMarks {
  const startsQuoted = OPENERS.has(text.charAt(0));
  const endsQuoted = text.length > 1 && CLOSERS.has(text.charAt(text.length - 1));
  const { before, after } = missingMarks(text);
  const open = startsQuoted ? '' : before;
  const close = endsQuoted ? '' : after;
  if (!open && !close && !startsQuoted && !endsQuoted) return { open: '“', close: '”' };
  return { open, close };
}

/**
 * The double mark `text` lacks at its start or end, judged by counting, so text whose marks already
 * pair up never gets one. An odd straight " is an unclosed opener when the last one opens (at the
 * start, or after a space or bracket), else an unopened closer.
 */
function missingMarks(text: string): { before: string; after: string } {
  const count = (mark: string) => text.split(mark).length - 1;
  const curly = count('“') - count('”');
  if (curly > 0) return { before: '', after: '”' };
  if (curly < 0) return { before: '“', after: '' };
  if (count('"') % 2 === 0) return { before: '', after: '' };
  const last = text.lastIndexOf('"');
  const opens = last === 0 || /[\s([{—–“‘-]/u.test(text.charAt(last - 1));
  return opens ? { before: '', after: '"' } : { before: '"', after: '' };
}
