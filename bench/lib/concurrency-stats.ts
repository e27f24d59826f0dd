import type { QuestionSet } from './questions.js';
import { median, summarize, type LatencySummary } from './stats.js';
import { round } from '../../src/round.js';

/**
 * When one question was sent and answered, in milliseconds on one clock. `initial` is the
 * interaction's first response (the "thinking…" deferral); engine-only runs have none.
 */
export interface AskTiming {
  question: string;
  start: number;
  initial?: number;
  end: number;
}

/** One run of N questions (all at once, or one at a time). */
export interface RunSummary {
  asks: number;
  /** Time to the initial response, from each ask's own start; null when the run has none. */
  initial: LatencySummary | null;
  /** Time to the final answer, from each ask's own start. */
  final: LatencySummary;
  /** From the first start to the last answer. */
  wallMs: number;
  /** Answers per second over the wall time. */
  perSecond: number;
}

/** Summarises a run: latency percentiles of each ask against its own start, and throughput. */
export function summarizeRun(timings: readonly AskTiming[]): RunSummary {
  if (timings.length === 0) throw new Error('summarizeRun: no timings');
  const withInitial = timings.filter((t) => t.initial !== undefined);
  // A run either has initial responses for every ask or for none: a partial set would hide drops.
  if (withInitial.length && withInitial.length !== timings.length)
    throw new Error(`${timings.length - withInitial.length} of ${timings.length} asks have no initial response`);
  const first = Math.min(...timings.map((t) => t.start));
  const wallMs = Math.max(...timings.map((t) => t.end)) - first;
  return {
    asks: timings.length,
    initial: withInitial.length ? summarize(withInitial.map((t) => t.initial! - t.start)) : null,
    final: summarize(timings.map((t) => t.end - t.start)),
    wallMs: round(wallMs),
    perSecond: round(wallMs > 0 ? (timings.length * 1000) / wallMs : Number.POSITIVE_INFINITY, 1),
  };
}

/**
 * Field-by-field median of several rounds' summaries: on a shared machine one round can be hit
 * by someone else's job, and the median round figure is the typical one.
 */
export function medianRun(runs: readonly RunSummary[]): RunSummary {
  if (runs.length === 1) return runs[0]!;
  const m = (pick: (r: RunSummary) => number) => round(median(runs.map(pick)));
  const latency = (pick: (r: RunSummary) => LatencySummary): LatencySummary => ({
    n: pick(runs[0]!).n,
    p50: m((r) => pick(r).p50),
    p95: m((r) => pick(r).p95),
    p99: m((r) => pick(r).p99),
    min: m((r) => pick(r).min),
    max: m((r) => pick(r).max),
  });
  return {
    asks: runs[0]!.asks,
    initial: runs.every((r) => r.initial) ? latency((r) => r.initial!) : null,
    final: latency((r) => r.final),
    wallMs: m((r) => r.wallMs),
    perSecond: round(median(runs.map((r) => r.perSecond)), 1),
  };
}

/** `n` real questions, answerable and off-topic alike, cycling through the set in order. */
export function cycleQuestions(set: QuestionSet, n: number): string[] {
  const pool = [...set.answerable.map((q) => q.question), ...set.offTopic];
  return Array.from({ length: n }, (_, i) => pool[i % pool.length]!);
}
