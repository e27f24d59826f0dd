import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { correct } from './score.js';
import { signTest } from './statistics.js';
import type { RunResult } from './run.js';

/**
 * A change judged against the report of an earlier run (`npm run eval -- --baseline FILE`): which
 * questions it won and lost, and whether that is more than chance. The splits are small (a class
 * of 20 moves 5 points per question), so a gain of two or three questions is often noise; the
 * exact sign test on the questions that flipped says how often a change that does nothing would
 * flip at least this lopsidedly.
 */

const outcomeSchema = z.object({
  id: z.string(),
  class: z.string(),
  answered: z.boolean(),
  rank: z.number().int().positive().optional(),
});
const reportSchema = z.object({
  split: z.string(),
  runs: z.array(z.object({ corpus: z.string(), mode: z.string(), outcomes: z.array(outcomeSchema) })),
});

/** The parts of a saved report a comparison needs. */
export type BaselineReport = z.infer<typeof reportSchema>;

/** A saved report isn't one `npm run eval` wrote, or is for another split. */
export class BaselineError extends Error {
  override name = 'BaselineError';
}

/** Reads and checks a saved report; the error names the file and what is wrong with it. */
export async function readBaseline(file: string, split: string): Promise<BaselineReport> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    // Not `instanceof Error`: errors from node's fs come from another realm under the test runner.
    const message = (error as { message?: unknown })?.message;
    throw new BaselineError(`baseline ${file}: ${typeof message === 'string' ? message : String(error)}`);
  }
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BaselineError(`baseline ${file}: not an eval report (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  if (parsed.data.split !== split)
    throw new BaselineError(`baseline ${file} is of the ${parsed.data.split} split, this run is of ${split}`);
  return parsed.data;
}

/** A question whose outcome changed. */
export interface Flip {
  id: string;
  class: string;
}

/** One run set against the same corpus and mode in the baseline. */
export interface Comparison {
  corpus: string;
  mode: string;
  /** Questions right now and wrong before, and the reverse. */
  gained: Flip[];
  lost: Flip[];
  /** Two-sided exact sign test on the flips: the chance of a split at least this uneven if the change did nothing. */
  p: number;
}

/** Each run's flips against the baseline run of the same corpus and mode (runs the baseline lacks are skipped). */
export function compareRuns(runs: readonly Pick<RunResult, 'corpus' | 'mode' | 'outcomes'>[], baseline: BaselineReport): Comparison[] {
  const out: Comparison[] = [];
  for (const run of runs) {
    const before = baseline.runs.find((r) => r.corpus === run.corpus && r.mode === run.mode);
    if (!before) continue;
    const was = new Map(before.outcomes.map((o) => [o.id, correct(o)]));
    const gained: Flip[] = [];
    const lost: Flip[] = [];
    for (const o of run.outcomes) {
      const prior = was.get(o.id);
      if (prior === undefined || prior === correct(o)) continue;
      (prior ? lost : gained).push({ id: o.id, class: o.class });
    }
    out.push({ corpus: run.corpus, mode: run.mode, gained, lost, p: signTest(gained.length, lost.length) });
  }
  return out;
}
