import type { AskOptions } from '../engine.js';
import type { Answer } from '../types.js';
import type { CommandContext } from './command.js';
import type { AnswerRecord } from './stores/store.js';

/**
 * Saves an answered question so its buttons work later, and tells the question log what was
 * answered. When the save fails (disk full, damaged file) the answer still goes out, but without
 * buttons: a button that would only say "expired" is worse than none.
 */
export async function keepAnswer(ctx: CommandContext, answer: Answer): Promise<AnswerRecord | undefined> {
  let record: AnswerRecord | undefined;
  if (answer.answered) {
    try {
      record = await ctx.answers.add(answer, ctx.member);
    } catch (error) {
      ctx.logger.error('could not save the answer; sending it without buttons', { error });
      ctx.note({ answerSaved: false });
    }
  }
  ctx.answered(answer, record?.id);
  return record;
}

/**
 * Asks the interaction's engine on a member's behalf and notes the outcome on its log line. A
 * question that fails gives the member back the cooldown it took: nothing was answered.
 */
export async function askForMember(ctx: CommandContext, userId: string, question: string, options: AskOptions = {}): Promise<Answer> {
  let answer: Answer;
  try {
    answer = await ctx.engine.ask(question, options);
  } catch (error) {
    // Not awaited: giving the use back must not hold up (or replace) the error the member is told about.
    void ctx.cooldowns.release(userId);
    throw error;
  }
  ctx.note({ answered: answer.answered, mode: answer.mode, citations: answer.citations.length });
  return answer;
}
