import type { Bm25Index, QueryTerm } from '../index/bm25.js';
import { DEMONYM_WEIGHT, type AnalysedQuery } from './query.js';

/**
 * Near spellings, for names: transliterated names are written several ways ("Mujahedin" and
 * "Mujahideen", "Teheran" and "Tehran"), and a reader's spelling should still find the article's.
 */

/** True when `a` and `b` differ by at most `max` single-character insertions, deletions or substitutions. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    // Once every cell of a row exceeds the budget, no later row can come back under it.
    if (Math.min(...current) > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

/** Edits allowed between two spellings of a name: none for short ones, where one letter makes another word. */
export function nameEditBudget(term: string): number {
  return term.length >= 8 ? 2 : term.length >= 6 ? 1 : 0;
}

/** A term of `vocabulary` spelled like `term`: same first letter, within its edit budget. */
export function nearSpelling(term: string, vocabulary: Iterable<string>): string | undefined {
  const budget = nameEditBudget(term);
  if (budget === 0) return undefined;
  for (const known of vocabulary) {
    if (known[0] === term[0] && withinEdits(term, known, budget)) return known;
  }
  return undefined;
}

/** Whether some document of `index` holds `term` or one of its `alternatives` (synonym, demonym, spelling). */
export function mentionedIn(index: Bm25Index, term: string, alternatives: AnalysedQuery['alternatives']): boolean {
  const known = (t: string) => index.docFrequency(t) > 0;
  return known(term) || (alternatives.get(term) ?? []).some((a) => known(a.term));
}

/** How much a near spelling of a name counts: nearly the name itself, like a demonym. */
export const SPELLING_WEIGHT = DEMONYM_WEIGHT;

/**
 * The query with each name `index` doesn't know also matching its near spelling there, so
 * "Teheran" finds "Tehran" in retrieval and in quote scoring alike.
 */
export function withNameSpellings(query: AnalysedQuery, index: Bm25Index): AnalysedQuery {
  const alternatives = new Map(query.alternatives);
  const added: QueryTerm[] = [];
  for (const { term } of query.names) {
    if (mentionedIn(index, term, alternatives)) continue;
    const near = nearSpelling(term, index.terms());
    if (!near) continue;
    alternatives.set(term, [...(alternatives.get(term) ?? []), { term: near, weight: SPELLING_WEIGHT }]);
    added.push({ term: near, weight: SPELLING_WEIGHT });
  }
  return added.length ? { ...query, alternatives, expanded: [...query.expanded, ...added] } : query;
}
