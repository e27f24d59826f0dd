import { resolvePath, type EngineConfig } from '../config.js';
import { ModelUnavailableError } from '../errors.js';
import { silentLogger, type Logger } from '../logger.js';
import type { Embedder } from '../types.js';
import { loadEmbedder } from './embedder.js';

/** Loads the configured model, or explains why there is none. */
export async function resolveEmbedder(
  config: EngineConfig,
  logger: Logger = silentLogger,
): Promise<{ embedder: Embedder | null; reason?: string }> {
  try {
    const embedder = await loadEmbedder({
      modelId: config.MODEL_ID,
      modelsDir: resolvePath(config, config.MODELS_DIR),
      allowDownload: config.MODEL_DOWNLOAD,
    });
    return { embedder };
  } catch (error) {
    if (!(error instanceof ModelUnavailableError)) throw error;
    logger.warn('embedding model unavailable: answering in keyword mode', { reason: error.message });
    return { embedder: null, reason: error.message };
  }
}
