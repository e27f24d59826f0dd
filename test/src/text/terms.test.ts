import { normalise, terms, words } from '../../../src/text/terms.js';

describe('text analysis', () => {
  it('drops stopwords and question phrasing, and stems', () => {
    expect(terms('How long did the Iranian diplomats have to leave?')).toEqual(['long', 'iranian', 'diplomat', 'leav']);
  });

  it('joins irregular verb forms with their base form', () => {
    expect(terms('They left')).toEqual(terms('they leave'));
    expect(terms('ties were broken')).toEqual(terms('tie break'));
  });

  it("keeps words that are also names of Object's properties", () => {
    // They once looked up Object's prototype as irregular verbs and vanished from the question.
    expect(terms('constructor toString valueOf hasOwnProperty')).toEqual(['constructor', 'tostr', 'valueof', 'hasownproperti']);
  });

  it('treats the abbreviation US as the country but the pronoun us as a stopword', () => {
    expect(terms('the US reaction')).toContain('usa');
    expect(terms('the United States')).toEqual(['usa']);
    expect(terms('tell us')).toEqual([]);
  });

  it('splits cyber compounds written joined, hyphenated or apart the same way', () => {
    expect(terms('cyberattack')).toEqual(terms('cyber-attack'));
    expect(terms('cyberattack')).toEqual(terms('cyber attack'));
  });

  it('folds accents, typographic apostrophes and digit grouping', () => {
    expect(normalise('Élysée’s 3,000')).toBe("elysee's 3000");
    expect(terms('Ira\u200bn ex\u200dpelled')).toEqual(terms('Iran expelled'));
    expect(words('Iran’s')).toEqual(['iran']);
  });

  it('makes a two-word title one term, so it weighs once in a question', () => {
    expect(terms('What did the prime minister say?')).toEqual(terms('What did the PM say?'));
    expect(terms('the Prime Minister')).toHaveLength(1);
    expect(terms('at 5 pm')).not.toEqual(terms('at 5 PM'));
  });

  it('drops "take place" like "happen", which says nothing about the topic', () => {
    expect(terms('When did the attack take place?')).toEqual(terms('When did the attack happen?'));
    expect(terms('The meeting took place in Manez')).toEqual(terms('The meeting in Manez'));
  });
});
