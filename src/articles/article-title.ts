import { isWireSlug } from './boilerplate.js';
import { authorFromByline, parseDateline } from './metadata-lines.js';
import { splitSentences } from '../text/sentences.js';
import type { TextSpan } from '../types.js';

/**
 * An article's title as its text gives it: the headline line at the top (told apart from a lead
 * that merely starts the text), or, for an article without one, a stand-in cut from its lead.
 */

/** Longest title we derive from a lead sentence before shortening it. */
const DERIVED_TITLE_MAX = 80;

/** The title text of a Markdown heading line, or the line itself. */
export function headlineText(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .trim();
}

/**
 * Whether the first content line of an article reads as its headline: a short line of a few
 * words that is not a byline, a wire slug or a dateline lead, and — unless it is quite short —
 * does not end like a sentence (headlines rarely carry a final period; a lead sentence does).
 */
export function looksLikeHeadline(line: string): boolean {
  const text = headlineText(line);
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 3 && text.length < 15) return false;
  if (words.length > 25 || text.length > 160) return false;
  if (authorFromByline(text) !== undefined || isWireSlug(text) || parseDateline(text)) return false;
  if (/[:;,]$/.test(text)) return false;
  if (/\.$/.test(text) && !/\.\.\.$/.test(text) && words.length > 12) return false;
  return /[\p{L}]/u.test(text);
}

/**
 * Whether a first content line is the headline, given the title the article already has (from
 * front matter), if any. With a known title, a line that ends like a sentence is the lead unless
 * it repeats that title: front matter names the article, so the text may well open on its lead.
 */
export function readsAsHeadline(line: string, knownTitle: string | undefined): boolean {
  if (!looksLikeHeadline(line)) return false;
  if (knownTitle === undefined) return true;
  const squash = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return !/[.!?]["”’]?$/.test(headlineText(line)) || squash(headlineText(line)) === squash(knownTitle);
}

/**
 * A stand-in title from the lead's first sentence, shortened at a word boundary. It always ends
 * with "…" so a reader can tell it apart from a real headline; callers also mark it as derived.
 * Returns undefined when the lead has no sentence of at least three words.
 */
export function titleFromLead(text: string, lead: TextSpan): string | undefined {
  const first = splitSentences(text, lead)[0];
  if (!first) return undefined;
  const sentence = text.slice(first.start, first.end).replace(/\s+/g, ' ');
  if (sentence.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length < 3) return undefined;
  const bare = sentence.replace(/[.!?…]+$/, '');
  if (bare.length <= DERIVED_TITLE_MAX) return `${bare}…`;
  const cut = bare.slice(0, DERIVED_TITLE_MAX + 1);
  let atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), DERIVED_TITLE_MAX / 2));
  // Don't leave a quotation open: cut before a quote the shortening split.
  const opened = atWord.lastIndexOf('“');
  if (opened > atWord.lastIndexOf('”') && opened > DERIVED_TITLE_MAX / 2) atWord = atWord.slice(0, opened);
  return `${atWord.replace(/[\s,;:–—-]+$/, '')}…`;
}
