import type { TextSpan } from '../types.js';

/**
 * Sentence boundaries inside a block of article text. Quotes must be whole sentences, so a
 * boundary is placed only after terminal punctuation (and any closing quotes or brackets) that is
 * followed by whitespace and something that can start a sentence.
 */

/** Abbreviations whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sr jr st gen col lt sgt capt gov sen rep pres vs etc inc ltd co corp dept no fig jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n a.m p.m'.split(
    ' ',
  ),
);

const BOUNDARY = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘([]?[\p{Lu}\p{N}])/gu;

function endsWithAbbreviation(text: string, dotIndex: number): boolean {
  const before = text.slice(Math.max(0, dotIndex - 12), dotIndex);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase();
  if (!word) return false;
  // Single capital initials ("J. Smith") are not sentence ends either.
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

/** Splits `text.slice(block.start, block.end)` into trimmed sentence spans (offsets into `text`). */
export function splitSentences(text: string, block: TextSpan = { start: 0, end: text.length }): TextSpan[] {
  const body = text.slice(block.start, block.end);
  const spans: TextSpan[] = [];
  let from = 0;
  for (const m of body.matchAll(BOUNDARY)) {
    const punct = m[1] ?? '';
    if (punct === '.' && endsWithAbbreviation(body, m.index)) continue;
    const end = m.index + punct.length + (m[2]?.length ?? 0);
    pushTrimmed(spans, body, from, end, block.start);
    from = end + (m[3]?.length ?? 0);
  }
  pushTrimmed(spans, body, from, body.length, block.start);
  return spans;
}

function pushTrimmed(spans: TextSpan[], body: string, start: number, end: number, offset: number): void {
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  if (end > start) spans.push({ start: start + offset, end: end + offset });
}
