/**
 * The pipeline a user would otherwise assemble from LangChain.js: transformers.js embeddings
 * through `HuggingFaceTransformersEmbeddings`, stored and searched in LangChain's `HNSWLib`
 * vector store, with LangChain's defaults (mean pooling, normalised vectors, cosine space,
 * hnswlib's default search ef). It lives in its own package (bench/peer/package.json) so the
 * bot never depends on LangChain; bench/lib/peer.ts loads it only for the comparison.
 */
import { Document } from '@langchain/core/documents';
import { HuggingFaceTransformersEmbeddings } from '@langchain/community/embeddings/hf_transformers';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { env } from '@xenova/transformers';

/** A retrievable passage: the same chunks casefile indexes, so only the pipeline differs. */
export interface PeerPassage {
  id: string;
  text: string;
}

export interface PeerOptions {
  /** Folder holding `<org>/<name>/` model folders (transformers.js `localModelPath`). */
  modelsDir: string;
  /** Hub-style model id under `modelsDir`, e.g. `casefile/tiny-bert`. */
  modelId: string;
}

/** A built LangChain store that answers with passage ids, best first. */
export interface PeerPipeline {
  readonly size: number;
  query(text: string, k: number): Promise<string[]>;
}

/**
 * Builds the store from `passages`, embedding them with the local model. Only local files are
 * used: this copy of transformers.js (LangChain's, from bench/peer/node_modules) is told never to
 * reach the hub.
 */
export async function buildPeerPipeline(passages: readonly PeerPassage[], options: PeerOptions): Promise<PeerPipeline> {
  env.localModelPath = options.modelsDir.endsWith('/') ? options.modelsDir : `${options.modelsDir}/`;
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.useBrowserCache = false;

  const embeddings = new HuggingFaceTransformersEmbeddings({
    model: options.modelId,
    // Same weights file casefile loads (onnx/model_quantized.onnx).
    pretrainedOptions: { quantized: true },
  });
  const docs = passages.map((p) => new Document({ pageContent: p.text, metadata: { id: p.id } }));
  // fromDocuments always uses cosine space, M=16, efConstruction=200, and leaves search ef at 10.
  const store = await HNSWLib.fromDocuments(docs, embeddings);
  return {
    size: docs.length,
    async query(text: string, k: number): Promise<string[]> {
      const hits = await store.similaritySearch(text, k);
      return hits.map((d) => String(d.metadata.id));
    },
  };
}
