import { ELLIPSIS, truncate } from '../../../../src/bot/views/truncate.js';

const WORDS = [
  'Albania',
  'cut',
  'diplomatic',
  'ties',
  'with',
  'Iran',
  'after',
  'the',
  'cyberattack,',
  '“quote”',
  '(July',
  '2022)',
  'on',
  'government',
  'systems.',
  '—',
  'a',
  'I',
];

/** A deterministic pseudo-random text, so a failure can be reproduced from its seed. */
function randomText(seed: number, words: number): string {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]! + (next() < 0.1 ? '\n' : ''));
  return out.join(' ');
}

describe('truncate', () => {
  test('returns text that fits unchanged', () => {
    expect(truncate('short text', 10)).toBe('short text');
    expect(truncate('', 0)).toBe('');
  });

  test('ends a shortened text with an ellipsis and keeps within the limit', () => {
    const out = truncate('The ministry said the attack came from Iran', 20);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
    expect(out.length).toBeLessThanOrEqual(20);
  });

  test('never cuts a word, over many texts and limits', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const text = randomText(seed, 40);
      for (let max = 12; max < text.length + 5; max += 7) {
        const out = truncate(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (text.length <= max) {
          expect(out).toBe(text);
          continue;
        }
        expect(out.endsWith(ELLIPSIS)).toBe(true);
        const kept = out.slice(0, -ELLIPSIS.length);
        expect(text.startsWith(kept)).toBe(true);
        // Each word kept is a whole word of the original; only trailing punctuation may go from the last.
        const keptWords = kept.split(/\s+/).filter(Boolean);
        const originalWords = text.split(/\s+/);
        keptWords.slice(0, -1).forEach((w, i) => expect(w).toBe(originalWords[i]));
        const last = keptWords.length - 1;
        if (last >= 0) expect(originalWords[last]!.slice(keptWords[last]!.length)).toMatch(/^[,;:—–-]*$/);
      }
    }
  });

  test('does not leave an opening quote or separator dangling before the ellipsis', () => {
    const out = truncate('He said: “we will respond', 12);
    expect(out).toBe(`He said${ELLIPSIS}`);
  });

  test('a single over-long word is cut (the only way to fit) without splitting a surrogate pair', () => {
    const word = '😀'.repeat(20);
    const out = truncate(word, 10);
    expect(out.length).toBeLessThanOrEqual(10);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
    expect(out.slice(0, -1)).toMatch(/^(😀)+$/u);
  });

  test('rejects a negative limit', () => {
    expect(() => truncate('x', -1)).toThrow(RangeError);
  });
});
