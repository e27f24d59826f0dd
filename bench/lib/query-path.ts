import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchModels, ensureModel, type BenchModel } from './bench-models.js';
import { openOurPipeline } from './our-pipeline.js';
import { measureQueryPath, STAGES, type QueryPathResult } from './query-path-measure.js';
import { queryPathQuestions } from './query-questions.js';
import { loadQuestions } from './questions.js';
import type { BenchContext, Section, SectionResult } from './section.js';
import { realSentences, writeSentenceCorpus } from './synthetic-articles.js';
import type { Table } from './table.js';

/** Seed of the made-up questions and of the large synthetic corpus. */
const SEED = 20220715;

/** One engine (model × corpus) measured. */
export interface QueryPathRun extends QueryPathResult {
  model: string;
  corpus: string;
  passages: number;
}

/** What a query-path section measures; the defaults are the benchmark's, tests pass small ones. */
export interface QueryPathSectionOptions {
  /** Questions asked (default 200: the minimum, and enough for a p99 that is not the worst). */
  questions?: number;
  /** Timed passes over the questions (default: 2 with `--quick`, 3 otherwise). */
  passes?: (quick: boolean) => number;
  /** Models to run, keyword mode is always added (default: the two bench models). */
  models?: (root: string) => BenchModel[];
  /** Synthetic articles for the larger corpus, measured with the first model only; 0 skips it (default: 2,000 in a full run). */
  largeCorpus?: (quick: boolean) => number;
}

async function measure(
  ctx: BenchContext,
  model: BenchModel | null,
  corpus: { label: string; dir: string },
  questions: string[],
  passes: number,
): Promise<QueryPathRun> {
  const label = model?.label ?? 'keyword only (no model)';
  ctx.log(`query-path: ${label}, ${corpus.label}: building the index`);
  const pipeline = await openOurPipeline(ctx.root, corpus.dir, model);
  try {
    ctx.log(`query-path: ${label}, ${corpus.label}: ${questions.length} questions × ${passes}`);
    const result = await measureQueryPath(pipeline.engine, questions, passes);
    return { model: label, corpus: corpus.label, passages: pipeline.passages.length, ...result };
  } finally {
    await pipeline.dispose();
  }
}

const COLUMNS = [...STAGES.filter((s) => s !== 'total'), 'other', 'total', 'overhead'] as const;

function tables(runs: QueryPathRun[]): Table[] {
  const label = (r: QueryPathRun) => `${r.model}, ${r.corpus} (${r.passages.toLocaleString('en-US')} passages)`;
  const byStage = (p: 'p50' | 'p95' | 'p99'): Table => ({
    title: `Query path: ${p} ms per stage over ${runs[0]?.questions ?? 0} questions (each the median of its passes); overhead = total − embed`,
    columns: ['engine', ...COLUMNS],
    rows: runs.map((r) => [label(r), ...COLUMNS.map((s) => r.stages[s]?.[p])]),
  });
  const summary: Table = {
    title: 'Query path: end to end in process (Engine.ask), and retrieval overhead against the query embedding',
    columns: ['engine', 'answered', 'total p50', 'total p95', 'total p99', 'embed p50', 'overhead p50', 'overhead ÷ embed'],
    rows: runs.map((r) => [
      label(r),
      `${r.answered}/${r.questions}`,
      r.stages.total?.p50,
      r.stages.total?.p95,
      r.stages.total?.p99,
      r.stages.embed?.p50,
      r.stages.overhead?.p50,
      r.overheadToEmbed,
    ]),
  };
  return [summary, byStage('p50'), byStage('p95'), byStage('p99')];
}

/** Builds the query-path section; {@link queryPathSection} is the one `npm run bench` runs. */
export function createQueryPathSection(options: QueryPathSectionOptions = {}): Section {
  return {
    name: 'query-path',
    description:
      'Engine.ask per stage (BM25, query embedding, HNSW, fusion, quotes) p50/p95/p99 over 200+ questions, both models and keyword mode',
    async run(ctx: BenchContext): Promise<SectionResult> {
      const articles = path.join(ctx.root, 'data', 'articles');
      const set = await loadQuestions(path.join(ctx.root, 'test', 'fixtures', 'questions.json'));
      const sentences = await realSentences(articles);
      const questions = queryPathQuestions(set, sentences, options.questions ?? 200, SEED);
      const passes = (options.passes ?? ((quick) => (quick ? 2 : 3)))(ctx.options.quick);
      const notes: string[] = [];
      const models: BenchModel[] = [];
      for (const model of (options.models ?? benchModels)(ctx.root)) {
        if (await ensureModel(model, ctx.root, ctx.log)) models.push(model);
        else notes.push(`${model.modelId} is missing and could not be generated; skipped.`);
      }
      const shipped = { label: 'shipped articles', dir: articles };
      const runs: QueryPathRun[] = [];
      for (const model of [...models, null]) runs.push(await measure(ctx, model, shipped, questions, passes));

      const large = (options.largeCorpus ?? ((quick) => (quick ? 0 : 2000)))(ctx.options.quick);
      if (large > 0) {
        const work = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-query-'));
        try {
          const corpus = { label: `${large.toLocaleString('en-US')} synthetic articles`, dir: path.join(work, 'articles') };
          await writeSentenceCorpus(articles, corpus.dir, large, { seed: SEED });
          for (const model of [models[0] ?? null, null]) runs.push(await measure(ctx, model, corpus, questions, passes));
        } finally {
          await rm(work, { recursive: true, force: true });
        }
      }
      notes.push(
        `Questions: the ${set.answerable.length + set.offTopic.length} of test/fixtures/questions.json, then ${questions.length - set.answerable.length - set.offTopic.length} made from 4–9 word windows of the shipped articles' sentences in a few phrasings (seed ${SEED}). Each is asked ${passes} times after 10 warm-up asks; its figure is the median of those.`,
        "Stages are Engine.ask's own timings: bm25 (keyword search), embed (query embedding), vector (HNSW search), fusion (reciprocal rank fusion), compose (quote extraction and answer), total (the whole call); other = total minus the stages (query analysis).",
        ...(large > 0
          ? [
              'The synthetic corpus (sentences of the shipped articles, shuffled into articles) shows how BM25, HNSW and quote extraction grow with the corpus; the MiniLM-shaped model is left out there because embedding it would take minutes, and its query cost does not depend on the corpus.',
            ]
          : []),
        ...notes,
      );
      return { tables: tables(runs), data: { questions: questions.length, passes, seed: SEED, runs }, notes };
    },
  };
}

/** The query-path section of `npm run bench`. */
export const queryPathSection: Section = createQueryPathSection();
