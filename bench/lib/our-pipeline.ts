import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadEngineConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/index/embedder.js';
import { Engine } from '../../src/engine.js';
import { readIndex } from '../../src/index/index-store.js';
import type { Passage } from '../../src/types.js';
import type { BenchModel } from './bench-models.js';

/** casefile's engine built from scratch in a throwaway folder, with what it took to build. */
export interface OurPipeline {
  engine: Engine;
  /** The passages it indexed (handed to the peer so both search the same chunks). */
  passages: Passage[];
  /** Model load + chunking + embedding + HNSW + writing the index. */
  buildSeconds: number;
  dispose(): Promise<void>;
}

/**
 * Opens an Engine over `articlesDir` with a fresh index in a temporary folder (never the
 * project's own `embeddings/`). `model` null gives the keyword-only engine.
 */
export async function openOurPipeline(root: string, articlesDir: string, model: BenchModel | null): Promise<OurPipeline> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-engine-'));
  try {
    const config = loadEngineConfig(
      {
        ARTICLES_DIR: articlesDir,
        EMBEDDINGS_DIR: path.join(dir, 'embeddings'),
        MODELS_DIR: model?.modelsDir ?? path.join(dir, 'models'),
        DATA_DIR: path.join(dir, 'data'),
        ...(model ? { MODEL_ID: model.modelId } : {}),
        MODEL_DOWNLOAD: 'false',
        LOG_LEVEL: 'silent',
      },
      root,
    );
    const started = performance.now();
    const embedder = model ? await loadEmbedder({ modelId: model.modelId, modelsDir: model.modelsDir, allowDownload: false }) : null;
    const engine = await Engine.open({ config, embedder });
    const buildSeconds = (performance.now() - started) / 1000;
    const expected = model ? 'hybrid' : 'keyword';
    if (engine.mode !== expected)
      throw new Error(`engine opened in ${engine.mode} mode, expected ${expected}: ${engine.status().modeReason ?? ''}`);
    const { passages } = await readIndex(path.join(dir, 'embeddings'));
    return { engine, passages, buildSeconds, dispose: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
