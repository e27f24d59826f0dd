import type { LogFields } from '../logger.js';
import type { Answer } from '../types.js';
import type { QuestionCommand, QuestionEntry, QuestionOutcome } from './stores/store.js';

/** Longest question text kept: a refused question can be longer than any the engine takes, and stored text stays bounded. */
export const QUESTION_TEXT_MAX = 2000;

/** What a command told the router about the question it handled (see CommandContext.asked / answered). */
export interface QuestionDraft {
  question: string;
  command: QuestionCommand;
  answer?: Answer;
  answerId?: string;
  /** Asked as a follow-up of an earlier answer. */
  followUp?: boolean;
}

/**
 * The question-log entry of a finished interaction. The outcome comes from the router's log
 * fields, so the log and the metrics can never disagree: `ok` with an answer is answered or not
 * covered, a refusal slug (cooldown, too-long…) is refused, anything else is an error.
 */
export function questionEntry(draft: QuestionDraft, fields: LogFields, member: string, at: number): QuestionEntry {
  const { answer } = draft;
  let outcome: QuestionOutcome;
  if (fields.outcome === 'ok') outcome = !answer ? 'error' : answer.answered ? 'answered' : 'not-covered';
  else outcome = fields.outcome === 'error' || fields.outcome === undefined ? 'error' : 'refused';
  const reason = outcome === 'not-covered' ? answer?.notCovered?.reason : outcome === 'refused' ? String(fields.outcome) : undefined;
  return {
    at,
    member,
    command: draft.command,
    outcome,
    ...(reason ? { reason } : {}),
    ...(outcome === 'not-covered' && answer?.notCovered?.term ? { term: answer.notCovered.term } : {}),
    ...(answer ? { mode: answer.mode } : {}),
    articleIds: answer?.answered ? [...new Set(answer.citations.map((c) => c.source))] : [],
    latencyMs: typeof fields.latencyMs === 'number' ? fields.latencyMs : 0,
    question: draft.question.slice(0, QUESTION_TEXT_MAX),
    ...(draft.answerId ? { answerId: draft.answerId } : {}),
    ...(draft.followUp ? { followUp: true } : {}),
  };
}
