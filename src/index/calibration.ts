import { z } from 'zod';
import { CALIBRATION_PROBES_VERSION, OFF_TOPIC_PROBES } from './calibration-probes.js';
import type { Embedder, Passage } from '../types.js';

/**
 * How similar the configured model finds questions that the articles do not cover, measured on
 * this corpus at reindex. A passage may answer a question on meaning alone (without sharing its
 * words) only when it is more similar than almost every off-topic probe was to its best passage.
 * A model that does not tell on-topic probes (each article's title, asked of the other articles)
 * from off-topic ones gets no such threshold: meaning-only answers are off.
 */

/**
 * Share of off-topic probes a meaning-only answer must beat: all of them. A lower quantile would
 * let the top few probes (and questions like them) be answered with quotes that share no words.
 */
export const OFF_TOPIC_QUANTILE = 1;
/**
 * Added to the quantile: the vector index computes similarities in float32 and they are stored
 * rounded, so a question as close as the nearest probe must not pass on rounding.
 */
const MARGIN = 0.01;
/** Share of on-topic probes that must clear the threshold for the model to count as separating them. */
const ON_TOPIC_SHARE = 0.5;

export const calibrationSchema = z.object({
  probesVersion: z.number().int(),
  /** Best passage similarity of each off-topic probe, ascending. */
  offTopic: z.array(z.number()),
  /** Best similarity of each article title to another article's passage, ascending. */
  onTopic: z.array(z.number()),
  quantile: z.number(),
  /** Similarity above which meaning alone may answer; null when the model does not separate the probes. */
  threshold: z.number().nullable(),
});

/** A stored calibration (see the module comment). */
export type Calibration = z.infer<typeof calibrationSchema>;

/** The value below which a share `q` of the sorted values lie (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/** Best similarity of `query` to the passages `rows` allows (exact: the probes are few). */
function best(query: Float32Array, vectors: readonly Float32Array[], rows: (i: number) => boolean): number {
  let top = -1;
  vectors.forEach((v, i) => {
    if (rows(i)) top = Math.max(top, dot(query, v));
  });
  return top;
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

/** Decides the threshold from the two distributions. */
export function threshold(offTopic: readonly number[], onTopic: readonly number[]): number | null {
  if (offTopic.length === 0 || onTopic.length < 2) return null;
  const t = round(quantile(offTopic, OFF_TOPIC_QUANTILE) + MARGIN);
  const cleared = onTopic.filter((s) => s > t).length;
  return cleared / onTopic.length > ON_TOPIC_SHARE ? t : null;
}

/** Embeds the probes and measures them against the corpus's passage vectors. */
export async function calibrate(
  embedder: Embedder,
  passages: readonly Passage[],
  vectors: readonly Float32Array[],
  titles: ReadonlyMap<string, string>,
): Promise<Calibration> {
  // The probes are embedded all at once: one at a time, a slow model (or a loaded machine) would
  // hold up every reindex by the time of some fifty query embeddings in a row.
  const offTopic = (await Promise.all(OFF_TOPIC_PROBES.map((probe) => embedder.embedQuery(probe)))).map((q) =>
    round(best(q, vectors, () => true)),
  );
  const probes = [...titles].filter(([articleId, title]) => title.trim() && passages.some((p) => p.articleId !== articleId));
  const onTopic = await Promise.all(
    probes.map(async ([articleId, title]) =>
      round(best(await embedder.embedQuery(title), vectors, (i) => passages[i]!.articleId !== articleId)),
    ),
  );
  offTopic.sort((a, b) => a - b);
  onTopic.sort((a, b) => a - b);
  return {
    probesVersion: CALIBRATION_PROBES_VERSION,
    offTopic,
    onTopic,
    quantile: OFF_TOPIC_QUANTILE,
    threshold: threshold(offTopic, onTopic),
  };
}
