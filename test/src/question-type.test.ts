import { answerTypeOf, countedTerm, hasAnswerType } from '../../src/question-type.js';
import { terms } from '../../src/text.js';

describe('answerTypeOf', () => {
  it.each([
    ['When did Albania cut ties?', 'time'],
    ['In which year did the MEK arrive?', 'time'],
    ['How long did the diplomats have to leave?', 'duration'],
    ['How many diplomats were expelled?', 'quantity'],
    ['Who announced the decision?', 'person'],
    ['Why did Albania cut ties?', null],
  ])('%s → %s', (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });
});

describe('countedTerm', () => {
  it('takes the plural after "how many", skipping adjectives and stopwords', () => {
    expect(countedTerm('How many Iranian diplomats were expelled?')).toBe(terms('diplomats')[0]);
    expect(countedTerm('How many MEK members live in Albania?')).toBe(terms('members')[0]);
    expect(countedTerm('how many people')).toBe(terms('people')[0]);
  });

  it('is undefined for other questions', () => {
    expect(countedTerm('When did it happen?')).toBeUndefined();
  });
});

describe('hasAnswerType', () => {
  const counted = terms('diplomats')[0];
  it('finds dates, durations and numbers', () => {
    expect(hasAnswerType('It happened on 15 July.', 'time')).toBe(true);
    expect(hasAnswerType('They had 24 hours to go.', 'duration')).toBe(true);
    expect(hasAnswerType('No number here.', 'quantity')).toBe(false);
  });

  it('with a counted thing, needs a number that counts it', () => {
    expect(hasAnswerType('Tirana expelled four Iranian diplomats in 2020.', 'quantity', counted)).toBe(true);
    expect(hasAnswerType('Albania expelled 2 diplomats.', 'quantity', counted)).toBe(true);
    expect(hasAnswerType('The diplomats left on July 15.', 'quantity', counted)).toBe(false);
  });
});
