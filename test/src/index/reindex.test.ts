import { appendFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isArticleFile } from '../../../src/articles/corpus.js';
import { readIndex } from '../../../src/index/index-store.js';
import { sentenceKeys } from '../../../src/index/sentence-vectors.js';
import { reindex } from '../../../src/index/reindex.js';
import type { Embedder } from '../../../src/types.js';
import { countingEmbedder, loadTinyEmbedder } from '../../helpers/tiny-embedder.js';
import { createWorkspace, type Workspace } from '../../../harness/workspace.js';

describe('reindex', () => {
  let ws: Workspace;
  let tiny: Embedder;
  beforeAll(async () => (tiny = await loadTinyEmbedder()));
  beforeEach(async () => (ws = await createWorkspace()));
  afterEach(() => ws.dispose());

  const run = (embedder: Embedder | null, extra: Partial<Parameters<typeof reindex>[0]> = {}) =>
    reindex({ articlesDir: ws.articlesDir, embeddingsDir: ws.embeddingsDir, embedder, ...extra });

  it('embeds everything once, then nothing when no article changed', async () => {
    const first = countingEmbedder(tiny);
    const cold = await run(first);
    const files = (await readdir(ws.articlesDir)).filter(isArticleFile).length;
    expect(cold.added).toHaveLength(files);
    expect(cold.embedded).toBe(cold.passages);
    // Passages and, once each, their sentences (overlapping passages share sentences).
    expect(cold.embeddedSentences).toBe(cold.sentences);
    expect(first.embedded).toBe(cold.passages + cold.sentences);

    const second = countingEmbedder(tiny);
    const warm = await run(second);
    expect(second.embedded).toBe(0);
    expect(warm.embeddedSentences).toBe(0);
    expect(warm.unchanged).toHaveLength(files);
    expect(warm.passages).toBe(cold.passages);
    const index = await readIndex(ws.embeddingsDir);
    expect(index.vectors).toHaveLength(index.passages.length);
  });

  it('re-embeds only a changed article and drops a removed one', async () => {
    await run(tiny);
    const [changed, removed] = (await readdir(ws.articlesDir)).sort();
    await appendFile(path.join(ws.articlesDir, changed!), '\nThe ministry published a further statement on Thursday.\n');
    await rm(path.join(ws.articlesDir, removed!));
    const counter = countingEmbedder(tiny);
    const summary = await run(counter);
    const changedId = changed!.replace(/\.txt$/, '');
    const index = await readIndex(ws.embeddingsDir);
    expect(summary.changed).toEqual([changedId]);
    expect(summary.removed).toEqual([removed!.replace(/\.txt$/, '')]);
    const own = index.passages.filter((p) => p.articleId === changedId);
    expect(counter.embedded).toBe(own.length + sentenceKeys(own).length);
    expect(summary.embeddedSentences).toBe(sentenceKeys(own).length);
    expect(index.sentenceVectors).toHaveLength(summary.sentences);
    expect(index.passages.some((p) => p.articleId === summary.removed[0])).toBe(false);
    expect(index.passages.some((p) => p.text.includes('further statement on Thursday'))).toBe(true);
  });

  it('skips bad articles by name with a reason and still indexes the good ones', async () => {
    await writeFile(path.join(ws.articlesDir, 'empty.txt'), '   \n');
    await writeFile(path.join(ws.articlesDir, 'binary.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]));
    const summary = await run(null);
    expect(summary.skipped.map((s) => s.file).sort()).toEqual(['binary.txt', 'empty.txt']);
    for (const s of summary.skipped) expect(s.reason.length).toBeGreaterThan(3);
    expect(summary.added.length).toBeGreaterThanOrEqual(5);
    expect((await readIndex(ws.embeddingsDir)).manifest.skipped).toHaveLength(2);
  });

  it('re-embeds everything when the model changes', async () => {
    await run(tiny);
    const other = countingEmbedder(tiny, { modelId: 'casefile/other-model' });
    const summary = await run(other);
    expect(other.embedded).toBe(summary.passages + summary.sentences);
    expect((await readIndex(ws.embeddingsDir)).manifest.model?.id).toBe('casefile/other-model');
  });

  it('leaves the previous index intact when interrupted mid-embedding', async () => {
    await run(tiny);
    const before = await readIndex(ws.embeddingsDir);
    await appendFile(path.join(ws.articlesDir, (await readdir(ws.articlesDir))[0]!), '\nA new paragraph that needs embedding.\n');
    await expect(
      run(tiny, {
        batchSize: 2,
        onProgress: (done) => {
          if (done > 0) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const after = await readIndex(ws.embeddingsDir);
    expect(after.manifest.generation).toBe(before.manifest.generation);
    expect(after.passages).toEqual(before.passages);
  });
});
