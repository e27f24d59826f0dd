import { Prng } from './prng.js';

/**
 * Synthetic embedding-like vectors for the scale benchmark.
 *
 * Uniform random unit vectors in 384 dimensions are a poor stand-in for sentence embeddings: all
 * pairwise distances are nearly equal, so "nearest neighbour" barely means anything and HNSW looks
 * far worse than it is on real data. Real embeddings cluster by topic and vary along a few
 * directions within a topic (low intrinsic dimension). The default distribution models that: a
 * Gaussian mixture whose components each spread along their own low-rank subspace, plus a little
 * isotropic noise, normalised to unit length.
 */
export type Distribution = 'clustered' | 'uniform';

export interface MixtureOptions {
  dimensions: number;
  seed: number;
  distribution?: Distribution;
  /** Mixture components (topics). */
  clusters?: number;
  /** Rank of the space the component centres are drawn from (how topics relate to each other). */
  topicDims?: number;
  /** Rank of each component's spread (the within-topic intrinsic dimension). */
  latentDims?: number;
  /** Typical length of the within-topic offset, relative to the unit-length topic centre. */
  spread?: number;
  /** Typical length of the isotropic noise. */
  noise?: number;
}

/** The defaults used by the benchmark; reported alongside its figures. */
export const DEFAULT_MIXTURE = { clusters: 1000, topicDims: 32, latentDims: 16, spread: 0.7, noise: 0.3 } as const;

/** Row-major unit vectors: row i is `data.subarray(i * dimensions, (i + 1) * dimensions)`. */
export interface VectorSet {
  readonly data: Float32Array;
  readonly count: number;
  readonly dimensions: number;
}

/** Row `i` of `set`, without copying. */
export function row(set: VectorSet, i: number): Float32Array {
  return set.data.subarray(i * set.dimensions, (i + 1) * set.dimensions);
}

/** A fixed distribution to draw corpora and held-out queries from. */
export class Mixture {
  readonly options: Required<MixtureOptions>;
  private readonly centres: Float32Array;
  private readonly bases: Float32Array;

  constructor(options: MixtureOptions) {
    this.options = { distribution: 'clustered', ...DEFAULT_MIXTURE, ...options };
    const { dimensions: d, clusters, latentDims, topicDims } = this.options;
    const prng = new Prng(this.options.seed);
    // Centres: a random topicDims-rank projection of Gaussian points, with a little off-space noise.
    const topics = Float32Array.from({ length: topicDims * d }, () => prng.gaussian());
    this.centres = new Float32Array(clusters * d);
    for (let c = 0; c < clusters; c++) {
      const centre = this.centres.subarray(c * d, (c + 1) * d);
      for (let k = 0; k < d; k++) centre[k] = prng.gaussian() * 0.3;
      for (let j = 0; j < topicDims; j++) {
        const u = prng.gaussian() / Math.sqrt(topicDims);
        for (let k = 0; k < d; k++) centre[k] = centre[k]! + u * topics[j * d + k]!;
      }
      normalise(centre);
    }
    // Basis rows scaled so the latent offset has length ≈ spread whatever latentDims is.
    this.bases = new Float32Array(clusters * latentDims * d);
    const scale = this.options.spread / Math.sqrt(latentDims * d);
    for (let i = 0; i < this.bases.length; i++) this.bases[i] = prng.gaussian() * scale;
  }

  /**
   * Draws `count` unit vectors. Different `seed`s give independent draws from the same
   * distribution, which is how held-out queries are made.
   */
  sample(count: number, seed: number): VectorSet {
    const { dimensions: d, clusters, latentDims, noise, distribution } = this.options;
    const prng = new Prng(seed);
    const data = new Float32Array(count * d);
    const z = new Float64Array(latentDims);
    const noiseScale = noise / Math.sqrt(d);
    for (let i = 0; i < count; i++) {
      const out = data.subarray(i * d, (i + 1) * d);
      if (distribution === 'uniform') {
        fillUnit(out, prng);
        continue;
      }
      const c = prng.int(clusters);
      for (let j = 0; j < latentDims; j++) z[j] = prng.gaussian();
      const centre = c * d;
      for (let k = 0; k < d; k++) out[k] = this.centres[centre + k]! + prng.gaussian() * noiseScale;
      for (let j = 0; j < latentDims; j++) {
        const zj = z[j]!;
        const base = (c * latentDims + j) * d;
        for (let k = 0; k < d; k++) out[k] = out[k]! + zj * this.bases[base + k]!;
      }
      normalise(out);
    }
    return { data, count, dimensions: d };
  }
}

/** Fills `out` with a uniformly random unit vector (normalised Gaussian). */
function fillUnit(out: Float32Array, prng: Prng): void {
  for (let k = 0; k < out.length; k++) out[k] = prng.gaussian();
  normalise(out);
}

/** Scales `v` to unit length in place. */
export function normalise(v: Float32Array): void {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k]! * v[k]!;
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let k = 0; k < v.length; k++) v[k] = v[k]! * inv;
}
