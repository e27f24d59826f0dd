import { compare } from '../../../bench/lib/compare.js';
import type { QuestionSet } from '../../../bench/lib/questions.js';

const set: QuestionSet = {
  answerable: [
    { question: 'When?', expect: ['15 July'] },
    { question: 'Who?', expect: ['Rama'] },
    { question: 'How many?', expect: ['3,000'] },
    { question: 'Which firm?', expect: ['Mandiant'] },
  ],
  offTopic: ['Sourdough?', 'World Cup?'],
};

const corpus: Record<string, string> = {
  'When?': 'The attack happened on 15 July.',
  'Who?': 'Prime Minister Edi Rama announced it.',
  'How many?': 'About 3,000 members live there.',
  'Which firm?': 'A security firm looked into it.',
};

describe('compare', () => {
  it('scores top-3 hits, off-topic refusals and stage timings per contender', async () => {
    const calls: string[] = [];
    const stages: Array<Record<string, number>> = [];
    const results = await compare(
      [
        { pipeline: 'perfect', top3: async (q) => (calls.push(q), ['filler', 'filler', corpus[q]!]) },
        { pipeline: 'fourth place', top3: async (q) => ['a', 'b', 'c', corpus[q]!] },
        {
          pipeline: 'refusing',
          stages,
          top3: async (q) => {
            stages.push({ embed: 2, total: q.length });
            return [corpus[q]!];
          },
          refuses: async (q) => q.startsWith('Sourdough'),
        },
      ],
      set,
      3,
    );
    // One warm-up call, then three passes over four questions.
    expect(calls).toEqual(['When?', ...Array(3).fill(Object.keys(corpus)).flat()]);
    expect(results.map((r) => [r.pipeline, r.hits, r.hitRate])).toEqual([
      ['perfect', 3, 0.75],
      ['fourth place', 0, 0],
      ['refusing', 3, 0.75],
    ]);
    expect(results[0]!.misses).toEqual(['Which firm?']);
    expect(results[0]!.latency).toMatchObject({ n: 4, passes: 3 });
    expect(results[0]!.offTopicRefused).toBeUndefined();
    expect(results[2]!.offTopicRefused).toEqual({ refused: 1, of: 2 });
    // Warm-up stages are dropped: 12 timed calls with totals 5, 4, 9, 11 (three times each) → median 7.
    expect(stages).toHaveLength(12);
    expect(results[2]!.stagesP50).toEqual({ embed: 2, total: 7 });
  });
});
