import { tokenScales } from '../../../scripts/model/token-scales.js';

test('frequent tokens get shorter embeddings than rare ones; specials nearly none', () => {
  const texts = ['the cat and the dog and the bird', 'the zebra'];
  const tokens = ['[PAD]', '[CLS]', 'the', 'and', 'zebra', 'unseen', 'z', '##e', '##q'];
  const s = Object.fromEntries(tokens.map((t, i) => [t, tokenScales(tokens, texts)[i]]));
  expect(s.the).toBeCloseTo(1 / 2, 6); // four occurrences
  expect(s.and).toBeCloseTo(Math.SQRT1_2, 6);
  expect(s.zebra).toBe(1);
  expect(s.unseen).toBe(1);
  expect(s['##e']).toBeLessThan(s.z as number); // "e" is spelled far more often than "z"
  expect(s['##q']).toBe(1);
  expect(s['[CLS]']).toBeLessThan(0.1);
  expect(s['[PAD]']).toBeLessThan(0.1);
});
