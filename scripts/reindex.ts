import { resolvePath, loadEngineConfig } from '../src/config.js';
import { resolveEmbedder } from '../src/index/resolve-embedder.js';
import { createLogger } from '../src/logger.js';
import { reindex, type ReindexSummary } from '../src/index/reindex.js';
import { progressBar } from './lib/progress.js';
import { parseCommandLine } from './lib/cli.js';
import { isMain, runMain } from './lib/run-main.js';
import { bold, dim, green, yellow } from './lib/style.js';

/** Formats the summary a maintainer reads after a reindex. */
export function formatSummary(s: ReindexSummary): string {
  const list = (ids: string[]) => (ids.length ? ` (${ids.join(', ')})` : '');
  const lines = [
    bold('Reindex complete') + dim(` in ${s.seconds.toFixed(2)} s`),
    `  model       ${s.model ?? yellow('none — keyword-only index')}`,
    `  added       ${s.added.length}${list(s.added)}`,
    `  changed     ${s.changed.length}${list(s.changed)}`,
    `  removed     ${s.removed.length}${list(s.removed)}`,
    `  unchanged   ${s.unchanged.length}`,
    `  skipped     ${s.skipped.length}`,
    ...s.skipped.map((k) => yellow(`    ✗ ${k.file}: ${k.reason}`)),
    `  passages    ${s.passages} ${dim(`(${s.embedded} embedded this run)`)}`,
  ];
  if (s.previousProblem) lines.push(yellow(`  note: the previous index was damaged (${s.previousProblem}) and was rebuilt`));
  return lines.join('\n');
}

const USAGE = `Usage: npm run reindex [-- --allow-shrink | --help]
Brings the index in EMBEDDINGS_DIR up to date with the articles in ARTICLES_DIR: new and changed
articles are chunked and embedded with MODEL_ID (keyword-only when the model is unavailable),
removed ones dropped. Settings come from .env (see .env.example).

  --allow-shrink  rebuild even if that drops every article the index holds, or more than half of
                  them; without it such a reindex is refused (exit 1) and the index is left as it
                  was, since an empty or wrong ARTICLES_DIR looks just like that
  -h, --help      this text`;

/** `npm run reindex`: brings `embeddings/` up to date with the articles folder; undefined for `--help`. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<ReindexSummary | undefined> {
  const parsed = parseCommandLine(argv, { usage: USAGE, options: { 'allow-shrink': { type: 'boolean', default: false } } });
  if (!parsed) return undefined;
  const config = loadEngineConfig();
  const logger = createLogger({
    level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
    ...(config.LOG_FORMAT ? { format: config.LOG_FORMAT } : {}),
  });
  const { embedder, reason } = await resolveEmbedder(config, logger);
  if (!embedder) process.stderr.write(yellow(`No embedding model (${reason}): building a keyword-only index.\n`, process.stderr));
  const bar = progressBar('Embedding');
  try {
    const summary = await reindex({
      articlesDir: resolvePath(config, config.ARTICLES_DIR),
      embeddingsDir: resolvePath(config, config.EMBEDDINGS_DIR),
      embedder,
      logger,
      onProgress: (done, total) => bar.update(done, total),
      allowShrink: parsed.values['allow-shrink'] === true,
    });
    bar.stop();
    process.stdout.write(formatSummary(summary) + '\n' + green('✓ index written to ') + config.EMBEDDINGS_DIR + '\n');
    return summary;
  } finally {
    bar.stop();
  }
}

if (isMain(import.meta.url)) runMain(main);
