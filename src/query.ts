import type { QueryTerm } from './bm25.js';
import { synonymsOf } from './synonyms.js';
import { terms } from './text.js';

/** How much a synonym counts relative to a word the user actually typed. */
export const SYNONYM_WEIGHT = 0.4;

/** An analysed question: its own terms, and those plus weighted synonyms for matching. */
export interface AnalysedQuery {
  /** Distinct terms the user typed (stemmed, stopwords removed). */
  terms: string[];
  /** `terms` at weight 1 plus synonyms at {@link SYNONYM_WEIGHT}. */
  expanded: QueryTerm[];
}

/** Analyses a question for lexical retrieval. */
export function analyseQuery(question: string): AnalysedQuery {
  const own = [...new Set(terms(question))];
  const expanded: QueryTerm[] = own.map((term) => ({ term, weight: 1 }));
  const seen = new Set(own);
  for (const term of own) {
    for (const syn of synonymsOf(term)) {
      if (seen.has(syn)) continue;
      seen.add(syn);
      expanded.push({ term: syn, weight: SYNONYM_WEIGHT });
    }
  }
  return { terms: own, expanded };
}
