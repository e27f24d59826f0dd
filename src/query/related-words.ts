import { lemma } from '../text/lemmas.js';
import { stem } from '../text/terms.js';
import { morphy } from '../text/wordnet/morphy.js';
import { wordNet, type WordNetLookup } from '../text/wordnet/lookup.js';

/**
 * Words that WordNet relates to a question word: the other words of its most common senses
 * ("queue" → "line") and the words derived from them ("fly" → "flight"). WordNet is noisy
 * (attack ~ fire, cut ~ hack), so these only reorder quotes that already answer on the words the
 * member typed: they never decide whether a question is answered, and never widen the search.
 * On the evaluation's held-out split that lifted hit@3 on answerable questions by 2 points and
 * left every off-topic refusal as it was; letting them decide, or search, cost off-topic refusals.
 */

/** Senses per part of speech: rarer senses are where the noise is ("line" has thirty). */
const SENSES = 2;
/** Derived or similar synsets followed per sense: bounds the work per word. */
const LINKS = 8;
const CACHE_LIMIT = 5000;
const cache = new Map<string, readonly string[]>();

/** Stems of the single words WordNet relates to `word` (itself excluded); empty without WordNet. */
export function relatedTerms(word: string, wordnet: WordNetLookup | null = wordNet()): readonly string[] {
  const lower = word.toLowerCase();
  if (!wordnet || !/^[a-z]{3,}$/.test(lower)) return [];
  const cached = wordnet === wordNet() ? cache.get(lower) : undefined;
  if (cached) return cached;
  const own = stem(lemma(lower));
  const found = new Set<string>();
  for (const key of morphy((k) => wordnet.senses(k).length > 0, lower)) {
    for (const id of wordnet.senses(key).slice(0, SENSES)) {
      const synset = wordnet.synset(id);
      if (!synset) continue;
      const linked = synset.related.slice(0, LINKS).map((r) => wordnet.synset(r));
      for (const s of [synset, ...linked]) for (const w of s?.words ?? []) if (/^[a-z]+$/.test(w)) found.add(stem(lemma(w)));
    }
  }
  found.delete(own);
  const result = [...found];
  if (wordnet === wordNet()) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(lower, result);
  }
  return result;
}
