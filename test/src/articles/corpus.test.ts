import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusError } from '../../../src/errors.js';
import { formatBytes, loadCorpus, type LoadedArticle } from '../../../src/articles/corpus.js';
import { blockTexts, expectCleanSlices } from '../../helpers/spans.js';

const SHIPPED = fileURLToPath(new URL('../../../data/articles/', import.meta.url));
const MIXED = fileURLToPath(new URL('../../fixtures/articles/mixed/', import.meta.url));

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'casefile-corpus-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const byId = (articles: LoadedArticle[], prefix: string): LoadedArticle => articles.find((a) => a.id.startsWith(prefix))!;

describe('loadCorpus on the shipped articles', () => {
  it('loads all five, sorted by file name, with ids, hashes and the file text', async () => {
    const { articles, skipped } = await loadCorpus(SHIPPED);
    expect(skipped).toEqual([]);
    expect(articles.map((a) => a.file)).toEqual([...articles.map((a) => a.file)].sort());
    expect(articles.map((a) => a.id.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
    for (const a of articles) {
      const bytes = await readFile(path.join(SHIPPED, a.file));
      expect(a.id).toBe(a.file.replace(/\.txt$/, ''));
      expect(a.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(a.text).toBe(bytes.toString('utf8'));
      expectCleanSlices(a.text, a.blocks);
    }
  });

  it('takes headlines as titles, and marks titles derived from a lead', async () => {
    const { articles } = await loadCorpus(SHIPPED);
    expect(byId(articles, '000')).toMatchObject({
      title: 'Albania Orders All Iranian Diplomats, Embassy Staff To Leave',
      titleSource: 'headline',
    });
    expect(byId(articles, '001')).toMatchObject({
      title: "Albania severs diplomatic ties with Iran over 'cyberattack'",
      titleSource: 'headline',
    });
    const a002 = byId(articles, '002');
    expect(a002.titleSource).toBe('lead');
    expect(a002.title).toMatch(/^Albania decided to “terminate” diplomatic relations with Iran\b.*…$/);
    expect(a002.title.length).toBeLessThanOrEqual(81);
    const a004 = byId(articles, '004');
    expect(a004.titleSource).toBe('lead');
    expect(a004.title).toMatch(/^The President, Vjosa Osmani, has condemned .*…$/);
  });

  it('sets outlet, author, date and url only where the text states them', async () => {
    const { articles } = await loadCorpus(SHIPPED);
    const meta = (a: LoadedArticle) => ({ outlet: a.outlet, author: a.author, date: a.date, url: a.url });
    expect(meta(byId(articles, '000'))).toEqual({ outlet: undefined, author: undefined, date: undefined, url: undefined });
    expect(meta(byId(articles, '002'))).toEqual({
      outlet: 'AA',
      author: 'Busra Nur Cakmak and Fatjon Cuka',
      date: undefined,
      url: undefined,
    });
    // 004 ends with a tweet dated September 7, 2022: that is the tweet's date, not the article's.
    for (const prefix of ['001', '003', '004']) expect(meta(byId(articles, prefix))).toEqual(meta(byId(articles, '000')));
    for (const a of articles)
      expect(
        Object.keys(a).filter((k) => ['outlet', 'author', 'date', 'url'].includes(k) && a[k as keyof LoadedArticle] === undefined),
      ).toEqual([]);
  });

  it('gives the same result on every load', async () => {
    expect(await loadCorpus(SHIPPED)).toEqual(await loadCorpus(SHIPPED));
  });
});

describe('loadCorpus with good and bad files', () => {
  it('loads the good files and names each bad one with its reason', async () => {
    const { articles, skipped } = await loadCorpus(MIXED);
    expect(articles.map((a) => a.file)).toEqual(['boilerplate-laden.txt', 'front-matter.md', 'hard-wrapped.md']);
    expect(skipped).toEqual([
      { file: 'empty.txt', reason: 'empty file' },
      { file: 'invalid-utf8.txt', reason: 'not valid UTF-8' },
      { file: 'no-title.txt', reason: expect.stringMatching(/^no usable title/) },
      { file: 'only-boilerplate.txt', reason: 'no body text left after removing boilerplate' },
      { file: 'unterminated-front-matter.md', reason: 'malformed front matter: no closing --- line' },
      { file: 'whitespace.txt', reason: 'empty file (only whitespace)' },
    ]);
    for (const a of articles) expectCleanSlices(a.text, a.blocks);
  });

  it('ignores dotfiles and files that are not .txt or .md', async () => {
    const { articles, skipped } = await loadCorpus(MIXED);
    const seen = [...articles.map((a) => a.file), ...skipped.map((s) => s.file)];
    expect(seen).not.toContain('.hidden.txt');
    expect(seen).not.toContain('notes.json');
    expect(seen).toHaveLength(9);
  });

  it('lets front matter win, with offsets into the body after it', async () => {
    const { articles } = await loadCorpus(MIXED);
    const a = articles.find((x) => x.id === 'front-matter')!;
    expect(a).toMatchObject({
      title: 'Iran: Albania\'s decision is "short-sighted"',
      titleSource: 'front-matter',
      outlet: 'Example Wire',
      date: '2022-09-08',
      url: 'https://example.org/iran-albania',
      author: 'Jane Doe',
    });
    const raw = await readFile(path.join(MIXED, 'front-matter.md'), 'utf8');
    expect(raw.endsWith(a.text)).toBe(true);
    expect(a.text.startsWith('# A headline the front matter overrides\n')).toBe(true);
    expect(blockTexts(a.text, a.blocks)).toEqual([
      "Iran's foreign ministry called Albania's decision to cut diplomatic ties short-sighted on Thursday.",
      'Albania had given Iranian diplomats 24 hours to leave the country.',
    ]);
  });

  it('reads byline, date line and dateline of a boilerplate-laden article and keeps only its body', async () => {
    const { articles } = await loadCorpus(MIXED);
    const a = articles.find((x) => x.id === 'boilerplate-laden')!;
    expect(a).toMatchObject({
      title: 'Tirana expels Iranian envoys over hack',
      titleSource: 'headline',
      author: 'Ana Smith and Ben Jones',
      date: 'September 8, 2022',
      outlet: 'XW',
    });
    expect(a.url).toBeUndefined();
    expect(blockTexts(a.text, a.blocks)).toEqual([
      "Albania told Iran's diplomats on Wednesday to leave within 24 hours after blaming Tehran for a July cyberattack.",
      'The ambassador left the embassy in a convoy shortly after noon.',
      'Officials said the attack had disabled public websites for days.',
      'Diplomats from both countries have been expelled before, most recently in 2020.',
      'Officials said they "stand with Albania".',
    ]);
  });

  it('skips a file over the size cap, default 1 MiB or as configured', async () => {
    await copyFile(path.join(MIXED, 'hard-wrapped.md'), path.join(tmp, 'good.md'));
    const paragraph = 'Albania cut diplomatic ties with Iran after the July cyberattack on its government.\n\n';
    await writeFile(
      path.join(tmp, 'huge.txt'),
      `Huge article headline\n\n${paragraph.repeat(Math.ceil((2.3 * 1024 * 1024) / paragraph.length))}`,
    );
    const byDefault = await loadCorpus(tmp);
    expect(byDefault.articles.map((a) => a.file)).toEqual(['good.md']);
    expect(byDefault.skipped).toEqual([{ file: 'huge.txt', reason: 'larger than 1 MiB (2.3 MiB)' }]);

    const raised = await loadCorpus(tmp, { maxBytes: 3 * 1024 * 1024 });
    expect(raised.articles.map((a) => a.file)).toEqual(['good.md', 'huge.txt']);
    const lowered = await loadCorpus(tmp, { maxBytes: 100 });
    expect(lowered.skipped.map((s) => s.reason)).toEqual(['larger than 100 bytes (327 bytes)', 'larger than 100 bytes (2.3 MiB)']);
  });

  it('skips a second file with the same id, naming the first', async () => {
    await copyFile(path.join(MIXED, 'hard-wrapped.md'), path.join(tmp, 'story.md'));
    await copyFile(path.join(MIXED, 'boilerplate-laden.txt'), path.join(tmp, 'story.txt'));
    const { articles, skipped } = await loadCorpus(tmp);
    expect(articles.map((a) => a.file)).toEqual(['story.md']);
    expect(skipped).toEqual([{ file: 'story.txt', reason: 'same id "story" as story.md' }]);
  });

  it('skips a file with NUL bytes and ignores folders named like articles', async () => {
    await writeFile(path.join(tmp, 'binary.txt'), Buffer.from([0x41, 0x00, 0x42, 0x0a]));
    await mkdir(path.join(tmp, 'folder.txt'));
    expect(await loadCorpus(tmp)).toEqual({ articles: [], skipped: [{ file: 'binary.txt', reason: 'binary file (contains NUL bytes)' }] });
  });

  it('throws a CorpusError naming a missing folder, or a path that is not a folder', async () => {
    const missing = path.join(tmp, 'no-such-folder');
    await expect(loadCorpus(missing)).rejects.toThrow(CorpusError);
    await expect(loadCorpus(missing)).rejects.toMatchObject({ context: { path: missing }, message: expect.stringContaining(missing) });
    const file = path.join(tmp, 'a-file.txt');
    await writeFile(file, 'text');
    await expect(loadCorpus(file)).rejects.toMatchObject({ name: 'CorpusError', message: expect.stringContaining('not a folder') });
  });

  it('rejects a size cap that is not a positive number', async () => {
    await expect(loadCorpus(tmp, { maxBytes: 0 })).rejects.toThrow(/maxBytes/);
  });
});

describe('formatBytes', () => {
  it('uses bytes, KiB and MiB with one decimal', () => {
    expect([formatBytes(300), formatBytes(1536), formatBytes(1024 * 1024), formatBytes(2.34 * 1024 * 1024)]).toEqual([
      '300 bytes',
      '1.5 KiB',
      '1 MiB',
      '2.3 MiB',
    ]);
  });
});
