import path from 'node:path';
import { benchModels, ensureModel, type BenchModel } from './bench-models.js';
import { openOurPipeline, type OurPipeline } from './our-pipeline.js';
import { loadPeer, peerMissing } from './peer-loader.js';
import { hitInTop3, loadQuestions, type QuestionSet } from './questions.js';
import type { BenchContext, Section, SectionResult } from './section.js';
import { median, summarize, type LatencySummary } from './stats.js';
import type { Table } from './table.js';

/** A retrieval pipeline under test: the texts it would show for a question, best first. */
interface Contender {
  pipeline: string;
  top3(question: string): Promise<string[]>;
  /** Whether it declined to answer (only casefile's ask can). */
  refuses?(question: string): Promise<boolean>;
  /** Per-stage milliseconds of each call, when the pipeline reports them (casefile's ask does). */
  stages?: Array<Record<string, number>>;
}

export interface ContenderResult {
  pipeline: string;
  latency: LatencySummary & { passes: number };
  hitRate: number;
  hits: number;
  questions: number;
  misses: string[];
  /** Off-topic questions declined, when the pipeline can decline at all. */
  offTopicRefused?: { refused: number; of: number };
  /** Median milliseconds per stage over all timed calls (casefile's ask only). */
  stagesP50?: Record<string, number>;
}

/** Median of each stage over the calls that reported it. */
function stageMedians(calls: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const keys = [...new Set(calls.flatMap((c) => Object.keys(c)))];
  return Object.fromEntries(keys.map((k) => [k, round(median(calls.flatMap((c) => (k in c ? [c[k]!] : []))))]));
}

/**
 * Times every contender on every question, interleaving them pass by pass so machine noise hits
 * them alike, then scores the first pass's results. Per-question latency is the median over passes.
 */
export async function compare(contenders: readonly Contender[], set: QuestionSet, passes: number): Promise<ContenderResult[]> {
  const questions = set.answerable;
  for (const c of contenders) await c.top3(questions[0]!.question); // lazy loading stays out of the figures
  for (const c of contenders) c.stages?.splice(0);
  const times = contenders.map(() => [] as number[][]);
  const first = contenders.map(() => [] as string[][]);
  for (let pass = 0; pass < passes; pass++) {
    for (const [i, c] of contenders.entries()) {
      const ms: number[] = [];
      for (const { question } of questions) {
        const t = performance.now();
        const texts = await c.top3(question);
        ms.push(performance.now() - t);
        if (pass === 0) first[i]!.push(texts);
      }
      times[i]!.push(ms);
    }
  }
  const results: ContenderResult[] = [];
  for (const [i, c] of contenders.entries()) {
    const perQuestion = questions.map((_, q) => median(times[i]!.map((p) => p[q]!)));
    const misses = questions.filter((q, n) => !hitInTop3(first[i]![n]!, q.expect)).map((q) => q.question);
    let offTopicRefused: ContenderResult['offTopicRefused'];
    if (c.refuses && set.offTopic.length) {
      let refused = 0;
      for (const q of set.offTopic) if (await c.refuses(q)) refused++;
      offTopicRefused = { refused, of: set.offTopic.length };
    }
    results.push({
      pipeline: c.pipeline,
      latency: { ...summarize(perQuestion), passes },
      hitRate: round((questions.length - misses.length) / questions.length),
      hits: questions.length - misses.length,
      questions: questions.length,
      misses,
      ...(offTopicRefused ? { offTopicRefused } : {}),
      ...(c.stages?.length ? { stagesP50: stageMedians(c.stages) } : {}),
    });
  }
  return results;
}

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

async function runModel(ctx: BenchContext, model: BenchModel | null, set: QuestionSet, passes: number, skipPeer: string | null): Promise<ModelRun> {
  const articles = path.join(ctx.root, 'data', 'articles');
  const our = await openOurPipeline(ctx.root, articles, model);
  try {
    const contenders = ours(our, model ? 'hybrid' : 'keyword only');
    const build: ModelRun['build'] = { casefileSeconds: round(our.buildSeconds) };
    if (model && !skipPeer) {
      const { buildPeerPipeline } = await loadPeer(ctx.root);
      const text = new Map(our.passages.map((p) => [p.id, p.text]));
      const t = performance.now();
      const peer = await buildPeerPipeline(our.passages.map((p) => ({ id: p.id, text: p.text })), model);
      build.langchainSeconds = round((performance.now() - t) / 1000);
      contenders.unshift({ pipeline: 'LangChain HNSWLib (vector)', top3: async (q) => (await peer.query(q, 3)).map((id) => text.get(id)!) });
    }
    ctx.log(`peer: ${model?.label ?? 'keyword only'}: ${our.passages.length} passages, timing ${contenders.length} pipelines × ${set.answerable.length} questions × ${passes} passes`);
    const results = await compare(contenders, set, passes);
    return { model: model?.label ?? 'none (keyword only)', modelId: model?.modelId ?? '', passages: our.passages.length, build, results };
  } finally {
    await our.dispose();
  }
}

function table(runs: ModelRun[]): Table {
  return {
    title: 'Peer: casefile vs LangChain.js HNSWLib + HuggingFaceTransformersEmbeddings (same passages, same model; latency ms per question)',
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
      if (lc && ask) notes.push(`${r.model}: casefile ask p50 is ${(ask.latency.p50 / lc.latency.p50).toFixed(2)}× LangChain's (it also runs BM25, fusion and quote extraction).`);
      if (ask?.stagesP50) notes.push(`${r.model}: casefile ask median ms per stage: ${Object.entries(ask.stagesP50).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
    }
    notes.push(
      `A hit: one of the question's expected facts appears in the top 3 texts (passages for search/LangChain, verbatim quotes for ask, which must also answer). ${set.answerable.length} answerable and ${set.offTopic.length} off-topic questions from test/fixtures/questions.json; latency is the per-question median over ${passes} interleaved passes after one warm-up.`,
      'Build: casefile = model load + chunking + embedding + HNSW + atomic write of the index; LangChain = model load + embedding + HNSW of the same, already chunked, passages (in memory). The models have random weights: hit rates show the pipelines, not model quality.',
    );
    return { tables: [table(runs)], data: { passes, runs }, notes };
  },
};

const round = (v: number) => Math.round(v * 1000) / 1000;
