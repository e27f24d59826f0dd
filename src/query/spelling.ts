import type { Bm25Index } from '../index/bm25.js';
import { englishWords, type EnglishWords } from '../text/dictionary.js';
import { lemma } from '../text/lemmas.js';
import { STOPWORDS } from '../text/stopwords.js';
import { isStopword, stem } from '../text/terms.js';
import { alternativesOf, DEMONYM_WEIGHT, expand, type AnalysedQuery } from './query.js';
import { editBudget, Vocabulary } from '../text/vocabulary.js';

/**
 * Misspellings, of every kind of word: members type "atack", "befor" and "edi ramma" in Discord,
 * and transliterated names are written several ways ("Teheran"). A question word that no article
 * uses and that is not an English word is matched to the closest article word by edit distance,
 * else to the closest English word ("chagne" → "change"), which then counts as if typed right.
 * A real word the articles don't use ("football", "Iraq") is left alone: it is a different word,
 * not a typo, and correcting it ("Iraq" → "Iran") would answer a question nobody asked.
 */

/** How much a corrected spelling counts: nearly the word itself, like a demonym. */
export const SPELLING_WEIGHT = DEMONYM_WEIGHT;
/** From this length, an English word one edit from an article word counts as a variant spelling. */
const LONG_WORD = 8;

/**
 * Whether some document of `index` holds `term` or one of its firm `alternatives` (synonym, demonym,
 * spelling) that counts for at least `minWeight`.
 */
export function mentionedIn(index: Bm25Index, term: string, alternatives: AnalysedQuery['alternatives'], minWeight = 0): boolean {
  const known = (t: string) => index.docFrequency(t) > 0;
  return known(term) || (alternatives.get(term) ?? []).some((a) => !a.loose && a.weight >= minWeight && known(a.term));
}

let everyday: Vocabulary | undefined;
/** Everyday words ("happen", "before") the articles may never use, but a misspelling may mean. */
function everydayWords(): Vocabulary {
  everyday ??= new Vocabulary([[...STOPWORDS].join(' ')]);
  return everyday;
}

/**
 * The query with each word the index doesn't know resolved: a misspelling also matches the article
 * word it was meant to be (in retrieval and in quote scoring alike), a misspelled everyday word
 * ("befor") is dropped like any stopword, a proper noun typed in lower case counts as a name, and
 * what is left is listed in `unknown` so a refusal can say which word no article contains.
 */
export function withSpellings(
  query: AnalysedQuery,
  index: Bm25Index,
  vocabulary: Vocabulary,
  dictionary: () => EnglishWords = englishWords,
): AnalysedQuery {
  const alternatives = new Map(query.alternatives);
  let corrected = false;
  const dropped = new Set<string>();
  const unknown: string[] = [];
  const names = [...query.names];
  const corrections = new Map<string, string>();
  for (const term of query.terms) {
    // A synonym in the articles does not make a misspelling right: "Teheran" is WordNet's synonym
    // of "Tehran", but it is the same name and should count nearly fully, as its spelling does.
    if (mentionedIn(index, term, alternatives, SPELLING_WEIGHT)) continue;
    const word = query.surface.get(term);
    if (!word || /\d/.test(word)) continue;
    const english = dictionary().has(word);
    // A long English word one letter from an article word is a variant spelling of it
    // ("Mujahedeen", "Mujahideen"); shorter ones are different words ("Iraq", "Iran").
    const near = english
      ? vocabulary.closest(word, word.length >= LONG_WORD ? 1 : 0)
      : (vocabulary.closest(word, editBudget(word)) ?? everydayWords().closest(word, editBudget(word)));
    if (english && !near) {
      if (dictionary().isProperNoun(word) && !names.some((n) => n.term === term)) names.push({ term, text: word });
      continue;
    }
    // A slip of an English word the articles never use ("chagne") is read as that word, so it gets
    // the synonyms and related words the word itself would. A name stays as typed: read as a word
    // ("Modi" as "mode"), it would count as mentioned.
    const englishNear = !near && !names.some((n) => n.term === term) ? dictionary().closest(word, editBudget(word)) : undefined;
    if (englishNear) {
      const meant = stem(lemma(englishNear));
      alternatives.set(term, [
        ...(alternatives.get(term) ?? []),
        { term: meant, weight: SPELLING_WEIGHT },
        ...alternativesOf(meant, englishNear),
      ]);
      corrections.set(word, englishNear);
      corrected = true;
      continue;
    }
    if (!near) {
      unknown.push(word);
      continue;
    }
    if (isStopword(lemma(near))) {
      dropped.add(term);
      continue;
    }
    alternatives.set(term, [...(alternatives.get(term) ?? []), { term: stem(lemma(near)), weight: SPELLING_WEIGHT }]);
    corrections.set(word, near);
    corrected = true;
  }
  if (!corrected && !dropped.size && !unknown.length && names.length === query.names.length) return query;
  // What a "how many" question counts must be a word of the articles for a number to be found next
  // to it: its corrected spelling if it has one, else any number counts ("how many ppl…").
  const counted = query.counted === undefined ? undefined : countedAsIndexed(query.counted, query, corrections, index);
  for (const term of dropped) alternatives.delete(term);
  const terms = query.terms.filter((t) => !dropped.has(t));
  return {
    ...query,
    terms,
    alternatives,
    expanded: expand(terms, alternatives),
    names: names.filter((n) => !dropped.has(n.term)),
    unknown,
    counted,
    ...(corrections.size ? { corrections } : {}),
  };
}

function countedAsIndexed(
  counted: string,
  query: AnalysedQuery,
  corrections: ReadonlyMap<string, string>,
  index: Bm25Index,
): string | undefined {
  if (index.docFrequency(counted) > 0) return counted;
  const typed = query.surface.get(counted);
  const fixed = typed === undefined ? undefined : corrections.get(typed);
  return fixed === undefined ? undefined : stem(lemma(fixed));
}
