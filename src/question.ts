import { QuestionError } from './errors.js';

/**
 * The longest question the bot and the engine take, in characters: one limit for `/ask`, the
 * "Check against sources" menu (which cuts a long message to it) and `npm run ask`.
 *
 * Why 1000: a real question is one or two sentences, but the menu checks a pasted claim, and a
 * Discord message runs to 2000 characters; 1000 keeps a whole paragraph of claim. It is also about
 * 250 tokens, well inside the embedding model's 512-token window, so the model never silently
 * drops the end of a question, and it bounds the work one ask can cost (every word is a BM25 term).
 */
export const MAX_QUESTION_LENGTH = 1000;

/**
 * The question, trimmed, or a {@link QuestionError} saying why it can't be asked (`empty`,
 * `too-long`). The engine calls it on every ask; front ends call it early to refuse before work.
 */
export function checkQuestion(text: string): string {
  const question = text.trim();
  if (!question) throw new QuestionError('The question is empty.', 'empty');
  if (question.length > MAX_QUESTION_LENGTH) {
    throw new QuestionError(`Please keep questions under ${MAX_QUESTION_LENGTH} characters.`, 'too-long');
  }
  return question;
}
