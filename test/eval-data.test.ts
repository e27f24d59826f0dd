import { readdir, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { isArticleFile } from '../src/articles/corpus.js';

/**
 * Sanity checks on the evaluation data: the question set and the second article corpus it is
 * scored against. A typo in an expected answer would silently count as a miss for the bot, so
 * every expected string is checked against the articles it is meant to come from.
 */

const MIN_PER_CLASS = {
  factoid: 60,
  paraphrase: 40,
  'yes-no': 25,
  'why-how': 25,
  typo: 40,
  distractor: 25,
  'off-topic-easy': 20,
  'off-topic-hard': 25,
  'follow-up': 40,
} as const;
type QuestionClass = keyof typeof MIN_PER_CLASS;
const CLASSES = Object.keys(MIN_PER_CLASS) as QuestionClass[];
const OFF_TOPIC: readonly QuestionClass[] = ['off-topic-easy', 'off-topic-hard'];

const Question = z.object({
  id: z.string().regex(/^q\d{3,}$/),
  question: z.string().min(3),
  class: z.enum(CLASSES as [QuestionClass, ...QuestionClass[]]),
  corpus: z.enum(['shipped', 'fixtures', 'any']),
  expect: z.array(z.string()).optional(),
  steps: z.array(z.string().min(3)).optional(),
});
const QuestionSet = z.object({ version: z.literal(1), questions: z.array(Question) });

const SHIPPED = new URL('../data/articles/', import.meta.url);
const FIXTURES = new URL('./fixtures/eval/articles/', import.meta.url);

/** Lower case, BOM stripped, every run of whitespace (CRLF included) one space. */
const normalize = (text: string): string =>
  text
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

async function articleFiles(dir: URL): Promise<Array<{ name: string; raw: Buffer }>> {
  const names = (await readdir(dir)).filter(isArticleFile).sort();
  return Promise.all(names.map(async (name) => ({ name, raw: await readFile(new URL(name, dir)) })));
}

const set = QuestionSet.parse(JSON.parse(await readFile(new URL('./fixtures/eval/questions.json', import.meta.url), 'utf8')));
const questions = set.questions;
const shipped = (await articleFiles(SHIPPED)).map((f) => normalize(f.raw.toString('utf8')));
const fixtureFiles = await articleFiles(FIXTURES);
const fixtures = fixtureFiles.map((f) => normalize(f.raw.toString('utf8')));
const answerable = questions.filter((q) => !OFF_TOPIC.includes(q.class));

describe('evaluation questions', () => {
  it('has at least 250 questions with unique ids and unique texts', () => {
    expect(questions.length).toBeGreaterThanOrEqual(250);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    // A follow-up ("When was that?") is one question with the steps before it.
    expect(new Set(questions.map((q) => normalize([...(q.steps ?? []), q.question].join(' | ')))).size).toBe(questions.length);
  });

  it.each(CLASSES)('has at least the minimum number of %s questions', (cls) => {
    expect(questions.filter((q) => q.class === cls).length).toBeGreaterThanOrEqual(MIN_PER_CLASS[cls]);
  });

  it.each(CLASSES.filter((c) => !OFF_TOPIC.includes(c)))('asks %s questions about both corpora', (cls) => {
    const corpora = new Set(questions.filter((q) => q.class === cls).map((q) => q.corpus));
    expect([...corpora].sort()).toEqual(['fixtures', 'shipped']);
  });

  it('gives follow-ups, and only them, two or three steps', () => {
    const wrong = questions.filter((q) => (q.class === 'follow-up') !== ((q.steps?.length ?? 0) >= 1 && (q.steps?.length ?? 0) <= 2));
    expect(wrong.map((q) => q.id)).toEqual([]);
  });

  it('gives off-topic questions no corpus and no expected answer', () => {
    const wrong = questions.filter((q) => OFF_TOPIC.includes(q.class) && (q.corpus !== 'any' || q.expect !== undefined));
    expect(wrong.map((q) => q.id)).toEqual([]);
  });

  it('gives every answerable question short, specific expected answers', () => {
    // One word is allowed only for a name or code ("Mandiant", "e-Albania"), never a plain word.
    const vague = (e: string): boolean => {
      const words = e.trim().split(/\s+/).length;
      return words > 6 || (words === 1 && !/[A-Z0-9-]/.test(e));
    };
    const wrong = answerable.filter((q) => q.corpus === 'any' || !q.expect?.length || q.expect.some(vague));
    expect(wrong.map((q) => q.id)).toEqual([]);
  });

  it('finds every expected answer in an article of the question’s corpus', () => {
    const missing = answerable.flatMap((q) => {
      const corpus = q.corpus === 'shipped' ? shipped : fixtures;
      return (q.expect ?? []).filter((e) => !corpus.some((text) => text.includes(normalize(e)))).map((e) => `${q.id}: ${e}`);
    });
    expect(missing).toEqual([]);
  });

  it('keeps fixture-only answers out of the shipped articles', () => {
    const leaked = answerable
      .filter((q) => q.corpus === 'fixtures')
      .flatMap((q) => (q.expect ?? []).filter((e) => shipped.some((text) => text.includes(normalize(e)))).map((e) => `${q.id}: ${e}`));
    expect(leaked).toEqual([]);
  });
});

describe('evaluation articles', () => {
  const text = (raw: Buffer): string => raw.toString('utf8');

  it('has at least 7 articles of 300 to 900 words', () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(7);
    const counts = fixtureFiles.map((f) => ({ name: f.name, words: text(f.raw).split(/\s+/).filter(Boolean).length }));
    expect(counts.filter((c) => c.words < 300 || c.words > 900)).toEqual([]);
  });

  it('is messy the way saved web pages are: a BOM with CRLF, front matter in some, none in others', () => {
    const bom = (raw: Buffer): boolean => raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
    const frontMatter = (raw: Buffer): boolean => /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/.test(text(raw));
    expect(fixtureFiles.some((f) => bom(f.raw) && text(f.raw).includes('\r\n'))).toBe(true);
    expect(fixtureFiles.some((f) => frontMatter(f.raw))).toBe(true);
    expect(fixtureFiles.some((f) => !frontMatter(f.raw))).toBe(true);
  });
});
