import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadEngineConfig } from '../../src/config.js';
import { Engine } from '../../src/engine.js';
import { loadEmbedder } from '../../src/index/embedder.js';
import type { PreviousQuestion } from '../../src/query/follow-up.js';
import type { Answer, Embedder } from '../../src/types.js';
import { isOffTopic, type EvalQuestion } from './questions.js';
import { slippedVariants } from './slips.js';
import { figuresOf, hitAt3, outcomeOf, type Outcome, type RunFigures } from './score.js';

/** Which articles a run indexes: the shipped five alone, or with the fixture articles added. */
export type CorpusName = 'shipped' | 'combined';

export interface RunSpec {
  corpus: CorpusName;
  /** 'keyword', or the id of a model under `modelsDir`. */
  mode: string;
}

export interface RunResult extends RunSpec {
  questions: number;
  figures: RunFigures;
  outcomes: Outcome[];
  /** One-letter slips in the questions this run answered (see slips.ts): how many asked, how many still hit@3. */
  slips: { asked: number; kept: number };
}

export interface Corpora {
  shipped: string;
  fixtures: string;
  modelsDir: string;
}

/** The questions a corpus can be asked: a fixture article's question needs the fixture articles. */
export function questionsFor(corpus: CorpusName, questions: readonly EvalQuestion[]): EvalQuestion[] {
  return questions.filter((q) => corpus === 'combined' || q.corpus !== 'fixtures');
}

async function embedderFor(mode: string, modelsDir: string): Promise<Embedder | null> {
  return mode === 'keyword' ? null : loadEmbedder({ modelId: mode, modelsDir, allowDownload: false });
}

/** Indexes the corpus in a throwaway folder and asks every question once. */
export async function runOne(spec: RunSpec, questions: readonly EvalQuestion[], corpora: Corpora): Promise<RunResult> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'casefile-eval-'));
  try {
    const articlesDir = path.join(root, 'articles');
    await cp(corpora.shipped, articlesDir, { recursive: true });
    if (spec.corpus === 'combined') {
      for (const file of await readdir(corpora.fixtures)) await cp(path.join(corpora.fixtures, file), path.join(articlesDir, file));
    }
    const config = loadEngineConfig({ ARTICLES_DIR: 'articles', EMBEDDINGS_DIR: 'embeddings', MODEL_DOWNLOAD: 'false' }, root);
    const embedder = await embedderFor(spec.mode, corpora.modelsDir);
    const engine = await Engine.open({ config, embedder });
    const asked = questionsFor(spec.corpus, questions);
    const outcomes: Outcome[] = [];
    for (const q of asked) outcomes.push(outcomeOf(q, await askConversation(engine, q)));
    return {
      ...spec,
      questions: asked.length,
      figures: figuresOf(asked, outcomes),
      outcomes,
      slips: await askSlipped(engine, asked, outcomes),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * Asks slipped variants of each answerable question the engine answered within the top 3, except
 * follow-ups and the typo class (already misspelled), and counts those still answered so.
 */
async function askSlipped(engine: Engine, asked: readonly EvalQuestion[], outcomes: readonly Outcome[]): Promise<RunResult['slips']> {
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  let [count, kept] = [0, 0];
  for (const q of asked) {
    if (isOffTopic(q) || q.steps || q.class === 'typo' || !hitAt3(byId.get(q.id))) continue;
    for (const variant of slippedVariants(q.question, q.id)) {
      count++;
      if (hitAt3(outcomeOf(q, await engine.ask(variant)))) kept++;
    }
  }
  return { asked: count, kept };
}

/**
 * Asks a question; a follow-up's earlier steps first, each with the one before it (and its lead
 * quote) as context, as a member clicking "Ask a follow-up" would. Only the last answer is scored.
 */
export async function askConversation(engine: Engine, q: EvalQuestion): Promise<Answer> {
  let previous: PreviousQuestion | undefined;
  for (const step of q.steps ?? []) {
    const answer = await engine.ask(step, previous ? { previous } : {});
    const lead = answer.citations[0]?.quote;
    previous = { question: step, ...(lead ? { leadQuote: lead } : {}), ...(previous ? { previous } : {}) };
  }
  return engine.ask(q.question, previous ? { previous } : {});
}

/** A class whose figure fell when the fixture articles were added to the shipped ones. */
export interface GrowthRow {
  mode: string;
  class: string;
  alone: number;
  withFixtures: number;
  /** Percentage points, negative for a loss. */
  delta: number;
}

/**
 * The growth check: the shipped corpus's own questions, asked of the shipped articles alone and
 * again with the fixture articles added as distractors. Hit@3 for answerable classes, the refusal
 * rate for off-topic ones.
 */
export function growth(alone: RunResult, combined: RunResult, questions: readonly EvalQuestion[]): GrowthRow[] {
  const own = questionsFor('shipped', questions);
  const ids = new Set(own.map((q) => q.id));
  const before = alone.figures;
  const after = figuresOf(
    own,
    combined.outcomes.filter((o) => ids.has(o.id)),
  );
  return Object.entries(before.classes).map(([name, b]) => {
    const a = after.classes[name]!;
    const value = (f: typeof b) => f.hit3 ?? f.refused ?? 0;
    return { mode: alone.mode, class: name, alone: value(b), withFixtures: value(a), delta: Math.round((value(a) - value(b)) * 1000) / 10 };
  });
}
