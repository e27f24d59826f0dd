import type { TextSpan } from '../types.js';

/**
 * The longest "sentence" a passage holds, in UTF-16 units. Quotes are sentences, so this bounds
 * every quote shown or stored: an unpunctuated 40 kB line would otherwise be one quote, escaped and
 * stored whole on every matching question. Real sentences are far shorter (news prose rarely passes
 * 400 characters), so this only ever splits text that is not prose.
 */
export const MAX_SENTENCE_CHARS = 600;

/** A clause boundary: after `;`, `:` or `,`, or around a dash, followed by whitespace. */
const CLAUSE_END = /[;:,](?=\s)|\s[—–-](?=\s)/g;

/**
 * Splits an overlong sentence span into pieces of at most `max` units: at the last clause boundary
 * that leaves a reasonable piece, else at the last whitespace, else (one unbroken "word") at `max`
 * without splitting a surrogate pair. Each piece is trimmed. Linear in the span's length: every
 * window is scanned once.
 */
export function splitLongSentence(text: string, span: TextSpan, max = MAX_SENTENCE_CHARS): TextSpan[] {
  if (span.end - span.start <= max) return [span];
  const pieces: TextSpan[] = [];
  let start = span.start;
  while (span.end - start > max) {
    const window = text.slice(start, start + max);
    let cut = lastClauseEnd(window);
    // A clause cut that leaves a stub (under a third of the bound) is worse than a cut at a space.
    if (cut < max / 3) cut = window.search(/\s\S*$/);
    if (cut <= 0) cut = highSurrogateAt(window, max - 1) ? max - 1 : max;
    push(pieces, text, start, start + cut);
    start += cut;
    while (start < span.end && /\s/.test(text[start]!)) start++;
  }
  push(pieces, text, start, span.end);
  return pieces;
}

function lastClauseEnd(window: string): number {
  let cut = -1;
  for (const m of window.matchAll(CLAUSE_END)) cut = m[0].length === 1 ? m.index + 1 : m.index;
  return cut;
}

function highSurrogateAt(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff;
}

function push(pieces: TextSpan[], text: string, start: number, end: number): void {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) pieces.push({ start, end });
}
