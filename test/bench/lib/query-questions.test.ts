import { queryPathQuestions } from '../../../bench/lib/query-questions.js';

const SET = {
  answerable: [{ question: 'When did the attack happen?', expect: ['15 July'] }],
  offTopic: ['What is the capital of France?'],
};
const SENTENCES = ['Albania cut diplomatic ties with Iran on Wednesday, the prime minister said.', 'Too short.'];

describe('queryPathQuestions', () => {
  it('starts with the hand-written questions, then fills up to n', () => {
    const out = queryPathQuestions(SET, SENTENCES, 50, 1);
    expect(out).toHaveLength(50);
    expect(out.slice(0, 2)).toEqual(['When did the attack happen?', 'What is the capital of France?']);
  });

  it('makes questions from 4–9 consecutive words of a sentence long enough, without its punctuation', () => {
    const words = 'Albania cut diplomatic ties with Iran on Wednesday the prime minister said'.split(' ');
    for (const q of queryPathQuestions(SET, SENTENCES, 200, 7).slice(2)) {
      const window = q.replace(/^(What do the articles say about |Is it true that |Tell me more about )/, '').replace(/\?$/, '');
      const w = window.split(' ');
      expect(w.length).toBeGreaterThanOrEqual(4);
      expect(w.length).toBeLessThanOrEqual(9);
      expect(words.join(' ')).toContain(window);
    }
  });

  it('is the same for the same seed and differs for another', () => {
    expect(queryPathQuestions(SET, SENTENCES, 40, 3)).toEqual(queryPathQuestions(SET, SENTENCES, 40, 3));
    expect(queryPathQuestions(SET, SENTENCES, 40, 3)).not.toEqual(queryPathQuestions(SET, SENTENCES, 40, 4));
  });

  it('refuses to make questions from no usable sentence', () => {
    expect(() => queryPathQuestions(SET, ['Too short.'], 5, 1)).toThrow(/4 or more words/);
    expect(queryPathQuestions(SET, [], 2, 1)).toHaveLength(2);
  });
});
