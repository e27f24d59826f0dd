import { loadEngineConfig, resolvePath } from '../src/config.js';
import { isModelPresent, loadEmbedder } from '../src/index/embedder.js';
import { parseCommandLine } from './lib/cli.js';
import { isMain, runMain } from './lib/run-main.js';
import { dim, green } from './lib/style.js';

const USAGE = `Usage: npm run model:fetch [-- --help]
Downloads MODEL_ID from the Hugging Face hub into MODELS_DIR (once), then checks that it loads.
Settings come from .env (see .env.example).`;

/** `npm run model:fetch`: downloads the configured model once into MODELS_DIR, then checks it loads. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  if (!parseCommandLine(argv, { usage: USAGE, options: {} })) return;
  const config = loadEngineConfig();
  const modelsDir = resolvePath(config, config.MODELS_DIR);
  if (isModelPresent(modelsDir, config.MODEL_ID)) {
    process.stdout.write(`${config.MODEL_ID} is already in ${config.MODELS_DIR}/; checking that it loads…\n`);
  } else {
    process.stdout.write(`Downloading ${config.MODEL_ID} into ${config.MODELS_DIR}/ …\n`);
  }
  const lastShown = new Map<string, number>();
  const embedder = await loadEmbedder({
    modelId: config.MODEL_ID,
    modelsDir,
    allowDownload: true,
    onDownload: ({ file, progress, status }) => {
      if (!file || status !== 'progress' || progress === undefined) return;
      const step = Math.floor(progress / 25) * 25;
      if ((lastShown.get(file) ?? -1) >= step) return;
      lastShown.set(file, step);
      process.stdout.write(dim(`  ${file} ${step}%\n`));
    },
  });
  const probe = await embedder.embedQuery('test');
  process.stdout.write(
    green(`✓ ${config.MODEL_ID} ready: ${embedder.dimensions} dimensions, ${embedder.maxTokens} tokens max`) +
      dim(` (probe vector length ${probe.length})`) +
      '\n',
  );
  process.stdout.write('Run `npm run reindex` to embed the articles with it.\n');
}

if (isMain(import.meta.url)) runMain(main);
