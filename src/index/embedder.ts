import { existsSync } from 'node:fs';
import path from 'node:path';
import { profileFor, type ModelProfile } from './model-profiles.js';
import type { Embedder } from '../types.js';
import { ModelUnavailableError } from '../errors.js';

// Re-exported while branches that import it from here move to src/errors.ts.
export { ModelUnavailableError } from '../errors.js';

export interface LoadEmbedderOptions {
  /** Hub-style id, e.g. `Xenova/bge-small-en-v1.5`; files live in `<modelsDir>/<modelId>/`. */
  modelId: string;
  modelsDir: string;
  /** Download from the Hugging Face hub into `modelsDir` when the files are not there yet. */
  allowDownload: boolean;
  /** Called with download progress events from transformers.js. */
  onDownload?: (event: { file?: string; progress?: number; status: string }) => void;
}

/** Most models take 512 positions; many tokenizer configs say "unlimited" (1e30). */
const MAX_TOKENS_CAP = 512;
const BATCH_SIZE = 16;

/** A hub-style `owner/name` id: plain segments only, so it names a folder inside the models folder. */
export function isHubModelId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}\/[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$/.test(id) && !id.includes('..');
}

/** True when the model's files are already in the models folder (no download needed). */
export function isModelPresent(modelsDir: string, modelId: string): boolean {
  const dir = path.join(modelsDir, modelId);
  return ['config.json', 'tokenizer.json', 'onnx/model_quantized.onnx'].every((f) => existsSync(path.join(dir, f)));
}

/**
 * Loads a feature-extraction model through transformers.js, from `<modelsDir>/<modelId>` or, when
 * allowed, downloading it once into that same folder (transformers.js caches files under
 * `cacheDir/<modelId>/…`, the layout it reads local models from).
 */
export async function loadEmbedder(options: LoadEmbedderOptions): Promise<Embedder> {
  const root = path.resolve(options.modelsDir);
  const inside = path.relative(root, path.resolve(root, options.modelId));
  if (!isHubModelId(options.modelId) || inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new ModelUnavailableError(
      `model id must be hub-style owner/name inside the models folder (got ${JSON.stringify(options.modelId)})`,
    );
  }
  const present = isModelPresent(options.modelsDir, options.modelId);
  if (!present && !options.allowDownload) {
    throw new ModelUnavailableError(`model ${options.modelId} is not in ${options.modelsDir} and downloads are off`);
  }
  // Imported only once a model can be had: keyword mode starts without paying for transformers.js.
  const { pipeline, env } = await import('@xenova/transformers');
  env.localModelPath = options.modelsDir + path.sep;
  env.cacheDir = options.modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = !present && options.allowDownload;
  env.useBrowserCache = false;

  let extractor: Awaited<ReturnType<typeof pipeline>>;
  try {
    extractor = await pipeline('feature-extraction', options.modelId, {
      quantized: true,
      progress_callback: options.onDownload,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const what = present ? 'could not be loaded (damaged files?)' : 'could not be downloaded';
    throw new ModelUnavailableError(`model ${options.modelId} ${what}: ${reason.split('\n')[0]}`);
  }
  const profile = profileFor(options.modelId);
  // The width comes from what the model actually outputs: configs name it differently (BERT's
  // `hidden_size`, DistilBERT's `dim`), and a missing one made reindex and ask fail with RangeError.
  let dimensions = 0;
  try {
    const probe = await (extractor as unknown as Extractor)(['dimension probe'], { pooling: profile.pooling, normalize: true });
    dimensions = probe.dims[probe.dims.length - 1] ?? 0;
  } catch (error) {
    throw new ModelUnavailableError(`model ${options.modelId} could not embed a test sentence: ${String(error).split('\n')[0]}`);
  }
  if (!Number.isInteger(dimensions) || dimensions < 1) {
    throw new ModelUnavailableError(`model ${options.modelId} gives vectors of no usable width (${dimensions})`);
  }
  return new TransformersEmbedder(options.modelId, extractor as unknown as Extractor, profile, dimensions);
}

/** The slice of transformers.js's FeatureExtractionPipeline this file uses. */
interface Extractor {
  (texts: string[], options: { pooling: 'mean' | 'cls'; normalize: boolean }): Promise<{ data: Float32Array; dims: number[] }>;
  tokenizer: { encode(text: string): number[]; model_max_length?: number };
  model: { config: { hidden_size?: number; max_position_embeddings?: number } };
  dispose(): Promise<void>;
}

class TransformersEmbedder implements Embedder {
  readonly dimensions: number;
  readonly maxTokens: number;

  constructor(
    readonly modelId: string,
    private readonly extractor: Extractor,
    private readonly profile: ModelProfile,
    dimensions: number,
  ) {
    const config = extractor.model.config;
    this.dimensions = dimensions;
    this.maxTokens = Math.min(
      MAX_TOKENS_CAP,
      config.max_position_embeddings ?? MAX_TOKENS_CAP,
      extractor.tokenizer.model_max_length ?? MAX_TOKENS_CAP,
    );
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += BATCH_SIZE) {
      const batch = texts.slice(i, i + BATCH_SIZE).map((t) => this.profile.passagePrefix + t);
      out.push(...(await this.run(batch)));
    }
    return out;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const [vector] = await this.run([this.profile.queryPrefix + text]);
    return vector!;
  }

  countTokens(text: string): number {
    return this.extractor.tokenizer.encode(text).length;
  }

  private async run(texts: string[]): Promise<Float32Array[]> {
    const tensor = await this.extractor(texts, { pooling: this.profile.pooling, normalize: true });
    const dims = tensor.dims[tensor.dims.length - 1]!;
    return texts.map((_, row) => tensor.data.slice(row * dims, (row + 1) * dims));
  }
}
