import { matchScore, rankSuggestions } from '../../../../src/bot/autocomplete/rank.js';
import { questionKey } from '../../../../src/bot/stores/question-key.js';
import type { QuestionSuggestion } from '../../../../src/bot/stores/store.js';

/** Ranking: what was typed picks by the engine's own analysis; then most asked and best voted; Discord's limits hold. */

const logged = (question: string, asks: number, up = 0, down = 0): QuestionSuggestion => ({
  question,
  key: questionKey(question),
  members: asks,
  asks,
  upVotes: up,
  downVotes: down,
  lastAsked: 0,
});

const names = (choices: Array<{ name: string }>) => choices.map((c) => c.name);

describe('matchScore', () => {
  test('matches key terms through stemming and inflection, ignoring stopwords typed in full', () => {
    expect(matchScore('when did albania cut ', 'When did Albania cut diplomatic ties with Iran?')).toBe(1);
    expect(matchScore('attacks ', 'Who carried out the attack?')).toBe(1);
    expect(matchScore('what is the ', 'Who carried out the attack?')).toBe(1);
    expect(matchScore('football ', 'Who carried out the attack?')).toBe(0);
  });

  test('the word being typed matches the beginning of a word', () => {
    expect(matchScore('When did Alb', 'When did Albania cut ties?')).toBe(1);
    expect(matchScore('When did Irq', 'When did Albania cut ties?')).toBe(0);
  });

  test('a slip within the engine’s spelling budget still matches, for less', () => {
    const typo = matchScore('albnia ', 'When did Albania cut ties?');
    expect(typo).toBeGreaterThan(0);
    expect(typo).toBeLessThan(1);
    // Short words get no budget, as in the engine: "Iraq" is not "Iran".
    expect(matchScore('iraq ', 'Did Iran deny it?')).toBe(0);
  });
});

describe('rankSuggestions', () => {
  const log = [logged('Who attacked Albania?', 9), logged('When did the attack happen?', 5, 6), logged('Why did Albania cut ties?', 3)];

  test('most asked and best voted first when nothing is typed', () => {
    expect(names(rankSuggestions('', log, [], new Set()))).toEqual([
      'When did the attack happen?',
      'Who attacked Albania?',
      'Why did Albania cut ties?',
    ]);
  });

  test('what is typed filters, and a full match beats a slip', () => {
    expect(names(rankSuggestions('albania', log, [], new Set()))).toEqual(['Who attacked Albania?', 'Why did Albania cut ties?']);
    expect(names(rankSuggestions('attak ', [...log, logged('Did the attak fail?', 1)], [], new Set()))[0]).toBe('Did the attak fail?');
  });

  test('curated questions come after the log’s on an equal match, once per close variant, hidden ones never', () => {
    const curated = ['who attacked albania', 'How long did the diplomats have to leave?', 'When did Albania cut ties with Iran?'];
    const hidden = new Set([questionKey('When did Albania cut ties with Iran?')]);
    expect(names(rankSuggestions('', log, curated, hidden))).toEqual([
      'When did the attack happen?',
      'Who attacked Albania?',
      'Why did Albania cut ties?',
      'How long did the diplomats have to leave?',
    ]);
    expect(names(rankSuggestions('', [], curated, new Set()))).toEqual(curated);
  });

  test('at most 25 choices, and a question too long for a choice is left out, not cut', () => {
    const many = Array.from({ length: 40 }, (_, i) => logged(`Question number ${i} about Albania?`, 40 - i));
    const long = logged(`Why ${'very '.repeat(30)}long?`, 100);
    const choices = rankSuggestions('', [long, ...many], [], new Set());
    expect(choices).toHaveLength(25);
    expect(choices[0]!.name).toBe('Question number 0 about Albania?');
    for (const c of choices) expect(c.value).toBe(c.name);
  });
});
