import { terms } from '../../text/terms.js';
import type { QuestionEntry } from './store.js';

/**
 * The close-variant key of a question: its distinct key terms, stemmed and stopwords dropped by the
 * engine's own analysis (src/text/terms.ts), sorted and joined by spaces. "When did Albania cut
 * ties with Iran?" and "when did albania cut its ties with iran" share one key, so members who
 * asked either count towards the same question. A question of stopwords only has the key ''.
 *
 * Every store computes the key with this function when it writes a question, so a SQLite and a
 * PostgreSQL store group the same questions alike.
 */
export function questionKey(question: string): string {
  return [...new Set(terms(question))].sort().join(' ');
}

/**
 * The key a store writes with a question-log entry: {@link questionKey} for an answered `/ask`
 * question, the only kind ever suggested; '' for a follow-up ("When did he say that?" needs the
 * question before it, so it is not offered alone); null for the rest, which need none.
 */
export function suggestionKey(entry: Pick<QuestionEntry, 'outcome' | 'command' | 'question' | 'followUp'>): string | null {
  if (entry.outcome !== 'answered' || entry.command !== 'ask') return null;
  return entry.followUp ? '' : questionKey(entry.question);
}

/** The columns of a question-log row, in the order {@link questionRow} gives their values. */
export const QUESTION_COLUMNS = 'at, member, command, outcome, reason, term, mode, article_ids, latency_ms, question, answer_id, variant';

/** The values of a question-log row, as both stores write it (article ids as JSON, the key last). */
export function questionRow(e: QuestionEntry): Array<string | number | null> {
  return [
    e.at,
    e.member,
    e.command,
    e.outcome,
    e.reason ?? null,
    e.term ?? null,
    e.mode ?? null,
    JSON.stringify(e.articleIds),
    Math.round(e.latencyMs),
    e.question,
    e.answerId ?? null,
    suggestionKey(e),
  ];
}
