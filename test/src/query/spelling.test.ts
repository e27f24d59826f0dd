import { Bm25Index } from '../../../src/index/bm25.js';
import { analyseQuery, SYNONYM_WEIGHT } from '../../../src/query/query.js';
import { SPELLING_WEIGHT, withSpellings } from '../../../src/query/spelling.js';
import { editBudget, editDistance, Vocabulary } from '../../../src/text/vocabulary.js';
import { terms } from '../../../src/text/terms.js';

const ARTICLES = [
  'Albania cut ties with Iran after the attack on its government systems in July.',
  'Prime Minister Edi Rama said the attack happened before the elections. Tehran denied it.',
  'The attack was the work of hackers; the attack was condemned.',
];
const vocabulary = new Vocabulary(ARTICLES);
const index = new Bm25Index(ARTICLES.map((a) => terms(a)));
const corrected = (question: string) => withSpellings(analyseQuery(question), index, vocabulary);

describe('editDistance', () => {
  it('is Levenshtein distance, with a swap of neighbouring letters as one edit', () => {
    expect(editDistance('airprot', 'airport')).toBe(1);
    expect(editDistance('atack', 'attack')).toBe(1);
    // Two swaps are not one: plain Levenshtein.
    expect(editDistance('abcd', 'badc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('Vocabulary.closest', () => {
  it('allows no edits for short words, one up to seven letters, two from eight', () => {
    expect(['irn', 'atack', 'goverment'].map(editBudget)).toEqual([0, 1, 2]);
  });

  it('finds the closest article word within the budget, the more frequent on a tie', () => {
    const v = new Vocabulary(['attack attack attach', 'banana']);
    expect(v.closest('atack', 1)).toBe('attack');
    expect(v.closest('attacc', 1)).toBe('attack');
    expect(v.closest('bananna', 1)).toBe('banana');
    expect(v.closest('orange', 1)).toBeUndefined();
  });
});

describe('withSpellings', () => {
  it.each([
    ['When did the atack happen?', 'atack', 'attack'],
    ['who is edi ramma', 'ramma', 'rama'],
    ['What did Teheran deny?', 'teheran', 'tehran'],
    ['what did the goverment say', 'gover', 'govern'],
  ])('matches a misspelled word of any kind to the article word: %s', (question, typed, meant) => {
    const query = corrected(question);
    const term = query.terms.find((t) => t.startsWith(typed.slice(0, 4)))!;
    expect(query.alternatives.get(term)).toContainEqual({ term: terms(meant)[0] ?? meant, weight: SPELLING_WEIGHT });
    expect(query.expanded).toContainEqual({ term: terms(meant)[0] ?? meant, weight: SPELLING_WEIGHT });
    expect(query.unknown).toEqual([]);
  });

  it('drops a misspelled everyday word like any stopword', () => {
    const query = corrected('did it happen befor the elections');
    expect(query.terms).not.toContain('befor');
    expect(query.terms).toContain(terms('elections')[0]);
  });

  it('leaves real English words alone, and counts a lower-case proper noun as a name', () => {
    // "Iraq" is one letter from "Iran", but it is another country, not a typo.
    const query = corrected('did iraq attack albania');
    expect(query.alternatives.get('iraq')?.map((a) => a.term)).not.toContain('iran');
    expect(query.names).toContainEqual({ term: 'iraq', text: 'iraq' });
    expect(corrected('who won the football match').unknown).toEqual([]);
  });

  it('knows British and American spellings alike: neither is an unknown word', () => {
    expect(corrected('how did they characterise the behaviour').unknown).toEqual([]);
    expect(corrected('how did they characterize the behavior').unknown).toEqual([]);
  });

  it('reads a slip of an English word as that word, with its synonyms, even if no article spells it so', () => {
    // No article says "deny" or "terminate"; "denied" and "cut" are what they say.
    const denied = corrected('did tehran dney it');
    expect(denied.corrections?.get('dney')).toBe('deny');
    expect(denied.alternatives.get(terms('dney')[0]!)).toContainEqual({ term: terms('denied')[0], weight: SPELLING_WEIGHT });
    const ended = corrected('when did albania terminnate ties');
    expect(ended.corrections?.get('terminnate')).toBe('terminate');
    expect(ended.alternatives.get(terms('terminnate')[0]!)).toContainEqual({ term: terms('cut')[0], weight: SYNONYM_WEIGHT });
    expect(ended.unknown).toEqual([]);
  });

  it('keeps a name as typed: an unknown name is not read as the English word it resembles', () => {
    // "Modi" is one letter from "mode"; read as that word, it would count as mentioned.
    const query = corrected('What did Albania say to Modi about the attack?');
    expect(query.corrections).toBeUndefined();
    expect(query.names.map((n) => n.text)).toContain('Modi');
  });

  it('lists words that are neither in the articles, near one, nor English', () => {
    expect(corrected('what did the zqxwv group do').unknown).toEqual(['zqxwv']);
  });

  it('returns the query itself when every word is known', () => {
    const query = analyseQuery('Who attacked Albania?');
    expect(withSpellings(query, index, vocabulary)).toBe(query);
  });
});

describe('what a "how many" question counts', () => {
  it('is the corrected word when misspelled, and nothing (any number) when no article has it', () => {
    expect(analyseQuery('How many hakcers were there?').counted).toBe(terms('hakcers')[0]);
    expect(corrected('How many hakcers were there?').counted).toBe(terms('hackers')[0]);
    expect(corrected('How many ppl did the attack hit?').counted).toBeUndefined();
    expect(corrected('How many hackers were there?').counted).toBe(terms('hackers')[0]);
  });
});
