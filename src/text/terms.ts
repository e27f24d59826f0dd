import porter from 'porter-stemmer';
import { lemma } from './lemmas.js';
import { STOPWORDS } from './stopwords.js';

/**
 * Text analysis shared by the lexical index, quote scoring and statement matching: the same
 * question and passage must always be reduced to the same terms.
 */

/** Multi-word names and abbreviations that people write several ways; each becomes one term. */
const ALIASES: Array<[RegExp, string]> = [
  // Abbreviations are matched case-sensitively so that the pronoun "us" stays a stopword.
  [/\bU\.S\.(?:A\.)?|\bUSA?\b/g, ' usa '],
  [/\bunited states(?: of america)?\b|\bamerica\b/gi, ' usa '],
  [/\bU\.K\.|\bUK\b/g, ' uk '],
  [/\bunited kingdom\b|\bbritain\b/gi, ' uk '],
  [/\bUAE\b/g, ' uae '],
  [/\bunited arab emirates\b|\bunited emirates\b/gi, ' uae '],
  [/\bU\.N\.|\bUN\b/g, ' un '],
  [/\bunited nations\b/gi, ' un '],
  [/\beuropean union\b/gi, ' eu '],
  // A title of two common words would otherwise weigh twice in a question ("what did the prime
  // minister say about the damage?") and drown the word the question is about.
  [/\bprime ministers?\b/gi, ' premier '],
  [/\bPMs?\b/g, ' premier '],
  // "Take place" is "happen", a word that says nothing about the topic (a stopword).
  [/\b(?:take|takes|took|taken|taking) place\b/gi, ' happen '],
];

/** Folds case, accents, typographic quotes and digit grouping so that variants compare equal. */
export function normalise(text: string): string {
  // Invisible format characters (zero-width spaces and joiners, bidi marks) would split a word in two.
  let out = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/\p{Cf}+/gu, '');
  for (const [pattern, term] of ALIASES) out = out.replace(pattern, term);
  return out
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/(\d),(?=\d{3}\b)/g, '$1');
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;
/** Prefixes written both joined and apart ("cyberattack", "cyber attack", "cyber-attack"). */
const SPLIT_PREFIXES = ['cyber'];

/** Splits text into lower-cased words, keeping stopwords (used for phrase-level comparisons). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of normalise(text).matchAll(WORD)) {
    const word = match[0].replace(/'s$/, '');
    const prefix = SPLIT_PREFIXES.find((p) => word.startsWith(p) && word.length > p.length + 2);
    if (prefix) out.push(prefix, word.slice(prefix.length));
    else out.push(word);
  }
  return out;
}

const stemCache = new Map<string, string>();

/** Porter stem of one lower-cased word (memoised: the vocabulary is small and repeats). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\d+$/.test(word) ? word : porter.stemmer(word);
    stemCache.set(word, s);
  }
  return s;
}

/** True for words that say nothing about the topic. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word) || (word.length === 1 && !/\d/.test(word));
}

/** The index terms of a text: words minus stopwords, stemmed. Order and repeats are kept. */
export function terms(text: string): string[] {
  return words(text)
    .map(lemma)
    .filter((w) => !isStopword(w))
    .map(stem);
}
