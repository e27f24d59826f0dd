import { mkdtemp, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ModelUnavailableError } from '../../../src/errors.js';
import { isModelPresent, loadEmbedder } from '../../../src/index/embedder.js';
import { profileFor } from '../../../src/index/model-profiles.js';
import { loadTinyEmbedder } from '../../helpers/tiny-embedder.js';
import { TINY_MODEL_DIR, TINY_MODEL_ID, TINY_MODEL_ROOT } from '../../../harness/tiny-model.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);

describe('loadEmbedder (through transformers.js, with the tiny model)', () => {
  it('embeds passages and queries into unit vectors of the model dimension', async () => {
    const embedder = await loadTinyEmbedder();
    expect(isModelPresent(TINY_MODEL_ROOT, TINY_MODEL_ID)).toBe(true);
    const [a, b] = await embedder.embedPassages(['Albania cut diplomatic ties with Iran.', 'The harbour lights were installed.']);
    const q = await embedder.embedQuery('diplomatic ties with Iran');
    for (const v of [a!, b!, q]) {
      expect(v).toHaveLength(embedder.dimensions);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 4);
    }
    expect(dot(q, a!)).toBeGreaterThan(dot(q, b!));
    expect(embedder.maxTokens).toBeGreaterThan(0);
    expect(embedder.countTokens('Albania cut ties')).toBeGreaterThanOrEqual(3);
  });

  it('embeds more passages than one batch in order', async () => {
    const embedder = await loadTinyEmbedder();
    const texts = Array.from({ length: 37 }, (_, i) => `Passage ${i} about the embassy in Tirana.`);
    const all = await embedder.embedPassages(texts);
    expect(all).toHaveLength(37);
    const [single] = await embedder.embedPassages([texts[30]!]);
    expect(dot(all[30]!, single!)).toBeCloseTo(1, 4);
  });

  it('fails with ModelUnavailableError when the model is absent and downloads are off', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'casefile-models-'));
    try {
      await expect(loadEmbedder({ modelId: 'nobody/missing', modelsDir: empty, allowDownload: false })).rejects.toBeInstanceOf(
        ModelUnavailableError,
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('fails with ModelUnavailableError, naming the model, when the weights are corrupt', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'casefile-models-'));
    try {
      const dir = path.join(root, 'casefile', 'broken');
      await mkdir(dir, { recursive: true });
      await cp(TINY_MODEL_DIR, dir, { recursive: true });
      await writeFile(path.join(dir, 'onnx', 'model_quantized.onnx'), 'not an onnx file');
      await expect(loadEmbedder({ modelId: 'casefile/broken', modelsDir: root, allowDownload: false })).rejects.toThrow(
        /casefile\/broken could not be loaded/,
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('model profiles', () => {
  it('applies bge query instructions and CLS pooling, and sentence-transformers defaults otherwise', () => {
    expect(profileFor('Xenova/bge-small-en-v1.5')).toMatchObject({
      pooling: 'cls',
      queryPrefix: expect.stringContaining('Represent this sentence'),
      passagePrefix: '',
    });
    expect(profileFor('Xenova/e5-small-v2')).toMatchObject({ queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    expect(profileFor('casefile/tiny-bert')).toEqual({ pooling: 'mean', queryPrefix: '', passagePrefix: '' });
  });
});
