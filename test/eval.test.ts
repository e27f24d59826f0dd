import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadQuestions, type EvalQuestion } from '../scripts/eval/questions.js';
import { growth, runOne, type Corpora, type RunResult } from '../scripts/eval/run.js';

/**
 * The held-out evaluation as a regression guard: the `test` split in keyword mode (what a clean
 * offline install runs), on the shipped articles alone and with the fixture articles added.
 * The floors sit a few points under the figures the README quotes, so a change that makes answers
 * worse in general fails here; tuning happens on `dev` with `npm run eval`, never against these.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const corpora: Corpora = {
  shipped: path.join(root, 'data', 'articles'),
  fixtures: path.join(root, 'test', 'fixtures', 'eval', 'articles'),
  modelsDir: path.join(root, 'test', 'fixtures', 'models'),
};

describe('held-out evaluation, test split, keyword mode', () => {
  let questions: EvalQuestion[];
  let alone: RunResult;
  let combined: RunResult;
  beforeAll(async () => {
    questions = (await loadQuestions(path.join(root, 'test', 'fixtures', 'eval', 'questions.json'))).filter((q) => q.split === 'test');
    alone = await runOne({ corpus: 'shipped', mode: 'keyword' }, questions, corpora);
    combined = await runOne({ corpus: 'combined', mode: 'keyword' }, questions, corpora);
  });

  it('refuses every easy off-topic question and most hard ones', () => {
    expect(combined.figures.classes['off-topic-easy']!.refused).toBe(1);
    expect(combined.figures.classes['off-topic-hard']!.refused).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ['factoid', 0.75],
    ['typo', 0.55],
    ['distractor', 0.8],
    ['why-how', 0.6],
    ['yes-no', 0.5],
    // Follow-ups measured 80% (16 of 20) when the class was added, against 60% asked without their
    // context, and 85% once words WordNet relates to the question ranked quotes.
    ['follow-up', 0.8],
  ])('%s: the expected fact is in the top 3 quotes at least at its floor', (name, floor) => {
    expect({ name, hit3: combined.figures.classes[name]!.hit3! >= floor }).toEqual({ name, hit3: true });
  });

  it('keeps most answers when one letter of a question word slips', () => {
    // 92.2% (177 of 192) when the slips were added, 92.4% (183 of 198) with WordNet synonyms; 97.0% on the shipped articles alone.
    expect(combined.slips.asked).toBeGreaterThan(100);
    expect(combined.slips.kept / combined.slips.asked).toBeGreaterThanOrEqual(0.88);
  });

  it('shows at most three quotes per reply on average', () => {
    expect(combined.figures.meanShown).toBeLessThanOrEqual(3);
    expect(combined.figures.meanShown).toBeGreaterThan(1);
  });

  it('wrongly refuses at most one answerable question in seven', () => {
    expect(combined.figures.answerable.wronglyRefused).toBeLessThanOrEqual(1 / 7);
  });

  it('reports the growth check for every class of the shipped questions', () => {
    const rows = growth(alone, combined, questions);
    expect(rows.map((r) => r.class).sort()).toEqual(Object.keys(alone.figures.classes).sort());
    for (const r of rows) expect(r.delta).toBeCloseTo((r.withFixtures - r.alone) * 100, 0);
  });
});
