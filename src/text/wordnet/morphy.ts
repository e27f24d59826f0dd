import { lemma as irregularLemma } from '../lemmas.js';
import { POS_LIST, type Pos } from './format.js';

/**
 * WordNet's own lemmatiser ("morphy"): strips the regular inflection suffixes of each part of
 * speech and keeps the candidates the database knows. "expelled" → verb "expel", "envoys" → noun
 * "envoy". Irregular verbs ("left", "took") come from the project's table of irregular forms.
 */

const DETACHMENT: Record<Pos, Array<[string, string]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

/** "expell" → "expel", "stopp" → "stop": inflection doubles a final consonant. */
function undoubled(stem: string): string | undefined {
  const m = /([b-df-hj-np-tv-z])\1$/.exec(stem);
  return m ? stem.slice(0, -1) : undefined;
}

/**
 * Base forms of `word` that WordNet lists (`lists` says whether a `<pos>:<lemma>` key is in its
 * index), as such keys, in part-of-speech order.
 */
export function morphy(lists: (key: string) => boolean, word: string): string[] {
  const found: string[] = [];
  const add = (key: string): void => {
    if (lists(key) && !found.includes(key)) found.push(key);
  };
  const irregular = irregularLemma(word);
  for (const pos of POS_LIST) {
    add(`${pos}:${word}`);
    if (pos === 'verb' && irregular !== word) add(`${pos}:${irregular}`);
    for (const [suffix, ending] of DETACHMENT[pos]) {
      if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
      const stem = word.slice(0, -suffix.length);
      add(`${pos}:${stem}${ending}`);
      const single = ending === '' ? undoubled(stem) : undefined;
      if (single) add(`${pos}:${single}`);
    }
  }
  return found;
}
