import { Prng } from './prng.js';
import type { QuestionSet } from './questions.js';

/** Ways a reader phrases a query about something they half remember from the news. */
const TEMPLATES: ReadonlyArray<(words: string) => string> = [
  (w) => `What do the articles say about ${w}?`,
  (w) => `Is it true that ${w}?`,
  (w) => `${w}?`,
  (w) => `Tell me more about ${w}`,
];

/** Words of a sentence without its punctuation, so a window reads like typed words, not a quote. */
function words(sentence: string): string[] {
  return sentence
    .replace(/[“”"‘’(),;:.!?]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && w !== '-' && w !== '—');
}

/**
 * `n` questions for the query-path benchmark, the same on every run: first the hand-written
 * question set (answerable and off-topic), then questions made from a seeded window of 4–9
 * consecutive words of a real sentence, in one of a few phrasings. Made-up questions vary in
 * length and vocabulary the way readers' do, which 37 fixed ones can't over 200 samples.
 */
export function queryPathQuestions(set: QuestionSet, sentences: readonly string[], n: number, seed: number): string[] {
  const out = [...set.answerable.map((q) => q.question), ...set.offTopic].slice(0, n);
  const pool = sentences.map(words).filter((w) => w.length >= 4);
  if (out.length < n && pool.length === 0) throw new Error('queryPathQuestions: no sentence has 4 or more words');
  const random = new Prng(seed);
  while (out.length < n) {
    const w = pool[random.int(pool.length)]!;
    const length = Math.min(w.length, 4 + random.int(6));
    const start = random.int(w.length - length + 1);
    const template = TEMPLATES[random.int(TEMPLATES.length)]!;
    out.push(template(w.slice(start, start + length).join(' ')));
  }
  return out;
}
