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
