import type { AskOptions } from '../engine.js';
import type { Answer, IndexStatus, Passage, ScoredPassage } from '../types.js';

/**
 * The part of the retrieval engine (`src/engine.ts`) the bot uses. Declared here so the bot's
 * views and commands depend on what they call, not on how the engine is built.
 */
export interface BotEngine {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  search(query: string, k?: number): Promise<ScoredPassage[]>;
  status(): IndexStatus;
  passage(id: string): Passage | undefined;
  coverageHint(): string;
}

/** Looks articles up by id in the engine's status, for titles of "also reported by" sources. */
export function articleLookup(engine: BotEngine): (id: string) => IndexStatus['articles'][number] | undefined {
  const byId = new Map(engine.status().articles.map((a) => [a.id, a]));
  return (id) => byId.get(id);
}
