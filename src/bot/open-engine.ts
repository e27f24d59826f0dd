import { resolvePath, type BotConfig } from '../config.js';
import { Engine, manifestPath } from '../engine.js';
import { resolveEmbedder } from '../index/resolve-embedder.js';
import type { Logger } from '../logger.js';
import { loadEnglishWords } from '../text/dictionary.js';
import type { Embedder } from '../types.js';
import { EngineHolder, type EngineHolderOptions } from './engine-holder.js';
import { ModelStateLog } from './model-state.js';

export interface OpenEngineOptions extends Pick<EngineHolderOptions<Engine>, 'debounceMs' | 'pollMs'> {
  /** The model to use (null: keyword only). Omitted: the configured model, loaded here. */
  embedder?: Embedder | null;
}

/**
 * Opens the engine (building the index first if it is missing or stale) in a holder that swaps in
 * a fresh engine whenever `npm run reindex` replaces the manifest. The model is loaded once and
 * shared by every engine; when there is none, each open looks again and says why in its status.
 */
export async function openEngineHolder(config: BotConfig, logger: Logger, options: OpenEngineOptions = {}): Promise<EngineHolder<Engine>> {
  const given = options.embedder !== undefined;
  const modelState = new ModelStateLog(logger);
  // The model is loaded once and kept; while there is none, each open looks again (quietly: the
  // state log says "unavailable" once, and again only after the model has come and gone).
  let embedder: Embedder | null | undefined = options.embedder;
  let modelReason: string | undefined;
  const lookForModel = async () => {
    if (given || embedder) return;
    const found = await resolveEmbedder(config);
    modelState.report(found);
    ({ embedder, reason: modelReason } = found);
  };
  await lookForModel();
  let first = true;
  const holder = await EngineHolder.open<Engine>({
    manifest: manifestPath(resolvePath(config, config.EMBEDDINGS_DIR)),
    logger,
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    open: async () => {
      // Later opens load what the reindex wrote; rebuilding from the bot could race a running reindex.
      const refresh = first ? 'auto' : 'never';
      if (!first) await lookForModel();
      first = false;
      return Engine.open({ config, logger, embedder: embedder ?? null, ...(modelReason ? { modelReason } : {}), refresh });
    },
  });
  // Spelling's word lists, loaded before the first question rather than during it.
  const wordsStart = performance.now();
  loadEnglishWords();
  const status = holder.current().status();
  logger.info('engine ready', {
    wordListsMs: Math.round(performance.now() - wordsStart),
    mode: status.mode,
    modeReason: status.modeReason,
    model: status.model,
    articles: status.articles.length,
    passages: status.passages,
  });
  return holder;
}
