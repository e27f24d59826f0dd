import { IndexCorruptError } from '../../../src/errors.js';
import { isArticleFileName } from '../../../src/articles/inside-folder.js';
import { isPlainFileName, parseManifest } from '../../../src/index/manifest.js';

/** The manifest is untrusted: parsed by schema, file names kept inside the folder. */

const valid = {
  formatVersion: 1,
  generation: 'g1',
  chunkerVersion: 103,
  model: null,
  builtAt: '2026-01-01T00:00:00.000Z',
  passageCount: 2,
  articles: [{ id: 'a', file: 'a.txt', hash: 'h', passages: 2 }],
  skipped: [],
  hnsw: { M: 16, efConstruction: 200, ef: 64 },
  files: { corpus: { name: 'corpus-g1.json', bytes: 10, sha256: 'a'.repeat(64) } },
};
const edit = (patch: Record<string, unknown>) => JSON.stringify({ ...valid, ...patch });

it('accepts a valid manifest, keeping fields a newer writer added', () => {
  expect(parseManifest(edit({ laterField: { x: 1 } }))).toMatchObject({ passageCount: 2, laterField: { x: 1 } });
});

it.each([
  ['null', 'null', /not an object/],
  ['an array', '[]', /not an object/],
  ['zero dimensions', edit({ model: { id: 'm', dimensions: 0 } }), /model\.dimensions/],
  ['a model without vector files', edit({ model: { id: 'm', dimensions: 4 } }), /needs both vector files/],
  ['no articles', JSON.stringify({ ...valid, articles: undefined }), /articles/],
  ['a count that disagrees with its articles', edit({ passageCount: 3 }), /passage count 3/],
  ['a negative count', edit({ passageCount: -1 }), /passageCount/],
  ['a malformed calibration', edit({ calibration: { x: 1 } }), /calibration/],
  [
    'a file outside the folder',
    edit({ files: { corpus: { ...valid.files.corpus, name: '../../outside/corpus.json' } } }),
    /plain file name/,
  ],
  ['an absolute file name', edit({ files: { corpus: { ...valid.files.corpus, name: '/etc/passwd' } } }), /plain file name/],
  [
    'an extra file outside the folder',
    edit({ files: { ...valid.files, extra: { ...valid.files.corpus, name: '..' } } }),
    /plain file name/,
  ],
  ['an article path with a folder', edit({ articles: [{ ...valid.articles[0], file: '../x.txt' }] }), /articles folder/],
])('refuses %s as damaged', (_label, raw, why) => {
  expect(() => parseManifest(raw)).toThrow(IndexCorruptError);
  expect(() => parseManifest(raw)).toThrow(why);
});

it('tells plain names from paths', () => {
  for (const ok of ['corpus-abc.json', 'hnsw-1.bin']) expect(isPlainFileName(ok)).toBe(true);
  for (const bad of ['', '.', '..', '../a', 'a/b', 'a\\b', '/a', '.hidden', 'a..b']) expect(isPlainFileName(bad)).toBe(false);
  for (const ok of ['Über die Grenze.md', '002_x.txt']) expect(isArticleFileName(ok)).toBe(true);
  for (const bad of ['', '.', '..', 'a/b.txt', 'a\\b.txt', 'a\u0000.txt']) expect(isArticleFileName(bad)).toBe(false);
});
