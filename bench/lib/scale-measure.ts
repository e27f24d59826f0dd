import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bruteForceTopK } from './brute-force.js';
import { buildHnsw, searchAll, DEFAULT_HNSW, type HnswParams } from './hnsw.js';
import { recallAtK } from './recall.js';
import { median, summarize, type LatencySummary } from './stats.js';
import { DEFAULT_MIXTURE, Mixture, row, type Distribution } from './synthetic.js';
import { round } from '../../src/round.js';

export interface ScaleOptions {
  size: number;
  dimensions?: number;
  queries: number;
  efs: number[];
  /** Timed passes over the query set at the chosen ef (and for brute force, see below). */
  repeats: number;
  /** Brute force is timed this many passes (its first pass is also the ground truth). */
  bruteForceRepeats?: number;
  distribution?: Distribution;
  hnsw?: HnswParams;
  /** recall@k the chosen ef must reach. */
  targetRecall?: number;
  k?: number;
  seed?: number;
  log?: (message: string) => void;
}

export interface EfPoint {
  ef: number;
  recall: number;
  p50: number;
  p99: number;
}

export interface ScaleResult {
  size: number;
  dimensions: number;
  distribution: Distribution;
  mixture: typeof DEFAULT_MIXTURE | null;
  k: number;
  queries: number;
  hnsw: HnswParams & { buildSeconds: number; indexBytes: number };
  memory: { vectorBytes: number; rssBeforeBuildMiB: number; rssAfterBuildMiB: number };
  bruteForce: LatencySummary & { passes: number };
  sweep: EfPoint[];
  chosen: {
    ef: number;
    recall: number;
    metTarget: boolean;
    latency: LatencySummary & { passes: number };
    speedupP50: number;
    speedupP99: number;
  };
}

const MiB = 2 ** 20;
const rssMiB = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().rss / MiB);
};

/** Per-query latency = median over passes, so one noisy pass can't make a query look slow. */
function medianPerQuery(passes: number[][]): number[] {
  return passes[0]!.map((_, q) => median(passes.map((p) => p[q]!)));
}

/**
 * Everything the scale section reports for one corpus size, measured in this process: the exact
 * baseline (which is also the ground truth), the HNSW build, an ef sweep, and timed passes at the
 * smallest ef meeting the recall target. RSS figures are only meaningful in a fresh process.
 */
export async function measureScale(o: ScaleOptions): Promise<ScaleResult> {
  const log = o.log ?? (() => {});
  const d = o.dimensions ?? 384;
  const k = o.k ?? 10;
  const seed = o.seed ?? 1;
  const distribution = o.distribution ?? 'clustered';
  const params = o.hnsw ?? DEFAULT_HNSW;
  const target = o.targetRecall ?? 0.95;

  const mixture = new Mixture({ dimensions: d, seed, distribution });
  const corpus = mixture.sample(o.size, seed + 1);
  const queries = mixture.sample(o.queries, seed + 2);
  log(`${o.size.toLocaleString('en-US')} vectors generated`);

  const bfPasses: number[][] = [];
  let exact: number[][] = [];
  for (let pass = 0; pass < (o.bruteForceRepeats ?? o.repeats); pass++) {
    const ms: number[] = [];
    const ids: number[][] = [];
    for (let q = 0; q < queries.count; q++) {
      const t = performance.now();
      const top = bruteForceTopK(corpus, row(queries, q), k);
      ms.push(performance.now() - t);
      ids.push(top.map((n) => n.id));
    }
    bfPasses.push(ms);
    exact = ids;
  }
  const bruteForce = { ...summarize(medianPerQuery(bfPasses)), passes: bfPasses.length };
  log(`brute force p50 ${bruteForce.p50} ms`);

  const rssBeforeBuildMiB = rssMiB();
  const started = performance.now();
  const index = buildHnsw(corpus, params, (done) => {
    const s = (performance.now() - started) / 1000;
    log(
      `HNSW build ${done.toLocaleString('en-US')}/${o.size.toLocaleString('en-US')} after ${s.toFixed(0)} s, ~${((s / done) * (o.size - done)).toFixed(0)} s left`,
    );
  });
  const buildSeconds = (performance.now() - started) / 1000;
  const rssAfterBuildMiB = rssMiB();
  log(`HNSW built in ${buildSeconds.toFixed(1)} s`);

  const dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-'));
  let indexBytes: number;
  try {
    const file = path.join(dir, 'index.hnsw');
    await index.writeIndex(file);
    indexBytes = (await stat(file)).size;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const sweep: EfPoint[] = [];
  for (const ef of o.efs) {
    index.setEf(ef);
    const r = searchAll(index, queries, k);
    const s = summarize(r.ms);
    sweep.push({ ef, recall: round(recallAtK(exact, r.ids, k), 4), p50: s.p50, p99: s.p99 });
  }
  const pick = sweep.find((p) => p.recall >= target) ?? sweep[sweep.length - 1]!;
  index.setEf(pick.ef);
  const passes: number[][] = [];
  for (let pass = 0; pass < o.repeats; pass++) passes.push(searchAll(index, queries, k).ms);
  const latency = { ...summarize(medianPerQuery(passes)), passes: passes.length };

  return {
    size: o.size,
    dimensions: d,
    distribution,
    mixture: distribution === 'clustered' ? DEFAULT_MIXTURE : null,
    k,
    queries: queries.count,
    hnsw: { ...params, buildSeconds: round(buildSeconds, 2), indexBytes },
    memory: { vectorBytes: corpus.data.byteLength, rssBeforeBuildMiB, rssAfterBuildMiB },
    bruteForce,
    sweep,
    chosen: {
      ef: pick.ef,
      recall: pick.recall,
      metTarget: pick.recall >= target,
      latency,
      speedupP50: round(bruteForce.p50 / latency.p50, 1),
      speedupP99: round(bruteForce.p99 / latency.p99, 1),
    },
  };
}
