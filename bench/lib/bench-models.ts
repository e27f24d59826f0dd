import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** A local transformers.js model the peer comparison runs with. */
export interface BenchModel {
  label: string;
  /** Models root (transformers.js `localModelPath`). */
  modelsDir: string;
  /** Hub-style id under the root. */
  modelId: string;
  /** How to create it when missing (bench/models is gitignored). */
  make?: string[];
}

/**
 * The committed 64-d fixture, and a random-weight model with all-MiniLM-L6-v2's exact shape
 * (384-d, 6 layers): its answers are no better than the tiny one's, but its cost per query is
 * that of the real model, so it is the one to read latency from.
 */
export function benchModels(root: string): BenchModel[] {
  return [
    { label: 'tiny-bert (64-d fixture)', modelsDir: path.join(root, 'test/fixtures/models'), modelId: 'casefile/tiny-bert' },
    {
      label: 'MiniLM-L6 shape (384-d, random)',
      modelsDir: path.join(root, 'bench/models'),
      modelId: 'casefile/minilm-l6-random',
      make: ['run', 'model:make-test', '--', '--preset', 'minilm', '--out', 'bench/models'],
    },
  ];
}

/** True when the model's files are in place (the same files casefile's loader needs). */
export function modelPresent(m: BenchModel): boolean {
  const dir = path.join(m.modelsDir, m.modelId);
  return ['config.json', 'tokenizer.json', 'onnx/model_quantized.onnx'].every((f) => existsSync(path.join(dir, f)));
}

/** Generates a missing model with the project's generator; resolves false if that fails. */
export function ensureModel(m: BenchModel, root: string, log: (message: string) => void): Promise<boolean> {
  if (modelPresent(m)) return Promise.resolve(true);
  if (!m.make) return Promise.resolve(false);
  log(`generating ${m.modelId}: npm ${m.make.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn('npm', m.make!, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0 && modelPresent(m)));
  });
}
