import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadQuestions, type EvalQuestion } from '../scripts/eval/questions.js';
import { runOne, type Corpora, type CorpusName, type RunResult } from '../scripts/eval/run.js';
import { MEANING_MODEL_ID } from './helpers/meaning-embedder.js';

/**
 * Hybrid mode with the known-meaning model against keyword mode, on the dev split of the
 * evaluation (where tuning happens): fusion must never do worse than keyword mode, on answerable
 * questions, on paraphrases, or on refusing off-topic questions.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const corpora: Corpora = {
  shipped: path.join(root, 'data', 'articles'),
  fixtures: path.join(root, 'test', 'fixtures', 'eval', 'articles'),
  modelsDir: path.join(root, 'test', 'fixtures', 'models'),
};

const runs = new Map<string, RunResult>();
let questions: EvalQuestion[];
beforeAll(async () => {
  questions = (await loadQuestions(path.join(root, 'test', 'fixtures', 'eval', 'questions.json'))).filter((q) => q.split === 'dev');
  for (const corpus of ['shipped', 'combined'] as CorpusName[]) {
    for (const mode of ['keyword', MEANING_MODEL_ID]) runs.set(`${corpus} ${mode}`, await runOne({ corpus, mode }, questions, corpora));
  }
}, 300_000);

describe.each(['shipped', 'combined'])('%s articles, dev split', (corpus) => {
  const pair = () => ({ keyword: runs.get(`${corpus} keyword`)!.figures, model: runs.get(`${corpus} ${MEANING_MODEL_ID}`)!.figures });

  test('fusion with the known-meaning model answers at least as many questions within the top 3', () => {
    const { keyword, model } = pair();
    expect(model.answerable.hit3).toBeGreaterThanOrEqual(keyword.answerable.hit3);
    expect(model.answerable.wronglyRefused).toBeLessThanOrEqual(keyword.answerable.wronglyRefused);
    expect(model.classes.paraphrase!.hit3!).toBeGreaterThanOrEqual(keyword.classes.paraphrase!.hit3!);
  });

  test('and refuses off-topic questions at least as often', () => {
    const { keyword, model } = pair();
    for (const c of ['off-topic-easy', 'off-topic-hard'])
      expect(model.classes[c]!.refused!).toBeGreaterThanOrEqual(keyword.classes[c]!.refused!);
  });
});

test('on the shipped articles, where its calibration lets it vote, it lifts paraphrase hit@3 above keyword mode', () => {
  // dev: 54.5% against 36.4% when this was written. On all fifteen articles the calibration turns
  // it off (fewer than half the titles clear the nearest off-topic probe), so there it only ties.
  const keyword = runs.get('shipped keyword')!.figures.classes.paraphrase!.hit3!;
  const model = runs.get(`shipped ${MEANING_MODEL_ID}`)!.figures.classes.paraphrase!.hit3!;
  expect(model).toBeGreaterThan(keyword);
});
