import { basicTokenize, isPunctuation, normalizeForBert } from './basic-tokenize.js';

/**
 * Builds a WordPiece vocabulary from a corpus: special tokens, every single character (so any
 * text tokenizes with few [UNK]s), `##` continuation pieces, whole corpus words, then optional
 * filler tokens up to a fixed size. The order is fully deterministic.
 */

export const SPECIAL_TOKENS = { pad: '[PAD]', unk: '[UNK]', cls: '[CLS]', sep: '[SEP]', mask: '[MASK]' } as const;
export const CONTINUATION_PREFIX = '##';

/** Raised when the requested vocabulary size cannot hold the special tokens and characters. */
export class VocabularyTooSmallError extends Error {
  override name = 'VocabularyTooSmallError';
}

/** Printable ASCII after lowercasing: always present so plain English never produces [UNK]. */
function asciiCharacters(): string[] {
  const out: string[] = [];
  for (let cp = 0x21; cp <= 0x7e; cp++) {
    const char = String.fromCharCode(cp);
    if (char === char.toLowerCase()) out.push(char);
  }
  return out;
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Characters of the normalised corpus plus ASCII, ordered by code point. */
function characters(texts: string[]): string[] {
  const set = new Set(asciiCharacters());
  for (const text of texts) for (const char of normalizeForBert(text)) if (char.trim() !== '') set.add(char);
  return [...set].sort(byCodePoint);
}

/** Multi-character corpus words, most frequent first (ties in code-point order). */
function corpusWords(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of basicTokenize(text)) {
      if ([...word].length > 1) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0])).map(([word]) => word);
}

/** Options of {@link buildVocabulary}. */
export interface VocabularyOptions {
  /** Exact size to reach: words beyond it are dropped, a shortfall is filled with `[unusedN]`. */
  size?: number;
}

/** Returns the tokens in id order (the token at index i has id i). */
export function buildVocabulary(texts: string[], options: VocabularyOptions = {}): string[] {
  const chars = characters(texts);
  const pieces = chars.filter((c) => !isPunctuation(c)).map((c) => CONTINUATION_PREFIX + c);
  const base = [...Object.values(SPECIAL_TOKENS), ...chars, ...pieces];
  const seen = new Set(base);
  const words = corpusWords(texts).filter((w) => !seen.has(w));
  const { size } = options;
  if (size === undefined) return [...base, ...words];
  if (size < base.length) {
    throw new VocabularyTooSmallError(`A vocabulary of ${size} cannot hold the ${base.length} special and character tokens`);
  }
  const tokens = [...base, ...words.slice(0, size - base.length)];
  // Bracketed fillers can never match text: the pre-tokenizer always splits "[" and "]" off.
  for (let n = 0; tokens.length < size; n++) tokens.push(`[unused${n}]`);
  return tokens;
}
