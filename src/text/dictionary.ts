import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * English words, to tell a misspelling ("atack") from a real word the articles happen not to use
 * ("football"), and a proper noun typed in lower case ("iraq") from a common word. Two public
 * lists: word-list (274k inflected common words) and Hunspell's en_US dictionary (dictionary-en),
 * whose capitalised entries are the proper nouns. Loaded on first use (about 0.1 s), since most
 * questions use only words the articles contain and never need it.
 */
export interface EnglishWords {
  /** Every known word, lower-cased. */
  has(word: string): boolean;
  /** Known only as a name (Hunspell lists it capitalised and no list has it in lower case). */
  isProperNoun(word: string): boolean;
}

let loaded: { common: Set<string>; proper: Set<string> } | undefined;

function load(): { common: Set<string>; proper: Set<string> } {
  const require = createRequire(import.meta.url);
  const wordList = path.join(path.dirname(require.resolve('word-list')), 'words.txt');
  const hunspell = path.join(path.dirname(require.resolve('dictionary-en')), 'index.dic');
  const common = new Set(readFileSync(wordList, 'utf8').split('\n'));
  const proper = new Set<string>();
  // index.dic: a count, then one `word/FLAGS` per line.
  for (const line of readFileSync(hunspell, 'utf8').split('\n').slice(1)) {
    const word = line.split('/')[0]!.trim();
    if (!word) continue;
    if (/^\p{Lu}/u.test(word)) proper.add(word.toLowerCase());
    else common.add(word);
  }
  for (const word of common) proper.delete(word);
  return { common, proper };
}

/** The English word lists (loaded once per process). */
export function englishWords(): EnglishWords {
  loaded ??= load();
  const { common, proper } = loaded;
  return { has: (w) => common.has(w) || proper.has(w), isProperNoun: (w) => proper.has(w) };
}
