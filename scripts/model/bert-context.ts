import { sharedConstants, type SharedConstants } from './bert-ops.js';
import type { GraphBuilder } from './onnx-graph.js';
import type { BertArchitecture, WeightScales } from './presets.js';
import { filled, uniformWeights } from './weights.js';

/** What every part of the BERT graph builder needs: the graph, the shape and the weight source. */

/** Inputs of `buildBertOnnx`. */
export interface BertBuild {
  architecture: BertArchitecture;
  vocabSize: number;
  seed: number;
  scales: WeightScales;
  /** Optional per-token multipliers of the word embeddings (one per vocabulary entry). */
  tokenScales?: Float32Array;
  /** Word embedding table to use instead of random rows ([vocabSize × hidden], row-major). */
  wordEmbeddings?: Float32Array;
}

/** A build in progress. */
export interface BuildContext extends BertBuild {
  g: GraphBuilder;
  c: SharedConstants;
  /** Name of the LayerNorm epsilon constant. */
  eps: string;
  /** Deterministic weights for the tensor called `name`. */
  random(name: string, count: number, std: number): Float32Array;
}

/** Starts a build in `g`. */
export function createContext(g: GraphBuilder, build: BertBuild): BuildContext {
  return {
    ...build,
    g,
    c: sharedConstants(g),
    eps: g.floats('layer_norm_eps', [build.architecture.layerNormEps]),
    random: (name, count, std) => uniformWeights(build.seed, name, count, std),
  };
}

/** Adds the gain (ones) and bias (zeros) of the LayerNorm called `name`, as BERT initialises them. */
export function layerNormParams(
  ctx: BuildContext,
  name: string,
  scope: string,
): { scope: string; gamma: string; beta: string; eps: string } {
  const h = ctx.architecture.hiddenSize;
  return {
    scope,
    gamma: ctx.g.floats(`${name}.weight`, filled(h, 1), [h]),
    beta: ctx.g.floats(`${name}.bias`, filled(h, 0), [h]),
    eps: ctx.eps,
  };
}
