import { morphy as morphyOf } from '../../../src/text/wordnet/morphy.js';
import { neighbourWords } from '../../../scripts/model/neighbour-words.js';
import { loadWordNet } from '../../../scripts/model/wordnet.js';

/** The shipped WordNet database as the meaning model reads it. */

const wordnet = loadWordNet();
const morphy = (db: typeof wordnet, word: string) => morphyOf((key) => db.senses.has(key), word);

test('a synset holds its words, definition and links', () => {
  const [first] = wordnet.senses.get('verb:expel')!;
  const synset = wordnet.synsets.get(first!)!;
  expect(synset.words).toEqual(expect.arrayContaining(['expel', 'kick_out']));
  expect(synset.gloss).toMatch(/leave/);
  expect(synset.gloss).not.toMatch(/"/);
  expect(synset.hypernyms.length).toBeGreaterThan(0);
});

test('morphy finds the base forms of regular and irregular inflections', () => {
  expect(morphy(wordnet, 'expelled')).toContain('verb:expel');
  expect(morphy(wordnet, 'envoys')).toContain('noun:envoy');
  expect(morphy(wordnet, 'left')).toContain('verb:leave');
  expect(morphy(wordnet, 'ties')).toEqual(expect.arrayContaining(['noun:tie', 'verb:tie']));
  expect(morphy(wordnet, 'mandiant')).toEqual([]);
});

test('neighbour words are plain single words the corpus does not use', () => {
  const words = neighbourWords(wordnet, ['Albania expelled the diplomats.'], 2);
  expect(words).toEqual(expect.arrayContaining(['banish', 'envoy']));
  expect(words).not.toContain('expelled');
  expect(words).not.toContain('the');
  expect(words.every((w) => /^[a-z]{2,}$/.test(w))).toBe(true);
  expect([...words].sort()).toEqual(words);
});
