import { headlineText, readsAsHeadline } from './article-title.js';
import { boilerplateKind, type BoilerplateKind } from './boilerplate.js';
import { authorFromByline, dateFromLine, parseDateline, urlFromLine, type Dateline } from './metadata-lines.js';
import { isLabel, toParagraphs, trimTrailingFragment } from './paragraphs.js';
import { removeDuplicates, removeTweets } from './repeated-content.js';
import { splitLines, type Line } from '../text/lines.js';
import type { TextSpan } from '../types.js';

/**
 * Boilerplate removal that keeps exact offsets: the article text is never rewritten, we only
 * choose which spans of it are body. Everything works on lines, so the rules are general
 * (known page-furniture phrases, short unpunctuated lines, repeated lines, tweet embeds) rather
 * than tied to particular files.
 */

/**
 * Bump when a rule change alters which blocks are kept, so indexes built from the same article
 * bytes are rebuilt rather than reused.
 */
export const CLEANING_VERSION = 2;

/** Why a span was left out of the body. */
export type DropReason =
  BoilerplateKind | 'tweet' | 'headline' | 'byline' | 'date' | 'url' | 'dateline' | 'label' | 'duplicate' | 'fragment';

/** Everything cleaning found: the kept blocks and what the dropped lines told us. */
export interface CleanedText {
  /** Body paragraphs, in order; each is `text.slice(start, end)` of the original text. */
  blocks: TextSpan[];
  /** The line read as the headline (kept out of `blocks`). */
  headline?: TextSpan;
  author?: string;
  date?: string;
  url?: string;
  /** The wire dateline opening the lead, if any (its agency tag names the outlet). */
  dateline?: Dateline;
  dropped: Array<TextSpan & { reason: DropReason }>;
}

export interface CleaningOptions {
  /**
   * The title the article already has (from front matter). A first line that ends like a sentence
   * is then body, not a headline, unless it repeats this title.
   */
  knownTitle?: string;
}

/** Body blocks of `text` with boilerplate removed. Each block is an exact slice of `text`. */
export function cleanText(text: string, options: CleaningOptions = {}): TextSpan[] {
  return analyzeText(text, options).blocks;
}

/** Splits `text` into body blocks and the headline, byline, dateline etc. it states. */
export function analyzeText(text: string, options: CleaningOptions = {}): CleanedText {
  const result = analyze(text, options, true);
  // A headline is never the whole article: a one-line article is its own body.
  return result.blocks.length === 0 && result.headline ? analyze(text, options, false) : result;
}

function analyze(text: string, options: CleaningOptions, findHeadline: boolean): CleanedText {
  const lines = splitLines(text);
  const result: CleanedText = { blocks: [], dropped: [] };
  const drop = (span: TextSpan, reason: DropReason): void => void result.dropped.push({ start: span.start, end: span.end, reason });
  const isHeadline = (line: string): boolean => findHeadline && readsAsHeadline(line, options.knownTitle);

  const firstBody = readPreamble(lines, result, drop, isHeadline);
  const body: Line[] = [];
  for (let i = firstBody; i < lines.length; i++) {
    const line = lines[i]!;
    const kind = boilerplateKind(line.text) ?? (/^#{1,6}\s/.test(line.text) ? 'label' : undefined);
    if (kind) drop(line, kind);
    else body.push(line);
  }
  openingDateline(text, body, result, drop);
  const headline = result.headline ? [headlineText(text.slice(result.headline.start, result.headline.end))] : [];
  const units = toParagraphs(removeTweets(body, drop));
  const kept = removeDuplicates(units, drop, headline).filter((unit) => {
    if (!isLabel(unit)) return true;
    drop(unit, 'label');
    return false;
  });
  result.blocks = kept.map((unit) => trimTrailingFragment(text, unit, drop));
  result.dropped.sort((a, b) => a.start - b.start);
  return result;
}

/**
 * Reads the lines before the lead: wire slugs, bylines, date and source lines, page furniture and
 * (once) the headline. Returns the index of the first body line.
 */
function readPreamble(
  lines: Line[],
  result: CleanedText,
  drop: (span: TextSpan, reason: DropReason) => void,
  isHeadline: (line: string) => boolean,
): number {
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const kind = boilerplateKind(line.text);
    const author = authorFromByline(line.text);
    const date = dateFromLine(line.text);
    const url = urlFromLine(line.text, true);
    if (kind) drop(line, kind);
    else if (author !== undefined) {
      result.author ??= author;
      drop(line, 'byline');
    } else if (date !== undefined) {
      result.date ??= date;
      drop(line, 'date');
    } else if (url !== undefined) {
      result.url ??= url;
      drop(line, 'url');
    } else if (!result.headline && isHeadline(line.text)) {
      result.headline = { start: line.start, end: line.end };
      drop(line, 'headline');
    } else break;
  }
  return i;
}

/** A dateline is metadata, not part of the quotable lead, so the lead's block starts after it. */
function openingDateline(text: string, body: Line[], result: CleanedText, drop: (span: TextSpan, reason: DropReason) => void): void {
  const lead = body[0];
  const dateline = lead && parseDateline(lead.text);
  if (!lead || !dateline) return;
  result.dateline = dateline;
  if (!result.date && dateline.date) result.date = dateline.date;
  drop({ start: lead.start, end: lead.start + dateline.length }, 'dateline');
  const start = lead.start + dateline.length;
  body[0] = { ...lead, start, text: text.slice(start, lead.end) };
}
