import type { Embedder } from '../../src/types.js';

/**
 * An Embedder that can run query embeddings that arrive together as one batched inference, to
 * measure whether micro-batching concurrent questions pays. Bench-only: the product embeds each
 * query on its own (see bench/README.md for the measurement behind that).
 *
 * With batching on, the first query waits one `setImmediate` so that every query asked in the
 * same tick joins it; while a batch runs, newly arrived queries queue and form the next batch, so
 * batches grow with load and a lone query never waits for a timer. Batches hold at most
 * `maxBatch` queries. Batches go through `embedPassages`, which equals `embedQuery` only for
 * models without a query prefix: {@link queryPrefixDrift} checks that before a run.
 */
export class MicroBatchingEmbedder implements Embedder {
  /** Off: every call goes straight to the wrapped embedder. */
  batching = false;
  /** Sizes of the batches run so far. */
  readonly batches: number[] = [];
  private queue: Array<{ text: string; resolve: (v: Float32Array) => void; reject: (e: unknown) => void }> = [];
  private scheduled = false;
  private running = false;

  constructor(
    private readonly inner: Embedder,
    public maxBatch = 16,
  ) {}

  get modelId(): string {
    return this.inner.modelId;
  }
  get dimensions(): number {
    return this.inner.dimensions;
  }
  get maxTokens(): number {
    return this.inner.maxTokens;
  }

  embedPassages(texts: string[]): Promise<Float32Array[]> {
    return this.inner.embedPassages(texts);
  }

  countTokens(text: string): number {
    return this.inner.countTokens(text);
  }

  embedQuery(text: string): Promise<Float32Array> {
    if (!this.batching) return this.inner.embedQuery(text);
    return new Promise((resolve, reject) => {
      this.queue.push({ text, resolve, reject });
      if (!this.scheduled && !this.running) {
        this.scheduled = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Runs queued queries batch after batch, one inference at a time, until the queue is empty. */
  private async drain(): Promise<void> {
    this.scheduled = false;
    this.running = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        this.batches.push(batch.length);
        try {
          const vectors = await this.inner.embedPassages(batch.map((b) => b.text));
          batch.forEach((b, i) => b.resolve(vectors[i]!));
        } catch (error) {
          // Every caller in the failed batch gets the error; later batches still run.
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

/**
 * Largest absolute difference between `embedPassages` and `embedQuery` vectors of `texts`, each
 * text embedded alone: non-zero means the model gives queries a prefix, and batches sent through
 * `embedPassages` would not be query vectors.
 */
export async function queryPrefixDrift(embedder: Embedder, texts: readonly string[]): Promise<number> {
  let worst = 0;
  for (const text of texts)
    worst = Math.max(worst, maxAbsDiff(await embedder.embedQuery(text), (await embedder.embedPassages([text]))[0]!));
  return worst;
}

/**
 * Largest absolute difference between each text's vector embedded alone and in one batch with
 * the others. Quantized models scale activations per batch, so this is small but not zero.
 */
export async function batchDrift(embedder: Embedder, texts: readonly string[]): Promise<number> {
  const batched = await embedder.embedPassages([...texts]);
  let worst = 0;
  for (const [i, text] of texts.entries()) worst = Math.max(worst, maxAbsDiff(await embedder.embedQuery(text), batched[i]!));
  return worst;
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let worst = a.length === b.length ? 0 : Number.POSITIVE_INFINITY;
  for (let d = 0; d < a.length; d++) worst = Math.max(worst, Math.abs(a[d]! - b[d]!));
  return worst;
}
