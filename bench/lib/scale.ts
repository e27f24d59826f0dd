import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ScaleOptions, ScaleResult } from './scale-measure.js';
import type { WorkerMessage } from './scale-worker.js';
import type { BenchContext, Section, SectionResult } from './section.js';
import type { Table } from './table.js';

const WORKER = fileURLToPath(new URL('./scale-worker.ts', import.meta.url));
/** Above this size brute force is timed on a single pass: one pass over 200 queries at 1M takes minutes. */
const BRUTE_FORCE_REPEAT_LIMIT = 100_000;

/** Runs one size in a fresh Node process (see scale-worker.ts for why). */
export function measureInChild(options: Omit<ScaleOptions, 'log'>, log: (m: string) => void): Promise<ScaleResult> {
  return new Promise((resolve, reject) => {
    // --expose-gc lets the worker collect garbage before reading RSS.
    const child = fork(WORKER, [JSON.stringify(options)], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: ScaleResult | undefined;
    let failure: string | undefined;
    child.on('message', (m: WorkerMessage) => {
      if (m.type === 'log') log(m.message);
      else if (m.type === 'result') result = m.result as ScaleResult;
      else failure = m.message;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result) resolve(result);
      else reject(new Error(failure ?? `scale worker for ${options.size} exited with ${signal ?? code}`));
    });
  });
}

const MiB = 2 ** 20;

function tables(results: ScaleResult[]): Table[] {
  const summary: Table = {
    title: 'Scale: HNSW vs exact brute force (384-d, recall@10 vs exact; latency ms per query)',
    columns: [
      'vectors',
      'data',
      'build s',
      'index MiB',
      'RSS MiB',
      'ef',
      'recall@10',
      'HNSW p50',
      'HNSW p99',
      'exact p50',
      'exact p99',
      'speed-up p50',
    ],
    rows: results.map((r) => [
      r.size,
      r.distribution,
      r.hnsw.buildSeconds,
      Math.round((r.hnsw.indexBytes / MiB) * 10) / 10,
      r.memory.rssAfterBuildMiB,
      r.chosen.ef,
      r.chosen.recall,
      r.chosen.latency.p50,
      r.chosen.latency.p99,
      r.bruteForce.p50,
      r.bruteForce.p99,
      `${r.chosen.speedupP50}×`,
    ]),
  };
  const sweep: Table = {
    title: 'Scale: ef sweep (recall@10 / HNSW p50 ms)',
    columns: ['vectors', 'data', ...(results[0]?.sweep.map((p) => `ef=${p.ef}`) ?? [])],
    rows: results.map((r) => [r.size, r.distribution, ...r.sweep.map((p) => `${p.recall.toFixed(3)} / ${p.p50.toFixed(3)}`)]),
  };
  return [summary, sweep];
}

/** The scale section: synthetic corpora of each configured size, HNSW vs exact search. */
export const scaleSection: Section = {
  name: 'scale',
  description: 'HNSW (hnswlib-node, cosine) vs exact brute-force search on synthetic 384-d corpora',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const { options } = ctx;
    const runs = options.sizes.map((size) => ({ size, distribution: options.distribution }));
    // The full run adds the smallest size on uniform data, to show how much the data shape matters.
    if (!options.quick && options.distribution === 'clustered' && runs.length) {
      runs.push({ size: Math.min(...options.sizes), distribution: 'uniform' });
    }
    const results: ScaleResult[] = [];
    for (const { size, distribution } of runs) {
      const label = `${size.toLocaleString('en-US')} ${distribution}`;
      ctx.log(`scale: ${label} vectors`);
      const result = await measureInChild(
        {
          size,
          queries: options.queries,
          efs: options.efs,
          repeats: options.repeats,
          bruteForceRepeats: size > BRUTE_FORCE_REPEAT_LIMIT ? 1 : options.repeats,
          distribution,
        },
        (m) => ctx.log(`scale ${label}: ${m}`),
      );
      results.push(result);
    }
    const first = results[0];
    const notes = [
      options.distribution === 'clustered'
        ? `Clustered vectors: Gaussian mixture (${first?.mixture?.clusters} clusters with centres in a rank-${first?.mixture?.topicDims} topic space, rank-${first?.mixture?.latentDims} within-cluster spread ${first?.mixture?.spread}, isotropic noise ${first?.mixture?.noise}) normalised to unit length; queries are held-out draws. Uniform random vectors are far harder for HNSW and unlike real embeddings (the full run adds a uniform reference row).`
        : 'Vectors: uniform random on the unit sphere (the hard, unrealistic case).',
      `HNSW M=${first?.hnsw.M}, efConstruction=${first?.hnsw.efConstruction}, built single-threaded with addPoint; ef is the smallest swept value with recall@10 ≥ 0.95.`,
      `Latency per query is the median over ${options.repeats} pass(es) of ${options.queries} queries; brute force gets 1 pass above ${BRUTE_FORCE_REPEAT_LIMIT.toLocaleString('en-US')} vectors. RSS is the worker process after the build (vectors + index).`,
      ...results
        .filter((r) => !r.chosen.metTarget)
        .map((r) => `${r.size.toLocaleString('en-US')} ${r.distribution}: no swept ef reached recall@10 0.95; the largest is reported.`),
    ];
    return { tables: tables(results), data: { results }, notes };
  },
};
