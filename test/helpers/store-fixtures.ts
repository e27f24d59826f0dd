import type { Answer } from '../../src/types.js';
import type { QuestionEntry } from '../../src/bot/stores/store.js';

/** An answered Answer quoting `sources` (article ids), as the engine returns it. */
export function answered(question: string, sources: string[] = ['a1']): Answer {
  return {
    question,
    answered: true,
    mode: 'keyword',
    message: '',
    timings: {},
    citations: sources.map((source, i) => ({
      n: i + 1,
      source,
      title: `Title of ${source}`,
      quote: `Quote ${i + 1} from ${source}.`,
      score: 1,
      also: [],
      start: 0,
      end: 10,
      passageId: `${source}#0`,
      highlights: [],
    })),
  };
}

/** A question-log entry with sensible defaults. */
export function entry(over: Partial<QuestionEntry> = {}): QuestionEntry {
  return {
    at: Date.now(),
    member: 'm1',
    command: 'ask',
    outcome: 'answered',
    articleIds: [],
    latencyMs: 12,
    question: 'When did Albania cut ties?',
    ...over,
  };
}
