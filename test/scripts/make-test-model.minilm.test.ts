import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';
import { PRESETS } from '../../scripts/model/presets.js';
import { writeModel, type WrittenModel } from '../../scripts/model/write-model.js';
import { useLocalModels } from '../../harness/tiny-model.js';

/** The benchmark preset: all-MiniLM-L6-v2's shape with random weights (generated, never committed). */

let tmp: string;
let written: WrittenModel;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'minilm-'));
  written = writeModel({ preset: PRESETS.minilm, outDir: tmp });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test("has all-MiniLM-L6-v2's configuration and a 30522-token vocabulary", () => {
  const config = JSON.parse(readFileSync(path.join(written.dir, 'config.json'), 'utf8'));
  expect(config).toMatchObject({
    model_type: 'bert',
    hidden_size: 384,
    num_hidden_layers: 6,
    num_attention_heads: 12,
    intermediate_size: 1536,
    vocab_size: 30522,
    max_position_embeddings: 512,
    type_vocab_size: 2,
    layer_norm_eps: 1e-12,
  });
  const tokenizer = JSON.parse(readFileSync(path.join(written.dir, 'tokenizer.json'), 'utf8'));
  const ids = Object.values(tokenizer.model.vocab as Record<string, number>).sort((a, b) => a - b);
  expect(ids).toEqual(Array.from({ length: 30522 }, (_, i) => i));
  // Quantised like Xenova's export: about a quarter of the 90 MB float32 weights.
  const size = statSync(path.join(written.dir, 'onnx', 'model_quantized.onnx')).size;
  expect(size).toBeGreaterThan(20e6);
  expect(size).toBeLessThan(30e6);
});

test('loads through transformers.js and embeds text', async () => {
  useLocalModels(tmp);
  const extractor = (await pipeline('feature-extraction', written.id, { quantized: true })) as FeatureExtractionPipeline;
  try {
    const output = await extractor(['Albania cut diplomatic ties with Iran.'], { pooling: 'mean', normalize: true });
    expect(output.dims).toEqual([1, 384]);
    const v = Array.from(output.data as Float32Array);
    expect(v.every(Number.isFinite)).toBe(true);
    expect(Math.hypot(...v)).toBeCloseTo(1, 4);
  } finally {
    await extractor.dispose();
  }
});
