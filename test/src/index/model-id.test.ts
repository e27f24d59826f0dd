import { ConfigError } from '../../../src/errors.js';
import { loadEngineConfig } from '../../../src/config.js';
import { isHubModelId, loadEmbedder, ModelUnavailableError } from '../../../src/index/embedder.js';

/** MODEL_ID names a folder inside MODELS_DIR: `../` once loaded a model from outside it. */

const outside = ['../../outside/model', '../x', 'a/../../b', '/abs/model', 'owner/name/extra', 'owner', '..\\x/y', 'a/..'];

it('accepts hub-style ids and refuses anything else', () => {
  for (const ok of ['Xenova/bge-small-en-v1.5', 'casefile/tiny-bert', 'sentence-transformers/all-MiniLM-L6-v2']) {
    expect(isHubModelId(ok)).toBe(true);
  }
  for (const bad of outside) expect(isHubModelId(bad)).toBe(false);
});

it.each(outside)('the config refuses MODEL_ID %s, naming the key', (id) => {
  expect(() => loadEngineConfig({ MODEL_ID: id }, '/tmp')).toThrow(ConfigError);
  expect(() => loadEngineConfig({ MODEL_ID: id }, '/tmp')).toThrow(/MODEL_ID must be a hub-style model id/);
});

it.each(outside)('loading model %s gives ModelUnavailableError (keyword mode), never a path outside', async (id) => {
  await expect(loadEmbedder({ modelId: id, modelsDir: '/tmp/models', allowDownload: false })).rejects.toThrow(ModelUnavailableError);
});
