import { buildVocabulary, VocabularyTooSmallError } from '../../../scripts/model/vocab.js';

const texts = ['The cat saw the other cat.', 'Another text: the end — fin.'];

test('specials come first, then characters, continuation pieces and corpus words by frequency', () => {
  const vocab = buildVocabulary(texts);
  expect(vocab.slice(0, 5)).toEqual(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']);
  for (const c of ['a', 'z', '0', '9', '.', ',', '—']) expect(vocab).toContain(c);
  for (const c of ['##a', '##z', '##0']) expect(vocab).toContain(c);
  expect(vocab).not.toContain('##.');
  expect(vocab).not.toContain('A');
  const words = vocab.slice(vocab.lastIndexOf('##z') + 1).filter((t) => !t.startsWith('##'));
  expect(words).toEqual(['the', 'cat', 'another', 'end', 'fin', 'other', 'saw', 'text']);
  expect(new Set(vocab).size).toBe(vocab.length);
});

test('is deterministic', () => {
  expect(buildVocabulary(texts)).toEqual(buildVocabulary([...texts]));
});

test('a fixed size is reached with unmatchable fillers, or the rarest words are cut', () => {
  const full = buildVocabulary(texts);
  const padded = buildVocabulary(texts, { size: full.length + 3 });
  expect(padded.slice(0, full.length)).toEqual(full);
  expect(padded.slice(full.length)).toEqual(['[unused0]', '[unused1]', '[unused2]']);
  expect(buildVocabulary(texts, { size: full.length - 2 })).toEqual(full.slice(0, -2));
  expect(full.slice(-2)).toEqual(['saw', 'text']);
  expect(() => buildVocabulary(texts, { size: 10 })).toThrow(VocabularyTooSmallError);
});
