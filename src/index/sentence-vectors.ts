import type { Embedder, Passage } from '../types.js';

/**
 * Sentence vectors: one per distinct sentence of the corpus, so that quote selection can rank a
 * passage's sentences by meaning, not only by the words they share with the question. Overlapping
 * passages share sentences; each is embedded once. Rows follow {@link sentenceKeys}, the order in
 * which `SentenceIndex` numbers sentences, so row i is sentence i there.
 */

/** `${articleId}:${start}` of every distinct sentence, in passage order then sentence order. */
export function sentenceKeys(passages: readonly Passage[]): string[] {
  const seen = new Set<string>();
  const keys: string[] = [];
  for (const passage of passages) {
    for (const span of passage.sentences) {
      const key = `${passage.articleId}:${span.start}`;
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  return keys;
}

/** What the previous index holds, to reuse vectors of sentences whose article did not change. */
export interface PreviousSentences {
  passages: readonly Passage[];
  vectors: readonly Float32Array[];
  /** Articles whose text, chunking and model are unchanged since then. */
  reusable: ReadonlySet<string>;
}

/**
 * Vectors of every sentence of `passages`: reused from `previous` for unchanged articles,
 * embedded (in batches, as passages are) for the rest. Returns the rows and how many were embedded.
 */
export async function embedSentences(
  embedder: Embedder,
  passages: readonly Passage[],
  textOf: (articleId: string) => string,
  previous: PreviousSentences | null,
  batchSize = 16,
): Promise<{ vectors: Float32Array[]; embedded: number }> {
  const old = new Map<string, Float32Array>();
  if (previous) {
    sentenceKeys(previous.passages).forEach((key, i) => {
      if (previous.reusable.has(key.slice(0, key.lastIndexOf(':'))) && previous.vectors[i]) old.set(key, previous.vectors[i]!);
    });
  }
  const spans = new Map<string, { articleId: string; start: number; end: number }>();
  for (const p of passages) for (const s of p.sentences) spans.set(`${p.articleId}:${s.start}`, { articleId: p.articleId, ...s });
  const keys = sentenceKeys(passages);
  const vectors: Array<Float32Array | undefined> = keys.map((key) => old.get(key));
  const todo = keys.flatMap((_key, i) => (vectors[i] ? [] : [i]));
  for (let k = 0; k < todo.length; k += batchSize) {
    const rows = todo.slice(k, k + batchSize);
    const texts = rows.map((r) => {
      const span = spans.get(keys[r]!)!;
      return textOf(span.articleId).slice(span.start, span.end);
    });
    const embedded = await embedder.embedPassages(texts);
    rows.forEach((r, j) => (vectors[r] = embedded[j]!));
  }
  return { vectors: vectors as Float32Array[], embedded: todo.length };
}

/** Cosine similarity of sentence i to `query` (unit vectors), computed only for the sentences asked about. */
export function similarityTo(query: Float32Array, vectors: readonly Float32Array[]): (sentenceIndex: number) => number {
  return (i) => {
    const v = vectors[i];
    if (!v) return 0;
    let sum = 0;
    for (let d = 0; d < v.length; d++) sum += (v[d] as number) * (query[d] as number);
    return sum;
  };
}
