import { loadEmbedder } from '../../src/index/embedder.js';
import { Engine } from '../../src/engine.js';
import { createWorkspace } from '../../harness/workspace.js';
import type { BenchModel } from './bench-models.js';
import { medianRun, summarizeRun, type AskTiming, type RunSummary } from './concurrency-stats.js';
import { batchDrift, MicroBatchingEmbedder, queryPrefixDrift } from './query-batching.js';

/** Batch caps tried for query micro-batching (16 is the engine's passage batch size). */
export const BATCH_CAPS = [4, 16] as const;

/** Engine-only figures for one model (median round). */
export interface EngineMeasurement {
  concurrent: RunSummary;
  sequential: RunSummary;
  /** All questions at once with query micro-batching, by batch cap; absent when it can't apply. */
  batched: Array<{ maxBatch: number; run: RunSummary; meanBatch: number }>;
  /** Largest difference of a query vector embedded in a batch of 16 vs alone (see {@link batchDrift}). */
  batchDrift?: number;
  /** Why micro-batching was not measured. */
  batchingSkipped?: string;
}

/** Times `ask` on every question, all at once or one at a time, on performance.now()'s clock. */
export async function timeAsks(
  ask: (q: string) => Promise<unknown>,
  questions: readonly string[],
  mode: 'concurrent' | 'sequential',
): Promise<AskTiming[]> {
  const one = async (question: string): Promise<AskTiming> => {
    const start = performance.now();
    await ask(question);
    return { question, start, end: performance.now() };
  };
  if (mode === 'concurrent') return Promise.all(questions.map(one));
  const out: AskTiming[] = [];
  for (const q of questions) out.push(await one(q));
  return out;
}

/**
 * `Engine.ask` on its own (no Discord, no REST), over a fresh index of the shipped articles with
 * `model`: every question at once vs one at a time, and at once with query micro-batching at each
 * of {@link BATCH_CAPS}. The same engine serves every variant (only the embedder's batching
 * switch changes), and variants alternate within each round so machine noise hits them alike.
 */
export async function measureEngine(
  model: BenchModel,
  questions: readonly string[],
  rounds: number,
  log: (m: string) => void,
): Promise<EngineMeasurement> {
  const ws = await createWorkspace({ env: { MODELS_DIR: model.modelsDir, MODEL_ID: model.modelId } });
  try {
    const inner = await loadEmbedder({ modelId: model.modelId, modelsDir: model.modelsDir, allowDownload: false });
    const embedder = new MicroBatchingEmbedder(inner);
    const engine = await Engine.open({ config: ws.config, embedder });
    if (engine.mode !== 'hybrid') throw new Error(`engine opened in ${engine.mode} mode with ${model.modelId}`);
    const ask = (q: string) => engine.ask(q);
    // Batches run through embedPassages; that is only the same vector when the model has no query prefix.
    const distinct = [...new Set(questions)].slice(0, 16);
    const prefixDrift = await queryPrefixDrift(inner, distinct.slice(0, 4));
    const batchingSkipped =
      prefixDrift > 1e-6
        ? `the model's query vectors differ from its passage vectors by up to ${prefixDrift.toFixed(4)}: a query prefix`
        : undefined;
    const drift = batchingSkipped ? undefined : Math.round((await batchDrift(inner, distinct)) * 1e6) / 1e6;
    await timeAsks(ask, questions.slice(0, 10), 'sequential'); // warm-up
    const runs: Array<{
      concurrent: RunSummary;
      sequential: RunSummary;
      batched: Array<{ maxBatch: number; run: RunSummary; meanBatch: number }>;
    }> = [];
    for (let round = 1; round <= rounds; round++) {
      log(`engine round ${round}/${rounds}`);
      const concurrent = summarizeRun(await timeAsks(ask, questions, 'concurrent'));
      const batched = [];
      for (const maxBatch of batchingSkipped ? [] : BATCH_CAPS) {
        embedder.batching = true;
        embedder.maxBatch = maxBatch;
        embedder.batches.length = 0;
        const run = summarizeRun(await timeAsks(ask, questions, 'concurrent'));
        embedder.batching = false;
        batched.push({ maxBatch, run, meanBatch: Math.round((questions.length / embedder.batches.length) * 10) / 10 });
      }
      const sequential = summarizeRun(await timeAsks(ask, questions, 'sequential'));
      runs.push({ concurrent, sequential, batched });
    }
    return {
      concurrent: medianRun(runs.map((r) => r.concurrent)),
      sequential: medianRun(runs.map((r) => r.sequential)),
      batched: (runs[0]?.batched ?? []).map((b, i) => ({
        maxBatch: b.maxBatch,
        meanBatch: b.meanBatch,
        run: medianRun(runs.map((r) => r.batched[i]!.run)),
      })),
      ...(drift !== undefined ? { batchDrift: drift } : {}),
      ...(batchingSkipped ? { batchingSkipped } : {}),
    };
  } finally {
    await ws.dispose();
  }
}
