import { questionKey } from '../stores/question-key.js';
import type { QuestionLog } from '../stores/store.js';
import { safeTruncate } from '../views/safe-text.js';
import { Limits } from '../views/limits.js';
import { matchScore, type Choice } from './rank.js';

/** How the question is echoed on Discord: markdown and mentions neutralised, as all member text is. */
const forDiscord = (question: string) => safeTruncate(question, Limits.choiceValue);

/**
 * Hides a question from `/ask`'s suggestions, or lets it be suggested again, and says what
 * happened in one line for the moderator (`/insights hide:`; `npm run insights -- --hide` passes
 * its own `show`, since a terminal needs no escaping).
 */
export async function moderateSuggestion(
  questions: QuestionLog,
  action: 'hide' | 'unhide',
  question: string,
  { now = Date.now(), show = forDiscord }: { now?: number; show?: (question: string) => string } = {},
): Promise<string> {
  const quoted = `“${show(question.trim())}”`;
  if (action === 'hide') {
    if (await questions.hide(question, now)) return `Hidden: ${quoted} and its close variants are no longer suggested in /ask.`;
    // hide() refuses a question only when it is hidden already or has no key terms to group it by.
    return questionKey(question) === ''
      ? `${quoted} has no key words to recognise it by, so there is nothing to hide.`
      : `${quoted} was already hidden.`;
  }
  return (await questions.unhide(question))
    ? `Unhidden: ${quoted} may be suggested again once enough members ask it.`
    : `${quoted} was not hidden.`;
}

/** The hidden questions matching what the moderator typed, for `unhide:` (at most 25, each fit for a choice). */
export async function hiddenChoices(questions: QuestionLog, typed: string): Promise<Choice[]> {
  const out: Choice[] = [];
  for (const { question } of await questions.hidden()) {
    const name = question.replace(/\s+/g, ' ').trim();
    if (!name || name.length > Limits.choiceValue || matchScore(typed, name) === 0) continue;
    out.push({ name, value: name });
    if (out.length === Limits.autocompleteChoices) break;
  }
  return out;
}
