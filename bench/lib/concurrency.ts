import path from 'node:path';
import { benchModels, ensureModel } from './bench-models.js';
import { measureBot, type BotMeasurement } from './bot-burst.js';
import { cycleQuestions, type RunSummary } from './concurrency-stats.js';
import { measureEngine, type EngineMeasurement } from './engine-burst.js';
import { loadQuestions } from './questions.js';
import type { BenchContext, Section, SectionResult } from './section.js';
import type { Table } from './table.js';

/** Questions per run: a busy moment in a large server, well past the bot's usual load. */
export const ASKS = 100;

interface ModelRun {
  model: string;
  modelId: string;
  engine: EngineMeasurement;
  bot: BotMeasurement;
}

const seconds = (ms: number) => Math.round(ms) / 1000;
// Engine figures are on performance.now()'s clock; a tenth of a millisecond is all the noise allows.
const tenth = (ms: number) => Math.round(ms * 10) / 10;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function botTable(runs: ModelRun[]): Table {
  const row = (r: ModelRun, how: string, s: RunSummary) => [
    r.model,
    how,
    s.initial?.p50,
    s.initial?.p95,
    s.final.p50,
    s.final.p95,
    s.final.p99,
    seconds(s.wallMs),
    s.perSecond,
  ];
  return {
    title: `Concurrency: ${ASKS} /ask through the bot (real process, discord.js, local Discord simulator); ms from dispatch`,
    columns: ['model', 'asked', 'defer p50', 'defer p95', 'answer p50', 'answer p95', 'answer p99', 'wall s', 'answers/s'],
    rows: runs.flatMap((r) => [row(r, 'all at once', r.bot.concurrent), row(r, 'one at a time', r.bot.sequential)]),
  };
}

function engineTable(runs: ModelRun[]): Table {
  const row = (r: ModelRun, how: string, s: RunSummary) => [
    r.model,
    how,
    tenth(s.final.p50),
    tenth(s.final.p95),
    tenth(s.final.p99),
    seconds(s.wallMs),
    s.perSecond,
  ];
  return {
    title: `Concurrency: ${ASKS} Engine.ask calls (no Discord); ms from each call`,
    columns: ['model', 'asked', 'p50', 'p95', 'p99', 'wall s', 'answers/s'],
    rows: runs.flatMap((r) => [
      row(r, 'all at once', r.engine.concurrent),
      ...r.engine.batched.map((b) => row(r, `all at once, query batches ≤${b.maxBatch} (mean ${b.meanBatch})`, b.run)),
      row(r, 'one at a time', r.engine.sequential),
    ]),
  };
}

/** The verdict on query micro-batching for one model, from its engine-only figures. */
export function batchingNote(r: Pick<ModelRun, 'model' | 'engine'>): string {
  const { concurrent, batched, batchingSkipped } = r.engine;
  if (batchingSkipped || !batched.length) return `${r.model}: query micro-batching not measured (${batchingSkipped ?? 'no batch caps'}).`;
  const parts = batched.map(
    (b) =>
      `≤${b.maxBatch}: throughput ${ratio(b.run.perSecond, concurrent.perSecond)}, p95 ${ratio(b.run.final.p95, concurrent.final.p95)}`,
  );
  const drift =
    r.engine.batchDrift === undefined
      ? ''
      : ` A query's vector embedded in a batch differs from it embedded alone by up to ${r.engine.batchDrift} per component.`;
  return `${r.model}: query micro-batching vs one inference per query, ${ASKS} at once (throughput >1× and p95 <1× would be gains): ${parts.join('; ')}.${drift}`;
}

function notes(runs: ModelRun[], rounds: number, pool: number): string[] {
  const out = runs.flatMap((r) => [
    `${r.model}: all at once gives ${ratio(r.bot.concurrent.perSecond, r.bot.sequential.perSecond)} the answers/s of one at a time through the bot, ${ratio(r.engine.concurrent.perSecond, r.engine.sequential.perSecond)} in the engine alone.`,
    `${r.model}: Discord path overhead — one at a time, answer p50 ${r.bot.sequential.final.p50} ms through the bot vs ${tenth(r.engine.sequential.final.p50)} ms in the engine; all at once, wall ${seconds(r.bot.concurrent.wallMs)} s vs ${seconds(r.engine.concurrent.wallMs)} s.`,
    batchingNote(r),
  ]);
  out.push(
    `Each run asks ${ASKS} questions cycling through the ${pool} of test/fixtures/questions.json (answerable and off-topic), each /ask from its own user with ASK_COOLDOWN_SECONDS=0. The bot is scripts/bot.ts in its own process with the model named in the row; the simulator runs in the bench process on 127.0.0.1, so REST round trips are loopback, not Discord's.`,
    `"defer" is the initial response (Discord's 3 s limit), "answer" the edit carrying the answer; figures are the median over ${rounds} round(s), after a warm-up. The 2-core box is shared: compare rows of one run, not runs.`,
  );
  return out;
}

/** The concurrency section: many questions at once through the bot and the engine, vs one at a time. */
export const concurrencySection: Section = {
  name: 'concurrency',
  description: `${ASKS} concurrent /ask through the bot and the engine vs sequential: defer and answer latency, throughput, query micro-batching`,
  async run(ctx: BenchContext): Promise<SectionResult> {
    const set = await loadQuestions(path.join(ctx.root, 'test', 'fixtures', 'questions.json'));
    const questions = cycleQuestions(set, ASKS);
    const rounds = ctx.options.quick ? 1 : 3;
    const skipped: string[] = [];
    const runs: ModelRun[] = [];
    for (const model of benchModels(ctx.root)) {
      if (!(await ensureModel(model, ctx.root, ctx.log))) {
        skipped.push(`${model.modelId} is missing and could not be generated; skipped.`);
        continue;
      }
      const log = (m: string) => ctx.log(`concurrency: ${model.label}: ${m}`);
      const engine = await measureEngine(model, questions, rounds, log);
      const bot = await measureBot(model, { questions, rounds, warmup: 10, log });
      runs.push({ model: model.label, modelId: model.modelId, engine, bot });
    }
    const pool = set.answerable.length + set.offTopic.length;
    return {
      tables: [botTable(runs), engineTable(runs)],
      data: { asks: ASKS, rounds, runs },
      notes: [...skipped, ...notes(runs, rounds, pool)],
    };
  },
};
