import { figuresOf, outcomeOf } from '../../../scripts/eval/score.js';
import { wilson } from '../../../scripts/eval/statistics.js';
import type { EvalQuestion } from '../../../scripts/eval/questions.js';
import type { Answer, Citation } from '../../../src/types.js';

const question = (id: string, cls: EvalQuestion['class'], expect?: string[]): EvalQuestion => ({
  id,
  question: `question ${id}`,
  class: cls,
  corpus: 'shipped',
  split: 'dev',
  ...(expect ? { expect } : {}),
});

function answer(quotes: string[]): Answer {
  const citations = quotes.map((quote, i) => ({ n: i + 1, quote }) as Citation);
  return { question: 'q', answered: quotes.length > 0, mode: 'keyword', message: '', citations, timings: {} };
}

describe('eval scoring', () => {
  it('ranks the first quote that holds an expected fact, ignoring case and spacing', () => {
    const q = question('a', 'factoid', ['24  Hours']);
    expect(outcomeOf(q, answer(['Nothing here.', 'They had 24 hours to leave.'])).rank).toBe(2);
    expect(outcomeOf(q, answer(['Nothing here.'])).rank).toBeUndefined();
  });

  it('aggregates hit@1, hit@3, wrongly refused and off-topic refusal per class', () => {
    const qs = [
      question('a', 'factoid', ['x']),
      question('b', 'factoid', ['x']),
      question('c', 'factoid', ['x']),
      question('d', 'off-topic-easy'),
      question('e', 'off-topic-easy'),
    ];
    const outcomes = [
      outcomeOf(qs[0]!, answer(['x'])),
      outcomeOf(qs[1]!, answer(['y', 'z', 'x'])),
      outcomeOf(qs[2]!, answer([])),
      outcomeOf(qs[3]!, answer([])),
      outcomeOf(qs[4]!, answer(['w'])),
    ];
    const figures = figuresOf(qs, outcomes);
    expect(figures.classes['factoid']).toEqual({ n: 3, hit1: 1 / 3, hit3: 2 / 3, wronglyRefused: 1 / 3, interval: wilson(2, 3) });
    expect(figures.classes['off-topic-easy']).toEqual({ n: 2, refused: 0.5, interval: wilson(1, 2) });
    expect(figures.answerable).toEqual({ n: 3, hit1: 1 / 3, hit3: 2 / 3, wronglyRefused: 1 / 3, interval: wilson(2, 3) });
    // Answered replies: 1, 3 and 1 quotes, all shown (a reply shows up to three).
    expect(figures.meanQuotes).toBeCloseTo(5 / 3);
    expect(figures.meanShown).toBeCloseTo(5 / 3);
    const five = outcomeOf(qs[0]!, answer(['a', 'b', 'c', 'd', 'x']));
    expect({ quotes: five.quotes, shown: five.shown, rank: five.rank }).toEqual({ quotes: 5, shown: 3, rank: 5 });
  });
});
