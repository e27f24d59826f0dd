import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { loadCorpus } from '../../../../src/articles/corpus.js';
import {
  CuratedQuestions,
  MAX_CURATED_BYTES,
  MAX_CURATED_QUESTIONS,
  parseCuratedQuestions,
} from '../../../../src/bot/autocomplete/curated-questions.js';
import { captureLog } from '../../../helpers/log-capture.js';

/** questions.txt is untrusted input: whatever it holds, what comes out fits a Discord choice. */

const SHIPPED = fileURLToPath(new URL('../../../../data/articles/', import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-curated-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('lines are trimmed; blanks, comments, repeats, control characters and over-long lines are dropped', () => {
  const text = `\uFEFF  When did it happen?  \r\n\n# a comment\nwhen did it happen?\nWho\tdid   it?\nBell\u0007?\n${'x'.repeat(101)}\n${'y'.repeat(100)}`;
  expect(parseCuratedQuestions(text)).toEqual(['When did it happen?', 'Who did it?', 'y'.repeat(100)]);
});

test('property: any text gives at most the limit of distinct, trimmed, non-empty lines of at most 100 characters', () => {
  const lines = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.constantFrom('', ' ', '#', '\r', '\u0000', 'Q?')), {
    maxLength: 150,
  });
  fc.assert(
    fc.property(lines, fc.constantFrom('\n', '\r\n', '\r'), (ls, eol) => {
      const out = parseCuratedQuestions(ls.join(eol));
      expect(out.length).toBeLessThanOrEqual(MAX_CURATED_QUESTIONS);
      expect(new Set(out.map((q) => q.toLowerCase())).size).toBe(out.length);
      for (const q of out) {
        expect(q.length).toBeGreaterThan(0);
        expect(q.length).toBeLessThanOrEqual(100);
        expect(q).toBe(q.trim());
        expect(q).not.toMatch(/[\p{Cc}]|^#/u);
      }
    }),
  );
});

test('the shipped questions.txt parses whole, and the articles loader does not read it as an article', async () => {
  const curated = await new CuratedQuestions(SHIPPED, captureLog().logger).current();
  expect(curated.length).toBeGreaterThanOrEqual(5);
  const { articles, skipped } = await loadCorpus(SHIPPED);
  expect(articles.map((a) => a.file)).not.toContain('questions.txt');
  expect(skipped).toEqual([]);
});

test('a missing file is an empty list; an edited file is read again; a huge one only up to the limit', async () => {
  const curated = new CuratedQuestions(dir, captureLog().logger);
  expect(await curated.current()).toEqual([]);
  const file = path.join(dir, 'questions.txt');
  await writeFile(file, 'First?\n');
  expect(await curated.current()).toEqual(['First?']);
  await writeFile(file, 'First?\nSecond question?\n');
  expect(await curated.current()).toEqual(['First?', 'Second question?']);
  await writeFile(file, `Kept?\n${'z'.repeat(MAX_CURATED_BYTES)}\nBeyond the limit?\n`);
  expect(await curated.current()).toEqual(['Kept?']);
});

test('a symlink that leaves the folder is not followed', async () => {
  const outside = path.join(dir, 'outside.txt');
  await writeFile(outside, 'Secret?\n');
  const articles = path.join(dir, 'articles');
  await mkdir(articles);
  await symlink(outside, path.join(articles, 'questions.txt'));
  expect(await new CuratedQuestions(articles, captureLog().logger).current()).toEqual([]);
});
