import type { AnalysedQuery } from '../query/query.js';
import type { Answer } from '../types.js';

/** Why a question was not answered, in machine form (`ask --json`, the bot's log). */
export type NotCovered = NonNullable<Answer['notCovered']>;

/** Why a question was not answered, most specific first. */
export function notCoveredReason(query: AnalysedQuery, unmentioned: string | undefined): NotCovered {
  if (query.terms.length === 0) return { reason: 'no-words' };
  if (unmentioned) return { reason: 'unknown-name', term: unmentioned };
  if (query.unknown.length) return { reason: 'unknown-word', term: query.unknown[0]! };
  return { reason: 'below-threshold' };
}

/** What the member reads when a question is not answered: why, then `hint` (what the articles do cover). */
export function notCoveredMessage({ reason, term }: NotCovered, hint: string): string {
  const lead = {
    'no-words': 'I could not find any words to search for in that question.',
    'unknown-name': `The articles don't cover that (they never mention ${term}), so I won't guess.`,
    // Not "the articles don't cover it": they may, in words the question spelled differently.
    'unknown-word': `No article contains “${term}” (or a word spelled like it), so I can't find what you're asking about. Check the spelling, or ask in other words.`,
    'below-threshold': "The articles don't cover that, so I won't guess.",
  }[reason];
  return `${lead} ${hint}`;
}

/** One line on what the articles cover (the first three titles), for "not covered" replies. */
export function coverageHint(articles: ReadonlyArray<{ title: string }>): string {
  const titles = articles.slice(0, 3).map((a) => `“${a.title}”`);
  const more = articles.length > 3 ? `, and ${articles.length - 3} more` : '';
  return `The articles cover: ${titles.join(', ')}${more}.`;
}
