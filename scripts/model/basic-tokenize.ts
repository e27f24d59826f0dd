/**
 * The text splitting a BERT tokenizer does before WordPiece (HF `BertNormalizer` with lowercase
 * and accent stripping, then `BertPreTokenizer`), mirrored from transformers.js so the vocabulary
 * is built from exactly the words the tokenizer will later look up.
 */

/** ASCII symbols count as punctuation for BERT even where Unicode says otherwise (`$`, `+`, `^`…). */
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const PIECE = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');
const IS_PUNCTUATION = new RegExp(`^[${PUNCTUATION}]$`, 'u');
const CONTROL = /^[\p{Cc}\p{Cf}\p{Co}\p{Cs}]$/u;
const CJK =
  /[\u{4E00}-\u{9FFF}\u{3400}-\u{4DBF}\u{20000}-\u{2A6DF}\u{2A700}-\u{2B73F}\u{2B740}-\u{2B81F}\u{2B820}-\u{2CEAF}\u{F900}-\u{FAFF}\u{2F800}-\u{2FA1F}]/gu;

/** Whether BERT's pre-tokenizer always splits `char` off as a token of its own. */
export function isPunctuation(char: string): boolean {
  return IS_PUNCTUATION.test(char);
}

/** Drops control characters, turns whitespace into spaces, isolates CJK, lowercases, strips accents. */
export function normalizeForBert(text: string): string {
  let out = '';
  for (const char of text) {
    if (char === '\0' || char === '\uFFFD') continue;
    if (CONTROL.test(char) && !/[\t\n\r]/.test(char)) continue;
    out += /^\s$/u.test(char) ? ' ' : char;
  }
  return out
    .replace(CJK, ' $& ')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Splits normalised text into the words and punctuation marks WordPiece receives. */
export function basicTokenize(text: string): string[] {
  return normalizeForBert(text).trim().match(PIECE) ?? [];
}
