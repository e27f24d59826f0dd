import path from 'node:path';
import { benchModels, ensureModel, type BenchModel } from './bench-models.js';
import { compare, type Contender, type ContenderResult } from './compare.js';
import { openOurPipeline, type OurPipeline } from './our-pipeline.js';
import { loadPeer, peerMissing } from './peer-loader.js';
import { loadQuestions, type QuestionSet } from './questions.js';
import type { BenchContext, Section, SectionResult } from './section.js';
import type { Table } from './table.js';
import { round } from '../../src/round.js';

/** casefile's two entry points: passages from search(), verbatim quotes from ask(). */
function ours(p: OurPipeline, mode: string): Contender[] {
  const stages: Array<Record<string, number>> = [];
  return [
    { pipeline: `casefile search (${mode})`, top3: async (q) => (await p.engine.search(q, 3)).map((h) => h.passage.text) },
    {
      pipeline: `casefile ask (${mode}, quotes)`,
      stages,
      top3: async (q) => {
        const a = await p.engine.ask(q);
        stages.push(a.timings);
        return a.answered ? a.citations.slice(0, 3).map((c) => c.quote) : [];
      },
      refuses: async (q) => !(await p.engine.ask(q)).answered,
    },
  ];
}

interface ModelRun {
  model: string;
  modelId: string;
  passages: number;
  build: { casefileSeconds: number; langchainSeconds?: number };
  results: ContenderResult[];
}

async function runModel(
  ctx: BenchContext,
  model: BenchModel | null,
  set: QuestionSet,
  passes: number,
  skipPeer: string | null,
): Promise<ModelRun> {
  const articles = path.join(ctx.root, 'data', 'articles');
  const our = await openOurPipeline(ctx.root, articles, model);
  try {
    const contenders = ours(our, model ? 'hybrid' : 'keyword only');
    const build: ModelRun['build'] = { casefileSeconds: round(our.buildSeconds) };
    if (model && !skipPeer) {
      const { buildPeerPipeline } = await loadPeer(ctx.root);
      const text = new Map(our.passages.map((p) => [p.id, p.text]));
      const t = performance.now();
      const peer = await buildPeerPipeline(
        our.passages.map((p) => ({ id: p.id, text: p.text })),
        model,
      );
      build.langchainSeconds = round((performance.now() - t) / 1000);
      contenders.unshift({
        pipeline: 'LangChain HNSWLib (vector)',
        top3: async (q) => (await peer.query(q, 3)).map((id) => text.get(id)!),
      });
    }
    ctx.log(
      `peer: ${model?.label ?? 'keyword only'}: ${our.passages.length} passages, timing ${contenders.length} pipelines × ${set.answerable.length} questions × ${passes} passes`,
    );
    const results = await compare(contenders, set, passes);
    return { model: model?.label ?? 'none (keyword only)', modelId: model?.modelId ?? '', passages: our.passages.length, build, results };
  } finally {
    await our.dispose();
  }
}

function table(runs: ModelRun[]): Table {
  return {
    title:
      'Peer: casefile vs LangChain.js HNSWLib + HuggingFaceTransformersEmbeddings (same passages, same model; latency ms per question)',
    columns: ['model', 'pipeline', 'build s', 'p50', 'p95', 'top-3 hit rate', 'off-topic refused'],
    rows: runs.flatMap((r) =>
      r.results.map((c) => [
        r.model,
        c.pipeline,
        c.pipeline.startsWith('LangChain') ? r.build.langchainSeconds : r.build.casefileSeconds,
        c.latency.p50,
        c.latency.p95,
        `${c.hits}/${c.questions} (${Math.round(c.hitRate * 100)}%)`,
        c.offTopicRefused ? `${c.offTopicRefused.refused}/${c.offTopicRefused.of}` : 'n/a',
      ]),
    ),
  };
}

/** The peer section: our pipeline against the LangChain.js one a user would otherwise build. */
export const peerSection: Section = {
  name: 'peer',
  description: 'casefile vs LangChain.js HNSWLib + HuggingFaceTransformersEmbeddings: query latency and top-3 hit rate',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const set = await loadQuestions(path.join(ctx.root, 'test', 'fixtures', 'questions.json'));
    const passes = ctx.options.quick ? 3 : 5;
    const skipPeer = peerMissing(ctx.root);
    const notes: string[] = skipPeer ? [skipPeer] : [];
    const runs: ModelRun[] = [];
    for (const model of benchModels(ctx.root)) {
      if (!(await ensureModel(model, ctx.root, ctx.log))) {
        notes.push(`${model.modelId} is missing and could not be generated; skipped.`);
        continue;
      }
      runs.push(await runModel(ctx, model, set, passes, skipPeer));
    }
    runs.push(await runModel(ctx, null, set, passes, skipPeer));
    for (const r of runs) {
      const lc = r.results.find((c) => c.pipeline.startsWith('LangChain'));
      const ask = r.results.find((c) => c.pipeline.startsWith('casefile ask'));
      if (lc && ask)
        notes.push(
          `${r.model}: casefile ask p50 is ${(ask.latency.p50 / lc.latency.p50).toFixed(2)}× LangChain's (it also runs BM25, fusion and quote extraction).`,
        );
      if (ask?.stagesP50)
        notes.push(
          `${r.model}: casefile ask median ms per stage: ${Object.entries(ask.stagesP50)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}.`,
        );
    }
    notes.push(
      `A hit: one of the question's expected facts appears in the top 3 texts (passages for search/LangChain, verbatim quotes for ask, which must also answer). ${set.answerable.length} answerable and ${set.offTopic.length} off-topic questions from test/fixtures/questions.json; latency is the per-question median over ${passes} interleaved passes after one warm-up.`,
      'Build: casefile = model load + chunking + embedding + HNSW + atomic write of the index; LangChain = model load + embedding + HNSW of the same, already chunked, passages (in memory). The models have random weights: hit rates show the pipelines, not model quality.',
    );
    return { tables: [table(runs)], data: { passes, runs }, notes };
  },
};
