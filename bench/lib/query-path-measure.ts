import { median, summarize, type LatencySummary } from './stats.js';

/** The engine's stages as `Engine.ask` reports them in `timings`, in pipeline order. */
export const STAGES = ['bm25', 'embed', 'vector', 'fusion', 'compose', 'total'] as const;

/** What the measurement needs of an engine: `Engine.ask`'s timings. */
export interface TimedAsker {
  ask(question: string): Promise<{ answered: boolean; timings: Record<string, number> }>;
}

/** Per-stage latency over the questions, and how much retrieval adds to the query embedding. */
export interface QueryPathResult {
  questions: number;
  passes: number;
  answered: number;
  /** Percentiles over questions of each question's median over passes, by stage; absent stages are left out. */
  stages: Partial<Record<(typeof STAGES)[number] | 'other' | 'overhead', LatencySummary>>;
  /**
   * Everything but the query embedding (total − embed), as a fraction of the embedding (p50 over
   * p50); null without a model.
   */
  overheadToEmbed: number | null;
}

/**
 * Asks every question `passes` times (after `warmup` unmeasured asks) and summarises each stage.
 * A question's figure is its median over the passes; percentiles are taken across questions, so a
 * p99 over 200 questions says how slow the second-slowest question typically is, not one hiccup.
 * `other` is what the stages don't cover (query analysis, bookkeeping); `overhead` is total − embed.
 */
export async function measureQueryPath(
  engine: TimedAsker,
  questions: readonly string[],
  passes: number,
  warmup = 10,
): Promise<QueryPathResult> {
  if (questions.length === 0 || passes < 1) throw new Error('measureQueryPath: need questions and at least one pass');
  for (let i = 0; i < warmup; i++) await engine.ask(questions[i % questions.length]!);
  const samples = questions.map(() => new Map<string, number[]>());
  let answered = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const [i, question] of questions.entries()) {
      const { timings, answered: ok } = await engine.ask(question);
      if (pass === 0 && ok) answered++;
      const known = STAGES.filter((s) => s !== 'total' && timings[s] !== undefined).reduce((sum, s) => sum + timings[s]!, 0);
      const derived = { ...timings, other: Math.max(0, timings.total! - known), overhead: timings.total! - (timings.embed ?? 0) };
      for (const [stage, ms] of Object.entries(derived)) {
        const list = samples[i]!.get(stage) ?? [];
        list.push(ms);
        samples[i]!.set(stage, list);
      }
    }
  }
  const stages: QueryPathResult['stages'] = {};
  for (const stage of [...STAGES, 'other', 'overhead'] as const) {
    const perQuestion = samples.flatMap((s) => (s.has(stage) ? [median(s.get(stage)!)] : []));
    if (perQuestion.length) stages[stage] = summarize(perQuestion);
  }
  const embed = stages.embed?.p50;
  const overheadToEmbed = embed ? Math.round((stages.overhead!.p50 / embed) * 1000) / 1000 : null;
  return { questions: questions.length, passes, answered, stages, overheadToEmbed };
}
