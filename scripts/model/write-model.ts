import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildBertOnnx } from './bert-graph.js';
import { defaultCorpusDir, evalCorpusDir, readCorpus } from './corpus.js';
import { meaningEmbeddings } from './meaning-embeddings.js';
import { bertConfigJson } from './model-config.js';
import type { ModelPreset } from './presets.js';
import { tokenizerConfigJson, tokenizerJson } from './tokenizer-files.js';
import { tokenScales } from './token-scales.js';
import { buildVocabulary } from './vocab.js';

/** Writes a model folder in the Hugging Face hub layout that transformers.js loads locally. */

/** Paths of a model folder, relative to it. */
export const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'] as const;

/** Raised for a model id that is not a safe `org/name` folder path. */
export class InvalidModelIdError extends Error {
  override name = 'InvalidModelIdError';
}

/** Options of {@link writeModel}. */
export interface WriteModelOptions {
  preset: ModelPreset;
  /** The models root (what `env.localModelPath` points at). */
  outDir: string;
  /** Overrides the preset's `org/name`. */
  id?: string;
  /** Folder of article texts the vocabulary is built from; defaults to {@link defaultCorpusDir}. */
  corpusDir?: string;
}

/** What was written. */
export interface WrittenModel {
  id: string;
  dir: string;
  vocabSize: number;
  /** Absolute paths of the files, in {@link MODEL_FILES} order. */
  files: string[];
}

const ID_PART = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function checkId(id: string): void {
  const parts = id.split('/');
  if (parts.length !== 2 || !parts.every((p) => ID_PART.test(p) && p !== '..')) {
    throw new InvalidModelIdError(`Model id must look like "org/name", got "${id}"`);
  }
}

/** JSON as the hub stores it: two-space indent and a final newline. */
function json(value: object): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Generates the preset's model into `<outDir>/<org>/<name>/`, overwriting existing files. */
export function writeModel(options: WriteModelOptions): WrittenModel {
  const { preset } = options;
  const id = options.id ?? preset.id;
  checkId(id);
  const texts = readCorpus(options.corpusDir ?? defaultCorpusDir());
  // The meaning model also knows the evaluation articles' words, so that its vectors can be judged there.
  if (preset.meaning && !options.corpusDir) texts.push(...readCorpus(evalCorpusDir()));
  const meaning = preset.meaning ? meaningEmbeddings(texts, preset.architecture.hiddenSize, preset.seed, preset.meaning) : undefined;
  const tokens = meaning?.tokens ?? buildVocabulary(texts, { size: preset.vocabSize });
  const onnx = buildBertOnnx({
    architecture: preset.architecture,
    vocabSize: tokens.length,
    seed: preset.seed,
    scales: preset.scales,
    tokenScales: meaning?.tokenScales ?? (preset.frequencyScaledEmbeddings ? tokenScales(tokens, texts) : undefined),
    ...(meaning ? { wordEmbeddings: meaning.wordEmbeddings } : {}),
  });

  const dir = path.resolve(options.outDir, ...id.split('/'));
  mkdirSync(path.join(dir, 'onnx'), { recursive: true });
  const contents: Record<(typeof MODEL_FILES)[number], string | Uint8Array> = {
    'config.json': json(bertConfigJson(preset.architecture, tokens)),
    'tokenizer.json': json(tokenizerJson(tokens)),
    'tokenizer_config.json': json(tokenizerConfigJson(preset.modelMaxLength)),
    'onnx/model_quantized.onnx': onnx,
  };
  const files = MODEL_FILES.map((name) => {
    const file = path.join(dir, name);
    writeFileSync(file, contents[name]);
    return file;
  });
  return { id, dir, vocabSize: tokens.length, files };
}
