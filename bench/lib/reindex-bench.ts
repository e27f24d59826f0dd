import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadEmbedder } from '../../src/index/embedder.js';
import { readIndex } from '../../src/index/index-store.js';
import { benchModels, ensureModel, type BenchModel } from './bench-models.js';
import { phaseShares, timedReindex, type TimedReindex } from './reindex-measure.js';
import type { BenchContext, Section, SectionResult } from './section.js';
import { realSentences, sentenceArticles, writeArticleFiles } from './synthetic-articles.js';
import type { Table } from './table.js';

/** Seed of the synthetic corpus: the same articles on every run and machine. */
const SEED = 20220907;
/** A sentence no synthetic article holds yet, appended to change one article's bytes and passages. */
const ADDED_SENTENCE = 'Tirana said the investigation into the attack on its government systems is continuing.';

/** What one model's runs measured. */
export interface ModelReindex {
  model: string;
  modelId: string;
  modelLoadSeconds: number;
  cold: TimedReindex;
  unchanged: TimedReindex & { ratioToCold: number };
  oneChanged: TimedReindex & { article: string; articlePassages: number };
}

async function measureModel(model: BenchModel, articlesDir: string, work: string, log: (m: string) => void): Promise<ModelReindex> {
  const t = performance.now();
  const embedder = await loadEmbedder({ modelId: model.modelId, modelsDir: model.modelsDir, allowDownload: false });
  const modelLoadSeconds = Math.round(performance.now() - t) / 1000;
  const embeddingsDir = await mkdtemp(path.join(work, 'embeddings-'));
  log(`reindex: ${model.label}: cold build`);
  const cold = await timedReindex(articlesDir, embeddingsDir, embedder);
  log(`reindex: ${model.label}: incremental, nothing changed`);
  const unchanged = await timedReindex(articlesDir, embeddingsDir, embedder);
  // Change an article in the middle of the folder, then put it back for the next model.
  const { manifest } = await readIndex(embeddingsDir);
  const target = manifest.articles[manifest.articles.length >> 1]!;
  const file = path.join(articlesDir, target.file);
  const original = await readFile(file);
  await appendFile(file, `\n${ADDED_SENTENCE}\n`);
  log(`reindex: ${model.label}: incremental, ${target.file} changed`);
  const changed = await timedReindex(articlesDir, embeddingsDir, embedder).finally(() => writeFile(file, original));
  const articlePassages = (await readIndex(embeddingsDir)).manifest.articles.find((a) => a.id === target.id)?.passages ?? Number.NaN;
  return {
    model: model.label,
    modelId: model.modelId,
    modelLoadSeconds,
    cold,
    unchanged: { ...unchanged, ratioToCold: Math.round((unchanged.seconds / cold.seconds) * 1000) / 1000 },
    oneChanged: { ...changed, article: target.id, articlePassages },
  };
}

const perSecond = (n: number, seconds: number) => Math.round((n / seconds) * 10) / 10;

function tables(runs: ModelReindex[], articles: number): Table[] {
  const cold: Table = {
    title: `Reindex: cold build of ${articles.toLocaleString('en-US')} synthetic articles into an empty folder (model load not included)`,
    columns: ['model', 'passages', 'seconds', 'passages/s', 'articles/s', 'embed passages/s', 'load+chunk %', 'embed %', 'HNSW+write %'],
    rows: runs.map((r) => {
      const share = phaseShares(r.cold);
      return [
        r.model,
        r.cold.passages,
        r.cold.seconds,
        perSecond(r.cold.passages, r.cold.seconds),
        perSecond(r.cold.articles, r.cold.seconds),
        r.cold.embedPassagesPerSecond && perSecond(r.cold.embedPassagesPerSecond, 1),
        share.loadChunk,
        share.embed,
        share.write,
      ];
    }),
  };
  const incremental: Table = {
    title: 'Reindex: incremental runs after the cold build',
    columns: ['model', 'run', 're-embedded', 'seconds', '× cold', 'load+chunk s', 'embed s', 'HNSW+write s'],
    rows: runs.flatMap((r) => [
      [
        r.model,
        'nothing changed',
        r.unchanged.embedded,
        r.unchanged.seconds,
        r.unchanged.ratioToCold,
        r.unchanged.phases.loadChunk,
        r.unchanged.phases.embed,
        r.unchanged.phases.write,
      ],
      [
        r.model,
        `1 article changed (${r.oneChanged.articlePassages} passages)`,
        r.oneChanged.embedded,
        r.oneChanged.seconds,
        Math.round((r.oneChanged.seconds / r.cold.seconds) * 1000) / 1000,
        r.oneChanged.phases.loadChunk,
        r.oneChanged.phases.embed,
        r.oneChanged.phases.write,
      ],
    ]),
  };
  return [cold, incremental];
}

/** What a reindex section measures; the defaults are the benchmark's, tests pass small ones. */
export interface ReindexSectionOptions {
  /** Synthetic articles for a run (default: 200 with `--quick`, 2,000 otherwise). */
  articles?: (quick: boolean) => number;
  /** Models to reindex with (default: the two bench models). */
  models?: (root: string) => BenchModel[];
}

/** Builds the reindex section; {@link reindexSection} is the one `npm run bench` runs. */
export function createReindexSection(options: ReindexSectionOptions = {}): Section {
  // About 7 passages an article, like the shipped ones: 200 keep --quick near a minute on 2 cores
  // even when the MiniLM-shaped model gets only one of them.
  const articlesFor = options.articles ?? ((quick) => (quick ? 200 : 2000));
  return {
    name: 'reindex',
    description: 'npm run reindex on a synthetic corpus of real sentences: cold build throughput and phases, incremental re-embedding',
    async run(ctx: BenchContext): Promise<SectionResult> {
      const count = articlesFor(ctx.options.quick);
      const work = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-reindex-'));
      try {
        const articlesDir = path.join(work, 'articles');
        const pool = await realSentences(path.join(ctx.root, 'data', 'articles'));
        await writeArticleFiles(articlesDir, count, sentenceArticles(pool, { seed: SEED }));
        const notes = [
          `Corpus: ${count.toLocaleString('en-US')} synthetic articles (headline + 3–6 paragraphs of 2–4 sentences), shuffled from the ${pool.length} distinct sentences of data/articles (seed ${SEED}), in a temporary folder.`,
        ];
        const runs: ModelReindex[] = [];
        for (const model of (options.models ?? benchModels)(ctx.root)) {
          if (await ensureModel(model, ctx.root, ctx.log)) runs.push(await measureModel(model, articlesDir, work, ctx.log));
          else notes.push(`${model.modelId} is missing and could not be generated; skipped.`);
        }
        notes.push(
          `Model load, not in the figures: ${runs.map((r) => `${r.model} ${r.modelLoadSeconds} s`).join(', ')}.`,
          "Phases come from reindex's progress callback: load+chunk ends at its first report (before any embedding), embed at its last; HNSW+write is the rest (graph build, files, checksums, manifest switch).",
          'An incremental run still reads every article, reads and verifies the previous index, and rebuilds and rewrites the whole HNSW index: only embedding is skipped for unchanged articles.',
          'Embedding batch size (1–64) and two worker threads with an ONNX session each gave no throughput gain over one session with batches of 16: see bench/README.md.',
        );
        return { tables: tables(runs, count), data: { articles: count, sentencePool: pool.length, seed: SEED, runs }, notes };
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
  };
}

/** The reindex section of `npm run bench`. */
export const reindexSection: Section = createReindexSection();
