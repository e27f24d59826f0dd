import { hitInTop3, type QuestionSet } from './questions.js';
import { median, summarize, type LatencySummary } from './stats.js';
import { round } from '../../src/round.js';

/** A retrieval pipeline under test: the texts it would show for a question, best first. */
export interface Contender {
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
