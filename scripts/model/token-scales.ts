import { basicTokenize } from './basic-tokenize.js';
import { CONTINUATION_PREFIX, SPECIAL_TOKENS } from './vocab.js';

/**
 * Per-token scales of the word embeddings, an IDF-like weighting: a token's embedding is scaled by
 * 1/√(corpus count), so frequent tokens ("the", ",", "iran", "##e") get short vectors. With a
 * layer-norm epsilon of the order of the embedding variance, LayerNorm keeps short vectors short,
 * so these tokens weigh little in a mean-pooled sentence vector, and shared stopwords (or the
 * common letters of unknown words) stop making unrelated texts look alike.
 */

/** [CLS] and [SEP] are in every input, so they carry no information at all. */
const SPECIAL_SCALE = 0.02;

/**
 * Corpus counts of whole words and of character pieces: characters are counted as if every word
 * were spelled out ("cut" → c, ##u, ##t), which is how unknown words reach the model.
 */
function tokenCounts(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (token: string): void => void counts.set(token, (counts.get(token) ?? 0) + 1);
  for (const text of texts) {
    for (const word of basicTokenize(text)) {
      const chars = [...word];
      if (chars.length > 1) add(word);
      chars.forEach((char, i) => add(i === 0 ? char : CONTINUATION_PREFIX + char));
    }
  }
  return counts;
}

/** One scale per token, in id order; tokens the corpus never shows count once. */
export function tokenScales(tokens: string[], texts: string[]): Float32Array {
  const counts = tokenCounts(texts);
  const specials = new Set<string>(Object.values(SPECIAL_TOKENS));
  return Float32Array.from(tokens, (token) => (specials.has(token) ? SPECIAL_SCALE : 1 / Math.sqrt(Math.max(1, counts.get(token) ?? 0))));
}
