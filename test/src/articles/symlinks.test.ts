import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../../../src/articles/corpus.js';
import { ArticleFiles } from '../../../src/articles/verbatim.js';

/**
 * Symlinks in the articles folder: one that stays inside is read like its target; one that leaves
 * the folder (`leak.txt → /etc/passwd`) is never followed, and is skipped by name with the reason.
 */

let root: string;
let dir: string;
const ARTICLE = 'Border talks resumed\n\nOfficials from both countries met in Tirana on Monday to resume the talks.\n';
const SECRET = 'Secret outside the folder\n\nThis text lives outside the articles folder and must never be quoted.\n';

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'casefile-links-'));
  dir = path.join(root, 'articles');
  await mkdir(path.join(dir, 'sub'), { recursive: true });
  await writeFile(path.join(dir, 'real.txt'), ARTICLE);
  await writeFile(path.join(dir, 'sub', 'nested.md'), ARTICLE.replace('Border', 'Harbour'));
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  await symlink(path.join(root, 'secret.txt'), path.join(dir, 'leak.txt'));
  await symlink('../secret.txt', path.join(dir, 'relative-leak.md'));
  await symlink('/etc/passwd', path.join(dir, 'passwd.txt'));
  await symlink('sub/nested.md', path.join(dir, 'inside.md'));
  await symlink(path.join(root, 'missing.txt'), path.join(dir, 'dangling.txt'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

it('skips symlinks that leave the folder, naming them, and reads one that stays inside', async () => {
  const { articles, skipped } = await loadCorpus(dir);
  expect(articles.map((a) => a.file)).toEqual(['inside.md', 'real.txt']);
  expect(articles.map((a) => a.text).join('')).not.toContain('outside the articles folder');
  const reasons = Object.fromEntries(skipped.map((s) => [s.file, s.reason]));
  expect(reasons).toEqual({
    'dangling.txt': 'symlink to nothing (its target is missing)',
    'leak.txt': 'symlink that leaves the articles folder (not followed)',
    'passwd.txt': 'symlink that leaves the articles folder (not followed)',
    'relative-leak.md': 'symlink that leaves the articles folder (not followed)',
  });
});

it('never reads a file outside the folder to verify quotes, whatever the index claims', async () => {
  const files = await ArticleFiles.read(dir, [
    { id: 'leak', file: 'leak.txt' },
    { id: 'up', file: '../secret.txt' },
    { id: 'real', file: 'real.txt' },
  ]);
  expect(files.contains('leak', 'must never be quoted')).toBe(false);
  expect(files.contains('up', 'must never be quoted')).toBe(false);
  expect(files.contains('real', 'met in Tirana on Monday')).toBe(true);
  expect(files.contains('real', '')).toBe(false);
});
