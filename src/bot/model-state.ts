import type { Logger } from '../logger.js';

/** What one attempt to load the embedding model found (as `resolveEmbedder` returns it). */
export interface ModelLookup {
  embedder: unknown;
  reason?: string;
}

/**
 * Says whether the embedding model is available once per change of state, not once per lookup.
 * The bot looks for the model at start and again on every hot reload while it has none (so a
 * model copied in later is picked up); without this each lookup repeated the same warning.
 */
export class ModelStateLog {
  #available: boolean | undefined;

  constructor(private readonly logger: Logger) {}

  /** Records a lookup; logs only when availability differs from the last lookup (or is the first). */
  report(lookup: ModelLookup): void {
    const available = lookup.embedder !== null && lookup.embedder !== undefined;
    if (available === this.#available) return;
    const before = this.#available;
    this.#available = available;
    if (!available) this.logger.warn('embedding model unavailable: answering in keyword mode', { reason: lookup.reason });
    // A model found at start is announced by "engine ready"; say so only when it comes back.
    else if (before === false) this.logger.info('embedding model available again: hybrid mode from the next index');
  }
}
