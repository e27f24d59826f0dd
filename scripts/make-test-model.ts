import path from 'node:path';
import { parseArgs } from 'node:util';
import { isPresetName, PRESETS, type PresetName } from './model/presets.js';
import { writeModel, type WrittenModel } from './model/write-model.js';
import { UsageError } from './lib/cli.js';
import { isMain, runMain } from './lib/run-main.js';

/**
 * Generates a random-weight BERT model folder (config, tokenizer, quantised ONNX) that
 * transformers.js loads like a hub model, for tests and benchmarks when the hub is unreachable.
 *
 *   npm run model:make-test                                   # tiny fixture → test/fixtures/models/casefile/tiny-bert
 *   npm run model:make-test -- --preset meaning                # known-meaning fixture → …/casefile/meaning-bert
 *   npm run model:make-test -- --preset minilm --out bench/models
 */

const USAGE = `Usage: make-test-model [--preset tiny|meaning|minilm] [--out DIR] [--id org/name] [--articles DIR]
  --preset    model shape (default tiny); meaning: word vectors from WordNet, related words close
  --out       models root folder (default test/fixtures/models for tiny and meaning, bench/models for minilm)
  --id        folder/model id under --out (default: the preset's, e.g. casefile/tiny-bert)
  --articles  article folder for the vocabulary (default test/fixtures/model-vocabulary, a pinned copy of the original articles)`;

// One UsageError for every script (runMain exits 2 with it); re-exported for this script's callers.
export { UsageError };

const DEFAULT_OUT: Record<PresetName, string> = {
  tiny: 'test/fixtures/models',
  meaning: 'test/fixtures/models',
  minilm: 'bench/models',
};

/** Parses arguments and writes the model; returns what was written. */
export function main(argv: string[] = process.argv.slice(2), log: (line: string) => void = console.log): WrittenModel | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        preset: { type: 'string', default: 'tiny' },
        out: { type: 'string' },
        id: { type: 'string' },
        articles: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    log(USAGE);
    return undefined;
  }
  const presetName = values.preset;
  if (!isPresetName(presetName)) throw new UsageError(`Unknown preset "${presetName}"\n${USAGE}`);
  const written = writeModel({
    preset: PRESETS[presetName],
    outDir: path.resolve(values.out ?? DEFAULT_OUT[presetName]),
    id: values.id,
    corpusDir: values.articles,
  });
  log(`Wrote ${written.id} (${presetName}, vocabulary ${written.vocabSize}) to ${written.dir}`);
  return written;
}

if (isMain(import.meta.url)) runMain(async () => main());
