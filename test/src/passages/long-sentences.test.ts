import fc from 'fast-check';
import { MAX_SENTENCE_CHARS, chunkArticle } from '../../../src/passages/chunking.js';
import { splitLongSentence } from '../../../src/passages/long-sentences.js';
import { makeArticle } from '../../helpers/articles.js';

/** Overlong "sentences" are split when an article is chunked, so no quote exceeds a fixed bound. */

const nonSpace = (s: string) => s.replace(/\s+/g, '');

it('splits at clause boundaries, then at spaces, then hard; every piece bounded, nothing lost, in order', () => {
  const piece = fc.oneof(
    fc.constantFrom('word', 'the ministry said', ', ', '; ', ' — ', ': ', ' ', '😀', 'x'.repeat(90), '\n'),
    fc.string({ maxLength: 12 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 400 }), fc.integer({ min: 20, max: 700 }), (parts, max) => {
      const text = parts.join('');
      const pieces = splitLongSentence(text, { start: 0, end: text.length }, max);
      if (text.length <= max) return expect(pieces).toEqual([{ start: 0, end: text.length }]);
      let at = 0;
      for (const p of pieces) {
        expect(p.end - p.start).toBeLessThanOrEqual(max);
        expect(p.start).toBeGreaterThanOrEqual(at);
        expect(p.end).toBeGreaterThan(p.start);
        at = p.end;
      }
      expect(nonSpace(pieces.map((p) => text.slice(p.start, p.end)).join(''))).toBe(nonSpace(text));
    }),
    { seed: 42, numRuns: 300 },
  );
});

it('never splits a surrogate pair, even inside one unbroken run', () => {
  const text = '😀'.repeat(1000);
  for (const p of splitLongSentence(text, { start: 0, end: text.length }, 101)) {
    expect(text.slice(p.start, p.end)).toMatch(/^(?:\ud83d\ude00)+$/);
  }
});

it('prefers the last clause boundary to a space, and a space to a cut inside a word', () => {
  const clause = 'a'.repeat(300) + ', ' + 'b '.repeat(400);
  const [first] = splitLongSentence(clause, { start: 0, end: clause.length });
  expect(clause.slice(first!.start, first!.end)).toBe('a'.repeat(300) + ',');
  const words = 'word '.repeat(300);
  for (const p of splitLongSentence(words, { start: 0, end: words.length })) expect(words.slice(p.start, p.end)).toMatch(/^word( word)*$/);
});

it('a 40 kB unpunctuated line becomes passages whose sentences are all within the bound (regression)', () => {
  const line = Array.from({ length: 8000 }, (_, i) => `w${i % 97}`).join(' ');
  const passages = chunkArticle(makeArticle('long', 'One long line', ['Albania cut ties with Iran.', line]));
  const sentences = passages.flatMap((p) => p.sentences);
  expect(line.length).toBeGreaterThan(30_000);
  expect(sentences.length).toBeGreaterThanOrEqual(Math.floor(line.length / MAX_SENTENCE_CHARS));
  for (const s of sentences) expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
});

it('leaves ordinary sentences alone', () => {
  const span = { start: 0, end: 120 };
  expect(splitLongSentence('x'.repeat(120), span)).toEqual([span]);
});
