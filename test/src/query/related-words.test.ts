import { relatedTerms } from '../../../src/query/related-words.js';
import { stem } from '../../../src/text/terms.js';

/** The words WordNet relates to a question word, as index terms. */

test('relates a word to the others of its common senses and to words derived from them', () => {
  expect(relatedTerms('queue')).toContain(stem('lineup'));
  expect(relatedTerms('fly')).toContain(stem('flight'));
  expect(relatedTerms('expelled')).toEqual(expect.arrayContaining([stem('expulsion'), stem('oust')]));
});

test('leaves out the word itself, multi-word entries, and rare senses', () => {
  const related = relatedTerms('expelled');
  expect(related).not.toContain(stem('expel'));
  expect(related.every((t) => /^[a-z]+$/.test(t))).toBe(true);
  // "line" has some thirty senses; the waiting line is not among its first two.
  expect(relatedTerms('lines')).not.toContain(stem('queue'));
});

test('has nothing for non-words, short words, or without WordNet', () => {
  expect(relatedTerms('mandiant')).toEqual([]);
  expect(relatedTerms('it')).toEqual([]);
  expect(relatedTerms('e-albania')).toEqual([]);
  expect(relatedTerms('queue', null)).toEqual([]);
});
