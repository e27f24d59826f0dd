import type { IndexStatus, RetrievalMode } from '../types.js';
import type { StoredIndex } from './index-store.js';

/**
 * What an open index says about itself to members and operators (/sources, /help, `ask --json`,
 * the health check): its model, articles, skipped files and meaning-only calibration, with the mode
 * it is searched in and why.
 */

/** How the index is searched, which the index itself can't know. */
export interface SearchedAs {
  mode: RetrievalMode;
  /** Why the mode is keyword; undefined in any other mode. */
  modeReason: string | undefined;
  /** Whether the model is used, so its calibration applies (a model in keyword mode has no say). */
  modelInUse: boolean;
}

/** The status of `index`, searched as `searched` says. */
export function indexStatus(index: StoredIndex, { mode, modeReason, modelInUse }: SearchedAs): IndexStatus {
  const m = index.manifest;
  return {
    model: m.model?.id ?? null,
    mode,
    ...(modeReason ? { modeReason } : {}),
    builtAt: m.builtAt,
    passages: m.passageCount,
    dimensions: m.model?.dimensions ?? 0,
    articles: index.articles.map(({ text: _text, hash: _hash, ...meta }) => ({
      ...meta,
      passages: m.articles.find((a) => a.id === meta.id)?.passages ?? 0,
    })),
    skipped: m.skipped,
    ...(modelInUse && m.calibration
      ? {
          meaningOnly: {
            threshold: m.calibration.threshold,
            quantile: m.calibration.quantile,
            offTopicProbes: m.calibration.offTopic.length,
            onTopicProbes: m.calibration.onTopic.length,
          },
        }
      : {}),
  };
}
