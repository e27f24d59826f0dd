import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnScript } from '../../harness/spawn-script.js';
import { benchModels, ensureModel, type BenchModel } from './bench-models.js';
import { buildForStart, npmStartToReady } from './cold-start-npm.js';
import { median } from './stats.js';
import { medianPhases, parseMarks, phases, type StartPhases } from './cold-start-measure.js';
import type { BenchContext, Section, SectionResult } from './section.js';
import type { Table } from './table.js';

const CHILD = fileURLToPath(new URL('./cold-start-child.ts', import.meta.url));
const QUESTION = 'How long did the Iranian diplomats have to leave?';

/** One engine's cold starts: the first (which builds the index) and the median of the rest. */
export interface ColdStartRun {
  model: string;
  mode: string;
  firstStart: StartPhases;
  starts: number;
  median: StartPhases;
  answered: boolean;
  /** `npm start` (the built bot) from spawn to logged in and ready, median of `starts`, index already built. */
  npmStartReady: number;
}

/** Starts a child with `env` and returns its phases, or throws with what it printed. */
async function start(env: Record<string, string>): Promise<{ phases: StartPhases; mode: string; answered: boolean }> {
  const result = await spawnScript(CHILD, env, { args: [QUESTION], timeoutMs: 300_000 }).done;
  if (result.code !== 0) throw new Error(`cold-start child exited ${result.code ?? result.signal}: ${result.stderr.slice(-500)}`);
  const marks = parseMarks(result.stdout);
  return { phases: phases(marks, result.ms), mode: marks.mode, answered: marks.answeredQuestion };
}

async function measure(ctx: BenchContext, model: BenchModel | null, starts: number): Promise<ColdStartRun> {
  const label = model?.label ?? 'keyword only (no model)';
  const work = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-start-'));
  try {
    const env = {
      ARTICLES_DIR: path.join(ctx.root, 'data', 'articles'),
      EMBEDDINGS_DIR: path.join(work, 'embeddings'),
      DATA_DIR: path.join(work, 'data'),
      // No model: an empty models folder and no download, the product's offline fallback.
      MODELS_DIR: model?.modelsDir ?? path.join(work, 'models'),
      ...(model ? { MODEL_ID: model.modelId } : {}),
      MODEL_DOWNLOAD: 'false',
      LOG_LEVEL: 'silent',
    };
    ctx.log(`cold-start: ${label}: first start (builds the index)`);
    const first = await start(env);
    const runs: StartPhases[] = [];
    for (let i = 0; i < starts; i++) {
      ctx.log(`cold-start: ${label}: start ${i + 1}/${starts}`);
      runs.push((await start(env)).phases);
    }
    const npm: number[] = [];
    for (let i = 0; i < starts; i++) {
      ctx.log(`cold-start: ${label}: npm start ${i + 1}/${starts}`);
      npm.push(await npmStartToReady(ctx.root, env));
    }
    const npmStartReady = Math.round(median(npm));
    return {
      model: label,
      mode: first.mode,
      firstStart: first.phases,
      starts,
      median: medianPhases(runs),
      answered: first.answered,
      npmStartReady,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function table(runs: ColdStartRun[]): Table {
  const row = (r: ColdStartRun, which: string, p: StartPhases, npm: number | null) => [
    r.model,
    which,
    p.boot,
    p.imports,
    p.model,
    p.index,
    p.ready,
    p.firstAnswer,
    p.wall,
    npm,
  ];
  return {
    title: 'Cold start: ms from process start (engine only, as npm start and npm run ask open it)',
    columns: ['engine', 'start', 'node+tsx', 'imports', 'model', 'index', 'ready', 'first answer', 'spawn→exit', 'npm start→bot ready'],
    rows: runs.flatMap((r) => [
      row(r, `median of ${r.starts}`, r.median, r.npmStartReady),
      row(r, 'first (builds index)', r.firstStart, null),
    ]),
  };
}

/** Builds the cold-start section; {@link coldStartSection} is the one `npm run bench` runs. */
export function createColdStartSection(
  options: { starts?: (quick: boolean) => number; models?: (root: string) => BenchModel[] } = {},
): Section {
  return {
    name: 'cold-start',
    description: 'process start to ready (imports, model load, index load) and to the first answer, per model and in keyword mode',
    async run(ctx: BenchContext): Promise<SectionResult> {
      const starts = (options.starts ?? ((quick) => (quick ? 3 : 5)))(ctx.options.quick);
      const notes: string[] = [];
      const models: Array<BenchModel | null> = [];
      for (const model of (options.models ?? benchModels)(ctx.root)) {
        if (await ensureModel(model, ctx.root, ctx.log)) models.push(model);
        else notes.push(`${model.modelId} is missing and could not be generated; skipped.`);
      }
      ctx.log('cold-start: npm run build (npm start runs the built bot)');
      await buildForStart(ctx.root);
      const runs: ColdStartRun[] = [];
      for (const model of [...models, null]) runs.push(await measure(ctx, model, starts));
      notes.unshift(
        'Each start is a new node process (bench/lib/cold-start-child.ts through tsx, as npm run ask runs) over the shipped articles: import the engine, load the model (importing transformers.js and onnxruntime with it; keyword mode finds no model files and skips both), open the index (checking it against the articles, as the bot does), answer one question. The first start of each engine finds no index and builds it; the others load it.',
        `Phases are medians over ${starts} starts, each taken on its own, so they need not add up to "ready". npm start runs compiled JavaScript, which skips tsx's transpiling (part of node+tsx and imports).`,
        `"npm start→bot ready" is npm start itself (the built bot, after npm run build), median of ${starts}, timed from spawning npm to the bot's "bot ready" log line: npm, node, imports, model, index (already built) and the login to a local Discord simulator.`,
      );
      return { tables: [table(runs)], data: { question: QUESTION, runs }, notes };
    },
  };
}

/** The cold-start section of `npm run bench`. */
export const coldStartSection: Section = createColdStartSection();
