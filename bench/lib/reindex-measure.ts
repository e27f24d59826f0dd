import { reindex } from '../../src/index/reindex.js';
import type { Embedder } from '../../src/types.js';
import { round } from '../../src/round.js';

/** Where a reindex spent its time, in seconds. */
export interface ReindexPhases {
  /** Reading and cleaning the articles, reading the previous index, chunking. */
  loadChunk: number;
  /** Embedding the passages that need it. */
  embed: number;
  /** Flattening vectors, building the HNSW graph, writing and checksumming the files, the manifest switch. */
  write: number;
}

/** One timed reindex: the product's summary figures (not its id lists) plus the phase split. */
export interface TimedReindex {
  seconds: number;
  articles: number;
  passages: number;
  /** Passages embedded this run (0 when nothing changed). */
  embedded: number;
  phases: ReindexPhases;
  /** Embedding throughput of the embed phase alone; null when nothing was embedded. */
  embedPassagesPerSecond: number | null;
}

/**
 * Runs the product's `reindex` and splits its wall time into phases from its progress callback,
 * without instrumenting product code: reindex reports `(0, total)` once chunking is done and
 * before the first embedding call, and `(total, total)` after the last one; everything after
 * that is the write (HNSW build included, which happens inside `writeIndex`).
 */
export async function timedReindex(articlesDir: string, embeddingsDir: string, embedder: Embedder): Promise<TimedReindex> {
  const started = performance.now();
  let chunked: number | undefined;
  let embedded: number | undefined;
  const summary = await reindex({
    articlesDir,
    embeddingsDir,
    embedder,
    onProgress: (done, total) => {
      const now = performance.now();
      chunked ??= now;
      if (done === total) embedded = now;
    },
  });
  const ended = performance.now();
  chunked ??= ended;
  embedded ??= chunked;
  const phases = { loadChunk: (chunked - started) / 1000, embed: (embedded - chunked) / 1000, write: (ended - embedded) / 1000 };
  return {
    seconds: round((ended - started) / 1000),
    articles: summary.added.length + summary.changed.length + summary.unchanged.length,
    passages: summary.passages,
    embedded: summary.embedded,
    phases: { loadChunk: round(phases.loadChunk), embed: round(phases.embed), write: round(phases.write) },
    embedPassagesPerSecond: summary.embedded > 0 && phases.embed > 0 ? round(summary.embedded / phases.embed) : null,
  };
}

/** Share of `run`'s time in each phase, as whole percentages (they may not sum to exactly 100). */
export function phaseShares(run: TimedReindex): ReindexPhases {
  const total = run.phases.loadChunk + run.phases.embed + run.phases.write || 1;
  const pct = (v: number) => Math.round((v / total) * 100);
  return { loadChunk: pct(run.phases.loadChunk), embed: pct(run.phases.embed), write: pct(run.phases.write) };
}
