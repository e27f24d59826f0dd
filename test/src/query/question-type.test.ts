import { answerTypeOf, answerTypeStrength, countedTerm, frameTerms, hasAnswerType } from '../../../src/query/question-type.js';
import { terms } from '../../../src/text/terms.js';

describe('answerTypeOf', () => {
  it.each([
    ['When did Albania cut ties?', 'time'],
    ['In which year did the MEK arrive?', 'time'],
    ['How long did the diplomats have to leave?', 'duration'],
    ['How many diplomats were expelled?', 'quantity'],
    ['Who announced the decision?', 'person'],
    ['Why did Albania cut ties?', 'reason'],
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

describe('frameTerms', () => {
  it('names the noun that only asks for a time', () => {
    expect(frameTerms('What date did the cyberattack take place?')).toEqual(terms('date'));
    expect(frameTerms('On which day did Albania cut ties?')).toEqual(terms('day'));
    expect(frameTerms('What time did Rama speak?')).toEqual(terms('time'));
    expect(frameTerms('cyberattack date')).toEqual(terms('date'));
    expect(answerTypeOf('cyberattack date')).toBe('time');
    expect(answerTypeOf('iran embassy closed when?')).toBe('time');
  });

  it('leaves other questions whole', () => {
    expect(frameTerms('Which country did Albania blame?')).toEqual([]);
    expect(frameTerms('Was the date of the attack kept secret?')).toEqual([]);
  });
});

describe('answerTypeStrength', () => {
  it('prefers a calendar date or a year to a vague time for a when question', () => {
    expect(answerTypeStrength('The attack happened on 15 July.', 'time')).toBe(1);
    expect(answerTypeStrength('The attack happened on July 15.', 'time')).toBe(1);
    expect(answerTypeStrength('Albania agreed in 2013.', 'time')).toBe(1);
    expect(answerTypeStrength('The attack happened in July.', 'time')).toBe(0.5);
    expect(answerTypeStrength('Rama spoke on Wednesday.', 'time')).toBe(0.5);
    expect(answerTypeStrength('Rama spoke at length.', 'time')).toBe(0);
  });

  it('is all or nothing for other kinds of answer', () => {
    expect(answerTypeStrength('They had 24 hours to leave.', 'duration')).toBe(1);
    expect(answerTypeStrength('Four diplomats were expelled.', 'quantity', terms('diplomats')[0])).toBe(1);
    expect(answerTypeStrength('Diplomats were expelled on 15 July.', 'quantity', terms('diplomats')[0])).toBe(0);
  });
});

describe('answer-type detection: words that look like an answer but are not', () => {
  it('reads May as the month only next to a day, a year or a preposition, never the modal', () => {
    expect(hasAnswerType('Iran may retaliate against Albania.', 'time')).toBe(false);
    expect(hasAnswerType('May brings more talks, officials said.', 'time')).toBe(false);
    for (const s of ['The raid took place in May.', 'It happened on 5 May.', 'By May 2023 the leaks had stopped.'])
      expect(hasAnswerType(s, 'time')).toBe(true);
  });

  it('recognises clock times, noon and seasons as times', () => {
    for (const s of [
      'Rama spoke at 10:30 on state television.',
      'The cars left at 9 a.m. sharp.',
      'He announced it at noon.',
      'The summit was planned for the summer.',
    ])
      expect(hasAnswerType(s, 'time')).toBe(true);
    expect(hasAnswerType('Prices may fall sharply.', 'time')).toBe(false);
  });

  it('reads "on which date" and "by what time" as asking for a time', () => {
    expect(answerTypeOf('On which date did One Albania say it had been attacked?')).toBe('time');
    expect(answerTypeOf('By what time had the staff left?')).toBe('time');
  });

  it('reads why-questions as asking for a reason, answered by a connective of cause or purpose', () => {
    expect(answerTypeOf('Why did the police search the embassy?')).toBe('reason');
    expect(hasAnswerType('Police searched it as a precaution against hidden explosives.', 'reason')).toBe(true);
    expect(hasAnswerType('Police searched the building on Thursday.', 'reason')).toBe(false);
  });

  it('does not count "some" or "several" as a number', () => {
    expect(hasAnswerType('Some diplomats left early.', 'quantity')).toBe(false);
    expect(hasAnswerType('Several groups took part.', 'quantity')).toBe(false);
    expect(hasAnswerType('Four groups took part.', 'quantity')).toBe(true);
  });
});
