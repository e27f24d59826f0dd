import { CARRIED_WEIGHT, lacksSubject, MAX_CHAIN, withFollowUp, type PreviousQuestion } from '../../../src/query/follow-up.js';
import { personIn } from '../../../src/query/lead-person.js';
import { analyseQuery } from '../../../src/query/query.js';

const follow = (question: string, previous?: PreviousQuestion, force = false) =>
  withFollowUp(question, analyseQuery(question), previous, analyseQuery, { force });

describe('lacksSubject', () => {
  it.each([
    'When did that happen?',
    'Why?',
    'and Iran?',
    'What about the embassy?',
    'What did he say about the damage?',
    'Why did they expel the diplomats?',
  ])('%s needs the previous question', (q) => expect(lacksSubject(q, analyseQuery(q))).toBe(true));

  it.each(['How many diplomats were expelled?', 'What did Rama say about it?', 'When did Microsoft publish its report?'])(
    '%s stands on its own',
    (q) => expect(lacksSubject(q, analyseQuery(q))).toBe(false),
  );
});

describe('personIn', () => {
  it('names the speaker, without the title', () => {
    expect(personIn('Albanian Prime Minister Edi Rama said the attack was state-sponsored.')).toBe('Edi Rama');
    expect(personIn('In a statement, Foreign Ministry spokesperson Nasser Kanaani dismissed the allegations.')).toBe('Nasser Kanaani');
  });

  it('prefers the person who speaks over one who is mentioned', () => {
    expect(personIn('After meeting Joe Biden, the premier Edi Rama told reporters it was over.')).toBe('Edi Rama');
  });

  it('finds nobody in a quote of places and institutions', () => {
    expect(personIn('The United States and the European Union condemned the attack.')).toBeUndefined();
    expect(personIn(undefined)).toBeUndefined();
  });
});

describe('withFollowUp', () => {
  const previous = { question: 'Who attacked Albania?' };

  it('carries the previous topic terms at a lower weight', () => {
    const q = follow('When did that happen?', previous);
    expect(q.terms).toEqual(expect.arrayContaining(['attack', 'albania']));
    expect(q.weights?.get('attack')).toBe(CARRIED_WEIGHT);
    expect(q.expanded.find((t) => t.term === 'albania')?.weight).toBe(CARRIED_WEIGHT);
    expect(q.answerType).toBe('time');
    expect(q.context).toContain('Who attacked Albania?');
  });

  it('answers a follow-up that names its own subject on its own terms', () => {
    const q = follow('How many diplomats were expelled?', previous);
    expect(q.terms).toEqual(analyseQuery('How many diplomats were expelled?').terms);
    expect(q.weights).toBeUndefined();
    expect(q.context).toBe('');
  });

  it('resolves a person pronoun to the person the previous lead quote named, at full weight', () => {
    const q = follow('What did he say about the damage?', {
      question: 'Who spoke for the government?',
      leadQuote: 'Prime Minister Edi Rama said so.',
    });
    expect(q.terms).toContain('rama');
    expect(q.weights?.get('rama')).toBe(1);
  });

  it('asks the same about a new name in an elliptical follow-up, dropping the old name', () => {
    const q = follow('and Iran?', { question: 'How did Albania respond to the cyberattack?' });
    expect(q.terms).toContain('iran');
    expect(q.terms).not.toContain('albania');
    expect(q.terms).toContain('respond');
    expect(q.weights?.has('iran')).toBe(false);
  });

  it('resolves a chain through the questions before it, at decreasing weight', () => {
    const chain = { question: 'When did that happen?', previous };
    const q = follow('Why?', chain);
    expect(q.weights?.get('attack')).toBe(CARRIED_WEIGHT * CARRIED_WEIGHT);
  });

  it('with force, carries context into a fragment that seems whole, but never past a name of its own', () => {
    const camp = { question: 'Where is the MEK camp?' };
    expect(follow('How far from the capital?', camp).terms).not.toContain('camp');
    expect(follow('How far from the capital?', camp, true).terms).toContain('camp');
    expect(follow('How far is it from Durres?', camp, true).terms).not.toContain('camp');
  });

  it(`carries nothing from more than ${MAX_CHAIN} questions back`, () => {
    let chain: PreviousQuestion = { question: 'Who attacked Albania?' };
    for (let i = 0; i < MAX_CHAIN; i++) chain = { question: 'Why?', previous: chain };
    expect(follow('Why?', chain).terms).not.toContain('albania');
  });
});
