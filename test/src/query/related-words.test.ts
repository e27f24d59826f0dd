import { analyseQuery, SYNONYM_WEIGHT } from '../../../src/query/query.js';
import { relatedTerms, synonymTerms } from '../../../src/query/related-words.js';
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

describe('synonyms: the words of the commonest sense only', () => {
  it('finds them, and not the looser relations', () => {
    expect(synonymTerms('advise')).toContain(stem('counsel'));
    expect(synonymTerms('chief')).toContain(stem('head'));
    expect(synonymTerms('fly')).not.toContain(stem('flight')); // a derivation: related, not a synonym
    for (const word of ['advise', 'chief', 'attack', 'gathering'])
      for (const synonym of synonymTerms(word))
        expect({ word, synonym, related: relatedTerms(word).includes(synonym) }).toEqual({ word, synonym, related: true });
  });

  it('count in the query like the curated synonyms, firmly, while related words stay loose', () => {
    const query = analyseQuery('Whom did the FBI advise?');
    const alternatives = query.alternatives.get(stem('advise'))!;
    expect(alternatives).toContainEqual({ term: stem('counsel'), weight: SYNONYM_WEIGHT });
    expect(query.expanded).toContainEqual({ term: stem('counsel'), weight: SYNONYM_WEIGHT });
    expect(alternatives.filter((a) => a.loose).map((a) => a.term)).not.toContain(stem('counsel'));
    expect(synonymTerms('advise', null)).toEqual([]);
  });
});
