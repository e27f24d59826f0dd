import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadEmbedder } from '../../../src/index/embedder.js';
import { TINY_MODEL_ID, TINY_MODEL_ROOT } from '../../../harness/tiny-model.js';

/** A config without `hidden_size` (DistilBERT-style `dim`) once meant RangeError; the width now comes from the output. */

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'casefile-dims-'));
  await cp(TINY_MODEL_ROOT, root, { recursive: true });
  const configFile = path.join(root, TINY_MODEL_ID, 'config.json');
  const { hidden_size, ...config } = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
  await writeFile(configFile, JSON.stringify({ ...config, dim: hidden_size }));
});
afterAll(() => rm(root, { recursive: true, force: true }));

it('takes the dimension from the model output when the config has no hidden_size', async () => {
  const usual = await loadEmbedder({ modelId: TINY_MODEL_ID, modelsDir: TINY_MODEL_ROOT, allowDownload: false });
  const renamed = await loadEmbedder({ modelId: TINY_MODEL_ID, modelsDir: root, allowDownload: false });
  expect(renamed.dimensions).toBe(usual.dimensions);
  expect(renamed.dimensions).toBeGreaterThan(0);
  expect((await renamed.embedQuery('Albania cut ties with Iran')).length).toBe(renamed.dimensions);
});
