import fc from 'fast-check';
import { quoteMarks, SHOWN_QUOTES, shownCitations } from '../../../src/answer/reply.js';
import type { Citation } from '../../../src/types.js';

const wrapped = (text: string) => {
  const { open, close } = quoteMarks(text);
  return open + text + close;
};

/** Whether the double quotation marks of `text` pair up (“ with ”, straight " with itself). */
function balanced(text: string): boolean {
  const curlyOpen = [...text].filter((c) => c === '“').length;
  const curlyClose = [...text].filter((c) => c === '”').length;
  const straight = [...text].filter((c) => c === '"').length;
  return curlyOpen === curlyClose && straight % 2 === 0;
}

describe('quoteMarks', () => {
  test('wraps a plain quote in “ ”', () => {
    expect(wrapped('Albania cut ties with Iran.')).toBe('“Albania cut ties with Iran.”');
  });

  test('adds no mark next to one the quote already has: no ““ or ””', () => {
    expect(wrapped('“This decision was taken,” Rama said.')).toBe('“This decision was taken,” Rama said.');
    expect(wrapped('Rama said: “we will act.”')).toBe('Rama said: “we will act.”');
    expect(wrapped('“We will act.”')).toBe('“We will act.”');
    expect(wrapped('"Paralyse public services," he said.')).toBe('"Paralyse public services," he said.');
  });

  test('completes a quote whose own marks are unbalanced, only by adding the missing mark around it', () => {
    expect(wrapped('“This decision was taken to protect us.')).toBe('“This decision was taken to protect us.”');
    expect(wrapped('It was necessary,” he said.')).toBe('“It was necessary,” he said.');
    expect(wrapped('He said “we will respond and left.')).toBe('He said “we will respond and left.”');
    expect(wrapped('"We will respond, he said.')).toBe('"We will respond, he said."');
    expect(wrapped('Cut off “with immediate effect…')).toBe('Cut off “with immediate effect…”');
  });

  test('leaves single quotation marks and apostrophes to the text: they are not the wrapper’s mark', () => {
    expect(wrapped("'Paralyse services,' he said.")).toBe("“'Paralyse services,' he said.”");
    expect(wrapped('Iran’s ministry said it was ‘baseless’')).toBe('“Iran’s ministry said it was ‘baseless’”');
    expect(wrapped("It's over'")).toBe("“It's over'”");
  });

  test('for any text: the text is kept whole inside, and no mark is doubled at either end', () => {
    const text = fc.array(fc.constantFrom('“', '”', '"', "'", '‘', '’', 'word', ' ', ',', '.'), { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const { open, close } = quoteMarks(t);
        expect(open.length).toBeLessThanOrEqual(1);
        expect(close.length).toBeLessThanOrEqual(1);
        if (open) expect(['“', '"']).not.toContain(t.charAt(0));
        if (close && t.length > 1) expect(['”', '"']).not.toContain(t.charAt(t.length - 1));
        // A text whose own marks pair up, or lack only an opener or closer at its ends, comes out balanced.
        if (balanced(t)) expect(balanced(open + t + close)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('shownCitations', () => {
  test(`keeps the first ${SHOWN_QUOTES}, best first`, () => {
    const citations = Array.from({ length: 5 }, (_, i) => ({ n: i + 1 }) as Citation);
    expect(shownCitations(citations).map((c) => c.n)).toEqual([1, 2, 3]);
    expect(shownCitations(citations.slice(0, 2))).toHaveLength(2);
  });
});
