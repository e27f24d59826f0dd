import { STOPWORDS } from '../../src/text/stopwords.js';
import { basicTokenize } from './basic-tokenize.js';
import { morphy } from '../../src/text/wordnet/morphy.js';
import type { WordNet } from './wordnet.js';

/**
 * The words a question may use in place of the corpus's own: WordNet neighbours of every corpus
 * word (synonyms, narrower and derived senses). Adding them to the vocabulary keeps "envoy" or
 * "expulsion" whole tokens with their own vectors instead of spelled-out pieces, while the model
 * stays small: only neighbours of words the articles use, not all of WordNet.
 */

/** A single lower-case word that BERT's pre-tokenizer keeps whole. */
const PLAIN_WORD = /^[a-z]{2,}$/;

/** Neighbour words of the corpus, sorted, excluding the corpus words themselves. */
export function neighbourWords(wordnet: WordNet, texts: string[], maxSenses: number): string[] {
  const corpus = new Set<string>();
  for (const text of texts) for (const word of basicTokenize(text)) corpus.add(word);
  const found = new Set<string>();
  for (const word of corpus) {
    if (STOPWORDS.has(word) || !PLAIN_WORD.test(word)) continue;
    for (const key of morphy((key) => wordnet.senses.has(key), word)) {
      for (const id of (wordnet.senses.get(key) ?? []).slice(0, maxSenses)) {
        const synset = wordnet.synsets.get(id);
        if (!synset) continue;
        const ids = [id, ...synset.related, ...synset.hyponyms];
        for (const linked of ids) for (const w of wordnet.synsets.get(linked)?.words ?? []) found.add(w);
      }
    }
  }
  return [...found].filter((w) => PLAIN_WORD.test(w) && !corpus.has(w) && !STOPWORDS.has(w)).sort();
}
