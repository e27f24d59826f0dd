import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SentenceIndex } from '../../../src/answer/sentence-index.js';
import { Engine } from '../../../src/engine.js';
import { IndexCorruptError, readIndex } from '../../../src/index/index-store.js';
import { sentenceKeys, similarityTo } from '../../../src/index/sentence-vectors.js';
import type { Embedder } from '../../../src/types.js';
import { cosine, loadMeaningEmbedder } from '../../helpers/meaning-embedder.js';
import { createWorkspace, type Workspace } from '../../../harness/workspace.js';

/** Sentence vectors: stored per distinct sentence, in the answer code's numbering, and used to rank quotes. */

let ws: Workspace;
let meaning: Embedder;
beforeAll(async () => (meaning = await loadMeaningEmbedder()));
beforeEach(async () => (ws = await createWorkspace()));
afterEach(() => ws.dispose());

test('row i is the vector of sentence i as the answer code numbers sentences, checksummed like passage vectors', async () => {
  await Engine.open({ config: ws.config, embedder: meaning });
  const index = await readIndex(ws.embeddingsDir);
  const text = new Map(index.articles.map((a) => [a.id, a.text]));
  const sentences = new SentenceIndex(index.passages, (id) => text.get(id)!);
  expect(sentenceKeys(index.passages)).toEqual(sentences.sentences.map((s) => `${s.articleId}:${s.start}`));
  expect(index.sentenceVectors).toHaveLength(sentences.sentences.length);
  for (const i of [0, 7, sentences.sentences.length - 1]) {
    const [fresh] = await meaning.embedPassages([sentences.sentences[i]!.text]);
    expect(cosine(fresh!, index.sentenceVectors![i]!)).toBeGreaterThan(0.999);
  }
  expect(similarityTo(index.sentenceVectors![3]!, index.sentenceVectors!)(3)).toBeCloseTo(1, 4);

  const file = path.join(ws.embeddingsDir, index.manifest.files.sentences!.name);
  const bytes = await readFile(file);
  bytes[0] = bytes[0]! ^ 0xff;
  await writeFile(file, bytes);
  await expect(readIndex(ws.embeddingsDir)).rejects.toThrow(IndexCorruptError);
});

test('the vector path answers a paraphrase that keyword search misses', async () => {
  // The answer speaks of "evidence" and "undeniable", never of being "sure" or "responsible".
  const question = 'How sure was Rama of who was responsible?';
  const keyword = await Engine.open({ config: ws.config, embedder: null });
  const hybrid = await Engine.open({ config: ws.config, embedder: meaning });
  const top3 = (a: Awaited<ReturnType<Engine['ask']>>) => a.citations.slice(0, 3).some((c) => /evidence/.test(c.quote));
  const [k, h] = [await keyword.ask(question), await hybrid.ask(question)];
  expect(top3(k)).toBe(false);
  expect(h.answered && top3(h)).toBe(true);
});
