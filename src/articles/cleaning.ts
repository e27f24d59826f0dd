import { headlineText, readsAsHeadline } from './article-title.js';
import { boilerplateKind, type BoilerplateKind } from './boilerplate.js';
import { isLabel, toParagraphs, trimTrailingFragment } from './paragraphs.js';
import { openingDateline, readPreamble, type StatedMetadata } from './preamble.js';
import { removeDuplicates, removeTweets } from './repeated-content.js';
import { splitLines, type Line } from '../text/lines.js';
import type { TextSpan } from '../types.js';

/**
 * Boilerplate removal that keeps exact offsets: the article text is never rewritten, we only
 * choose which spans of it are body. Everything works on lines, so the rules are general
 * (known page-furniture phrases, short unpunctuated lines, repeated lines, tweet embeds) rather
 * than tied to particular files.
 *
 * This file runs the steps in order; the rules live beside it: `preamble.ts` (the metadata above
 * the body), `boilerplate.ts` (page furniture), `repeated-content.ts` (tweet embeds, repeated
 * paragraphs) and `paragraphs.ts` (joining lines, section labels, dangling fragments).
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
export interface CleanedText extends StatedMetadata {
  /** Body paragraphs, in order; each is `text.slice(start, end)` of the original text. */
  blocks: TextSpan[];
  dropped: Array<TextSpan & { reason: DropReason }>;
}

/** What cleaning may know about an article beyond its text. */
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

/** One cleaning pass; with `findHeadline` false no line is taken for the headline. */
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
