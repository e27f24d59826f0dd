import { batchDrift, MicroBatchingEmbedder, queryPrefixDrift } from '../../../bench/lib/query-batching.js';
import type { Embedder } from '../../../src/types.js';
import { loadTinyEmbedder } from '../../helpers/tiny-embedder.js';

/** A fake model: each text's vector is [its length, its batch's size]; records every batch. */
function fakeEmbedder(fail?: (texts: string[]) => boolean): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    modelId: 'fake',
    dimensions: 2,
    maxTokens: 512,
    async embedPassages(texts) {
      calls.push(texts);
      if (fail?.(texts)) throw new Error(`batch of ${texts.length} failed`);
      return texts.map((t) => Float32Array.of(t.length, texts.length));
    },
    async embedQuery(text) {
      return Float32Array.of(text.length, 1);
    },
    countTokens: (t) => t.length,
  };
}

describe('MicroBatchingEmbedder', () => {
  it('passes queries straight through while batching is off', async () => {
    const inner = fakeEmbedder();
    const e = new MicroBatchingEmbedder(inner);
    expect([...(await e.embedQuery('abc'))]).toEqual([3, 1]);
    expect(inner.calls).toEqual([]);
  });

  it('runs queries asked in the same tick as batches of at most maxBatch, in order, each caller getting its own vector', async () => {
    const inner = fakeEmbedder();
    const e = new MicroBatchingEmbedder(inner, 4);
    e.batching = true;
    const texts = Array.from({ length: 10 }, (_, i) => 'x'.repeat(i + 1));
    const vectors = await Promise.all(texts.map((t) => e.embedQuery(t)));
    expect(inner.calls.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(inner.calls.flat()).toEqual(texts);
    expect(e.batches).toEqual([4, 4, 2]);
    expect(vectors.map((v) => v[0])).toEqual(texts.map((t) => t.length));
  });

  it('gives every caller in a failed batch the error, and still runs the batches after it', async () => {
    const inner = fakeEmbedder((texts) => texts.includes('bad'));
    const e = new MicroBatchingEmbedder(inner, 2);
    e.batching = true;
    const results = await Promise.allSettled(['ok1', 'bad', 'ok2', 'ok3'].map((t) => e.embedQuery(t)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[0] as PromiseRejectedResult).reason).toEqual(new Error('batch of 2 failed'));
    // The queue is usable afterwards.
    expect([...(await e.embedQuery('later'))]).toEqual([5, 1]);
  });

  it('gives the same vectors as unbatched embedQuery with the tiny model, within float tolerance', async () => {
    const tiny = await loadTinyEmbedder();
    const e = new MicroBatchingEmbedder(tiny, 16);
    const questions = [
      'Who did Albania blame?',
      'When did the attack happen?',
      'What is the capital of France?',
      'How long did the Iranian diplomats have to leave?',
    ];
    const single = await Promise.all(questions.map((q) => tiny.embedQuery(q)));
    e.batching = true;
    const batched = await Promise.all(questions.map((q) => e.embedQuery(q)));
    expect(e.batches).toEqual([4]);
    for (const [i, v] of batched.entries()) {
      expect(v).toHaveLength(tiny.dimensions);
      for (let d = 0; d < v.length; d++) expect(v[d]).toBeCloseTo(single[i]![d]!, 2);
    }
    expect(await queryPrefixDrift(tiny, questions)).toBe(0);
    expect(await batchDrift(tiny, questions)).toBeLessThan(0.01);
  });
});

describe('queryPrefixDrift', () => {
  it('is non-zero when queries are embedded differently from passages', async () => {
    const prefixed = { ...fakeEmbedder(), embedQuery: async (t: string) => Float32Array.of(t.length + 7, 1) };
    expect(await queryPrefixDrift(prefixed, ['a'])).toBe(7);
  });
});
