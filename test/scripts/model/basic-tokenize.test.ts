import { basicTokenize, isPunctuation, normalizeForBert } from '../../../scripts/model/basic-tokenize.js';

test('lowercases, strips accents and splits punctuation off words', () => {
  expect(basicTokenize("Café au LAIT, s'il vous plaît!")).toEqual(['cafe', 'au', 'lait', ',', 's', "'", 'il', 'vous', 'plait', '!']);
  expect(basicTokenize('“Rama” said: $24,000—now')).toEqual(['“', 'rama', '”', 'said', ':', '$', '24', ',', '000', '—', 'now']);
});

test('drops control characters, turns whitespace into spaces and isolates CJK characters', () => {
  expect(normalizeForBert('a\u0007b\tc\n')).toBe('ab c ');
  expect(basicTokenize('漢字ok')).toEqual(['漢', '字', 'ok']);
});

test('ASCII symbols count as punctuation, letters do not', () => {
  for (const c of ['$', '+', '^', '`', '~', '.', '“']) expect(isPunctuation(c)).toBe(true);
  for (const c of ['a', '7', 'é']) expect(isPunctuation(c)).toBe(false);
});
