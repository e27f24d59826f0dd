import { boilerplateKind, isTweetSignature, type BoilerplateKind } from './boilerplate.js';
import { looksLikeHeadline } from './article-title.js';
import { authorFromByline, dateFromLine, parseDateline, urlFromLine, type Dateline } from './metadata-lines.js';
import type { TextSpan } from './types.js';

/**
 * Boilerplate removal that keeps exact offsets: the article text is never rewritten, we only
 * choose which spans of it are body. Everything works on lines, so the rules are general
 * (known page-furniture phrases, short unpunctuated lines, repeated lines, tweet embeds) rather
 * than tied to particular files.
 */

/** A trimmed, non-empty line of the text. */
interface Line extends TextSpan {
  text: string;
  /** Position among the text's non-blank lines. */
  index: number;
  /** Whether a blank line (or the start of the text) comes right before it. */
  paragraphStart: boolean;
}

/** Why a span was left out of the body. */
export type DropReason = BoilerplateKind | 'tweet' | 'headline' | 'byline' | 'date' | 'url' | 'dateline' | 'label' | 'duplicate' | 'fragment';

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

/** Body blocks of `text` with boilerplate removed. Each block is an exact slice of `text`. */
export function cleanText(text: string): TextSpan[] {
  return analyzeText(text).blocks;
}

/** Splits `text` into body blocks and the headline, byline, dateline etc. it states. */
export function analyzeText(text: string): CleanedText {
  const lines = splitLines(text);
  const result: CleanedText = { blocks: [], dropped: [] };
  const drop = (span: TextSpan, reason: DropReason): void => void result.dropped.push({ start: span.start, end: span.end, reason });

  const firstBody = readPreamble(lines, result, drop);
  const body: Line[] = [];
  for (let i = firstBody; i < lines.length; i++) {
    const line = lines[i]!;
    const kind = boilerplateKind(line.text) ?? (/^#{1,6}\s/.test(line.text) ? 'label' : undefined);
    if (kind) drop(line, kind);
    else body.push(line);
  }
  openingDateline(text, body, result, drop);
  const withoutTweets = removeTweetText(body, drop);
  const units = toParagraphs(withoutTweets);
  const kept = removeDuplicates(units, drop).filter((unit) => {
    if (!isLabel(text, unit)) return true;
    drop(unit, 'label');
    return false;
  });
  result.blocks = kept.map((unit) => trimTrailingFragment(text, unit, drop));
  result.dropped.sort((a, b) => a.start - b.start);
  return result;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let previousBlank = true;
  for (const m of text.matchAll(/[^\n]*/g)) {
    if (m.index > 0 && text[m.index - 1] !== '\n') continue; // the empty match right after a line
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) {
      previousBlank = true;
      continue;
    }
    const start = m.index + lead;
    lines.push({ start, end: start + trimmed.length, text: trimmed, index: lines.length, paragraphStart: previousBlank });
    previousBlank = false;
  }
  return lines;
}

/**
 * Reads the lines before the lead: wire slugs, bylines, date and source lines, page furniture and
 * (once) the headline. Returns the index of the first body line.
 */
function readPreamble(lines: Line[], result: CleanedText, drop: (span: TextSpan, reason: DropReason) => void): number {
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
    } else if (!result.headline && looksLikeHeadline(line.text)) {
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

/** Lowercased words of a line, for spotting near-duplicates across different quote styles. */
function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * An embedded tweet is its text, maybe an emoji or link line, then a signature line. The lines
 * directly above a signature are tweet text when they mention a handle or repeat what the
 * article already said (articles usually quote the tweet before embedding it).
 */
function removeTweetText(body: Line[], drop: (span: TextSpan, reason: DropReason) => void): Line[] {
  const signatures = body.filter((l) => isTweetSignature(l.text));
  if (signatures.length === 0) return body;
  // The first body line each word occurs in, so "said earlier" is one lookup per word.
  const firstSeen = new Map<string, number>();
  body.forEach((line, i) => tokens(line.text).forEach((w) => firstSeen.has(w) || firstSeen.set(w, i)));
  const removed = new Set<Line>(signatures);
  for (const signature of signatures) {
    drop(signature, 'tweet');
    const at = body.indexOf(signature);
    for (let j = at - 1; j >= 0 && j >= at - 8 && !removed.has(body[j]!); j--) {
      const line = body[j]!;
      const words = tokens(line.text);
      const saidEarlier = words.filter((w) => (firstSeen.get(w) ?? j) < j).length;
      const isTweet = /(^|\s)[@#]\w/.test(line.text) || /pic\.twitter\.com/.test(line.text) || (words.length >= 3 && saidEarlier / words.length >= 0.7);
      if (!isTweet) break;
      removed.add(line);
      drop(line, 'tweet');
    }
  }
  return body.filter((l) => !removed.has(l));
}

const TERMINAL = /[.!?…"”’')\]]$/;

/**
 * Groups lines into paragraphs. A paragraph ends at a blank line or a line that ends a sentence;
 * a long unterminated line continues onto the next (hard-wrapped text), while a short
 * unterminated line stands alone so that section labels can be recognised.
 */
function toParagraphs(body: Line[]): Line[] {
  const units: Line[] = [];
  for (const line of body) {
    const last = units[units.length - 1];
    // `last.index` is the paragraph's latest line, so a dropped line in between breaks the paragraph.
    const continues = last && !line.paragraphStart && !TERMINAL.test(last.text) && last.text.length >= 40 && last.index === line.index - 1;
    if (last && continues) units[units.length - 1] = { ...last, end: line.end, index: line.index, text: `${last.text}\n${line.text}` };
    else units.push({ ...line });
  }
  return units;
}

/** A short standalone line without sentence punctuation: a section label, caption credit or stray link text. */
function isLabel(text: string, unit: Line): boolean {
  if (unit.text.includes('\n')) return false;
  const words = unit.text.split(/\s+/).length;
  return !TERMINAL.test(unit.text) && words <= 12 && unit.text.length <= 90;
}

function normalise(text: string): string {
  return tokens(text.replace(/[‘’]/g, "'")).join(' ');
}

/**
 * A paragraph repeated verbatim is a photo caption or standfirst printed twice (once under the
 * image, once as text). We keep its last occurrence, which is where the body copy sits (captions
 * come first, next to the image) — unless its words also appear inside a longer paragraph, in
 * which case every copy is redundant and all are dropped. That is the case of a caption that
 * repeats, right under the headline, a sentence the article tells later.
 */
function removeDuplicates(units: Line[], drop: (span: TextSpan, reason: DropReason) => void): Line[] {
  const keys = units.map((u) => normalise(u.text));
  const lastIndex = new Map<string, number>();
  keys.forEach((key, i) => lastIndex.set(key, i));
  const seen = new Set<string>();
  const repeated = new Set(keys.filter((key) => key && (seen.has(key) || !seen.add(key))));
  const redundant = new Set([...repeated].filter((key) => [...lastIndex.keys()].some((other) => other.length > key.length && ` ${other} `.includes(` ${key} `))));
  return units.filter((unit, i) => {
    const key = keys[i]!;
    if (!repeated.has(key) || (lastIndex.get(key) === i && !redundant.has(key))) return true;
    drop(unit, 'duplicate');
    return false;
  });
}

/**
 * Cuts a short fragment dangling after the paragraph's last sentence and ending in a comma, colon
 * or semicolon — a stray caption credit glued to the end ("… “short-sighted”. iranian state tv,").
 * A paragraph of the body does not end that way.
 */
function trimTrailingFragment(text: string, unit: Line, drop: (span: TextSpan, reason: DropReason) => void): TextSpan {
  const m = /([.!?…]["”’')\]]*)\s+([^.!?…\n]{1,40}[,;:])$/u.exec(text.slice(unit.start, unit.end));
  if (!m) return { start: unit.start, end: unit.end };
  const end = unit.start + m.index + m[1]!.length;
  drop({ start: end, end: unit.end }, 'fragment');
  return { start: unit.start, end };
}
