import { STOPWORDS } from '../../src/text/stopwords.js';
import { neighbourWords } from './neighbour-words.js';
import { tokenScales } from './token-scales.js';
import { buildVocabulary, SPECIAL_TOKENS } from './vocab.js';
import { WordVectors, type MeaningWeights } from './word-vectors.js';
import { loadWordNet } from './wordnet.js';

/**
 * The vocabulary and word-embedding table of the "meaning" model: the corpus vocabulary plus the
 * WordNet neighbours of its words, each row a {@link WordVectors} vector, and per-token scales that
 * let rare words dominate a mean-pooled text while stopwords and [CLS]/[SEP] count for almost nothing.
 */

/** Senses per corpus word whose neighbours join the vocabulary (fewer than for the vectors: size). */
const NEIGHBOUR_SENSES = 2;
/** Scale of tokens that carry no topic: enough to keep an all-stopword text from being a zero vector. */
const FUNCTION_SCALE = 0.02;

/** What `buildBertOnnx` needs beyond the architecture. */
export interface MeaningEmbeddings {
  tokens: string[];
  wordEmbeddings: Float32Array;
  tokenScales: Float32Array;
}

/** Builds the table for `texts` with `dimensions` components per row. */
export function meaningEmbeddings(texts: string[], dimensions: number, seed: number, weights: MeaningWeights): MeaningEmbeddings {
  const wordnet = loadWordNet();
  const base = buildVocabulary(texts);
  const known = new Set(base);
  const tokens = [...base, ...neighbourWords(wordnet, texts, NEIGHBOUR_SENSES).filter((w) => !known.has(w))];
  const vectors = new WordVectors(wordnet, dimensions, seed, weights);
  const specials = new Set<string>(Object.values(SPECIAL_TOKENS));
  const scales = tokenScales(tokens, texts);
  const table = new Float32Array(tokens.length * dimensions);
  tokens.forEach((token, i) => {
    const isWord = /^\p{L}{2,}$/u.test(token);
    // [CLS] and [SEP] share one direction: they are in every input and must not tell inputs apart.
    const row = specials.has(token) ? vectors.identity('[special]') : isWord ? vectors.wordVector(token) : vectors.identity(token);
    table.set(row, i * dimensions);
    if (specials.has(token) || STOPWORDS.has(token)) scales[i] = FUNCTION_SCALE;
  });
  return { tokens, wordEmbeddings: table, tokenScales: scales };
}
