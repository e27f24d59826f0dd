import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Vocabulary } from './vocabulary.js';

/**
 * English words, to tell a misspelling ("atack") from a real word the articles happen not to use
 * ("football"), and a proper noun typed in lower case ("iraq") from a common word. The lists are
 * Hunspell's en_US and en_GB dictionaries (the dictionary-en and dictionary-en-gb packages): about
 * 39k common stems and 11k proper nouns (their capitalised entries) each, curated for spell
 * checking, so archaic look-alikes of common misspellings ("wich") that fill the larger word lists
 * are not in them. Both, since members write either ("characterize", "characterise"), and a
 * British spelling is a word, not a typo to refuse. Loaded on first use, since most questions use
 * only words the articles contain and never need them.
 */
export interface EnglishWords {
  /** A known word, or a regular inflection of one ("attacked", "envoys"). */
  has(word: string): boolean;
  /** Known only as a name: Hunspell lists it capitalised, and not in lower case. */
  isProperNoun(word: string): boolean;
  /** The common word closest to a slip ("chagne" → "change"), within `budget` edits. */
  closest(word: string, budget: number): string | undefined;
}

/**
 * Candidate stems of a lower-cased word: Hunspell stores stems and applies affix rules; these
 * regular English suffixes cover what a question needs without the full affix engine.
 */
function stems(word: string): string[] {
  const out = [word];
  const strip = (suffix: RegExp, replacement = '') => {
    const s = word.replace(suffix, replacement);
    // Two letters are no stem: "lned" is not "Ln" inflected.
    if (s !== word && s.length >= 3) out.push(s);
  };
  strip(/'s$/);
  strip(/s$/);
  strip(/es$/);
  strip(/ies$/, 'y');
  strip(/ied$/, 'y');
  strip(/e?d$/);
  strip(/d$/);
  strip(/ing$/);
  strip(/ing$/, 'e');
  strip(/(\p{L})\1(?:ed|ing)$/u, '$1');
  strip(/ly$/);
  strip(/e?rs?$/);
  return out;
}

interface WordLists {
  common: Set<string>;
  proper: Set<string>;
  /** All-capital entries ("WP", "NATO"): never inflected, so only the word itself counts. */
  acronyms: Set<string>;
}

let loaded: WordLists | undefined;
let commonVocabulary: Vocabulary | undefined;

function load(): WordLists {
  const require = createRequire(import.meta.url);
  const common = new Set<string>();
  const proper = new Set<string>();
  const acronyms = new Set<string>();
  for (const dictionary of ['dictionary-en', 'dictionary-en-gb']) {
    const file = path.join(path.dirname(require.resolve(dictionary)), 'index.dic');
    // index.dic: a count, then one `word/FLAGS` per line.
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const word = line.split('/')[0]!.trim();
      if (!word) continue;
      if (/^\p{Lu}+$/u.test(word)) acronyms.add(word.toLowerCase());
      else if (/^\p{Lu}/u.test(word)) proper.add(word.toLowerCase());
      else common.add(word);
    }
  }
  return { common, proper, acronyms };
}

/** The lower-case common words, as a vocabulary to search for the closest one (built once per process). */
function commonWords(): Vocabulary {
  loaded ??= load();
  const { common } = loaded;
  commonVocabulary ??= new Vocabulary([...common].filter((c) => /^\p{Ll}+$/u.test(c)));
  return commonVocabulary;
}

/**
 * Loads the word lists and builds their search structure now rather than on the first question
 * with a word the articles lack, which would otherwise wait a few hundred milliseconds for it.
 * A long-running process (the bot) calls this at start; a one-off `ask` need not.
 */
export function loadEnglishWords(): void {
  commonWords();
}

/** The English word list (loaded once per process). */
export function englishWords(): EnglishWords {
  loaded ??= load();
  const { common, proper, acronyms } = loaded;
  const isCommon = (w: string) => stems(w).some((s) => common.has(s));
  // "wped" is not "WP" inflected: it is "wiped" mistyped.
  const isName = (w: string) => acronyms.has(w) || stems(w).some((s) => proper.has(s));
  return {
    has: (w) => isCommon(w) || isName(w),
    isProperNoun: (w) => !isCommon(w) && isName(w),
    closest: (w, budget) => commonWords().closest(w, budget),
  };
}
